using Microsoft.ML.Gan.Losses;
using Microsoft.ML.Gan.Penalties;

namespace Microsoft.ML.Gan.Training;

/// <summary>
/// The training settings of the GAN papers, applied to any family's options so that every family's WGAN or WGAN-GP
/// preset means the same thing.
/// </summary>
internal static class PaperDefaults
{
    /// <summary>WGAN (Arjovsky et al. 2017): Wasserstein loss, weight clipping at 0.01, RMSprop(5e-5), n_critic = 5.</summary>
    public static void ApplyWgan(GanTrainingOptions options)
    {
        options.Loss = AdversarialLoss.Wasserstein;
        options.WeightClip = 0.01;
        options.Optimizer = OptimizerKind.RmsProp;
        options.GeneratorLearningRate = 5e-5;
        options.DiscriminatorLearningRate = 5e-5;
        options.CriticSteps = 5;
    }

    /// <summary>WGAN-GP (Gulrajani et al. 2017): Wasserstein loss, gradient penalty λ = 10, Adam(1e-4, β = (0, 0.9)),
    /// n_critic = 5.</summary>
    public static void ApplyWganGp(GanTrainingOptions options)
    {
        options.Loss = AdversarialLoss.Wasserstein;
        options.Penalty = PenaltyKind.GradientPenalty;
        options.PenaltyWeight = 10;
        options.GeneratorLearningRate = 1e-4;
        options.DiscriminatorLearningRate = 1e-4;
        options.GeneratorBeta1 = 0;
        options.GeneratorBeta2 = 0.9;
        options.DiscriminatorBeta1 = 0;
        options.DiscriminatorBeta2 = 0.9;
        options.CriticSteps = 5;
    }
}
