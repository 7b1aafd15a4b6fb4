using Microsoft.ML.Gan.Vectors;

namespace Microsoft.ML.Gan.Tests.Vectors;

/// <summary>Training settings for the ring of Gaussians, sized to run in well under a minute on 2 cores.</summary>
internal static class RingSettings
{
    /// <summary>
    /// WGAN-GP with the paper's architecture family (ReLU MLPs, n_critic 5, Adam β = (0.5, 0.9)) and λ = 0.1, the value
    /// the WGAN-GP authors use for their 2-D toy tasks (λ = 10 stays the estimator's default for real data).
    /// </summary>
    public static WganGpOptions WganGp() => new()
    {
        MaxSteps = 2000,
        BatchSize = 128,
        PenaltyWeight = 0.1,
        GeneratorLearningRate = 5e-4,
        DiscriminatorLearningRate = 5e-4,
        GeneratorBeta1 = 0.5,
        DiscriminatorBeta1 = 0.5,
        GeneratorLayers = new[] { 128, 128, 128 },
        DiscriminatorLayers = new[] { 128, 128, 128 },
        LatentDimension = 8,
        Threads = 1,
    };

    /// <summary>Non-saturating GAN with PacGAN packing as the mode-collapse remedy.</summary>
    public static VanillaGanOptions NonSaturatingWithPacking() => new()
    {
        MaxSteps = 3000,
        BatchSize = 256,
        Pack = 4,
        GeneratorLearningRate = 1e-3,
        DiscriminatorLearningRate = 1e-3,
        GeneratorLayers = new[] { 128, 128, 128 },
        DiscriminatorLayers = new[] { 128, 128, 128 },
        LatentDimension = 8,
        Threads = 1,
    };
}
