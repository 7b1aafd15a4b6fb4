using Microsoft.ML.Gan.Vectors;

namespace Microsoft.ML.Gan.Tests.Vectors;

/// <summary>Training settings for the ring of Gaussians, sized to run in well under a minute on 2 cores.</summary>
internal static class RingSettings
{
    /// <summary>
    /// WGAN-GP with the paper's architecture family (ReLU MLPs, n_critic 5, Adam β = (0.5, 0.9)) and λ = 0.1, the value
    /// the WGAN-GP authors use for their 2-D toy tasks (λ = 10 stays the estimator's default for real data), with a
    /// linear learning-rate decay over the last 70% of the steps so that the modes end up sharp.
    /// </summary>
    public static WganGpOptions WganGp() => new()
    {
        MaxSteps = 3000,
        BatchSize = 128,
        PenaltyWeight = 0.1,
        GeneratorLearningRate = 1e-3,
        DiscriminatorLearningRate = 1e-3,
        LearningRateDecayStart = 0.3,
        GeneratorBeta1 = 0.5,
        DiscriminatorBeta1 = 0.5,
        GeneratorLayers = new[] { 128, 128, 128 },
        DiscriminatorLayers = new[] { 128, 128, 128 },
        LatentDimension = 8,
        Threads = 1,
    };

    /// <summary>
    /// Non-saturating GAN with the R1 penalty (γ = 0.1, Mescheder et al. 2018) as the remedy: without it the same
    /// settings collapse onto two modes. Learning rates decay linearly over the second half.
    /// </summary>
    public static VanillaGanOptions NonSaturatingWithR1() => new()
    {
        MaxSteps = 5000,
        BatchSize = 256,
        Penalty = Microsoft.ML.Gan.Penalties.PenaltyKind.R1,
        PenaltyWeight = 0.1,
        GeneratorLearningRate = 1e-3,
        DiscriminatorLearningRate = 1e-3,
        LearningRateDecayStart = 0.5,
        GeneratorLayers = new[] { 128, 128, 128 },
        DiscriminatorLayers = new[] { 128, 128, 128 },
        LatentDimension = 8,
        Threads = 1,
    };
}
