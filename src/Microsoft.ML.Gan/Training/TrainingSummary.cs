namespace Microsoft.ML.Gan.Training;

/// <summary>What a training run did.</summary>
/// <param name="Steps">Generator steps completed (including those done before a resume).</param>
/// <param name="SkippedSteps">Optimizer updates skipped because of non-finite losses or gradients.</param>
/// <param name="EpochLosses">Per epoch: mean discriminator loss (NaN under differential privacy, where it is not released)
/// and mean generator loss.</param>
/// <param name="Elapsed">Wall-clock time of this run.</param>
public sealed record TrainingSummary(
    long Steps,
    long SkippedSteps,
    IReadOnlyList<(double Discriminator, double Generator)> EpochLosses,
    TimeSpan Elapsed);
