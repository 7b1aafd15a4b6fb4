namespace Microsoft.ML.Gan.Images.Metrics;

/// <summary>Training options of the LeNet-like <see cref="DomainClassifier"/>.</summary>
public sealed class DomainClassifierOptions
{
    /// <summary>Passes over the training images. Default 3.</summary>
    public int Epochs { get; set; } = 3;

    /// <summary>Images per Adam step. Default 64.</summary>
    public int BatchSize { get; set; } = 64;

    /// <summary>Adam learning rate. Default 1e-3.</summary>
    public double LearningRate { get; set; } = 1e-3;

    /// <summary>Width of the penultimate layer, whose activations are the metric features. Default 128.</summary>
    public int FeatureDimension { get; set; } = 128;

    /// <summary>Seed of initialization and batch order. Default 0.</summary>
    public int Seed { get; set; }

    /// <summary>Torch intra-op threads; 0 keeps torch's default. Default 0.</summary>
    public int Threads { get; set; }

    internal void Validate()
    {
        if (Epochs < 1)
            throw new ArgumentOutOfRangeException(nameof(Epochs), Epochs, "Epochs must be at least 1.");
        if (BatchSize < 1)
            throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "BatchSize must be at least 1.");
        if (LearningRate <= 0)
            throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "LearningRate must be positive.");
        if (FeatureDimension < 2)
            throw new ArgumentOutOfRangeException(nameof(FeatureDimension), FeatureDimension, "FeatureDimension must be at least 2.");
    }
}
