namespace Microsoft.ML.Gan.Training;

/// <summary>A progress report of the training engine.</summary>
/// <param name="Step">Generator steps done so far.</param>
/// <param name="TotalSteps">Generator steps planned.</param>
/// <param name="Epoch">Epochs done so far (fractional).</param>
/// <param name="DiscriminatorLoss">Mean discriminator loss (penalty included) since the previous report; NaN under
/// differential privacy, where it would be an exact function of the real rows.</param>
/// <param name="GeneratorLoss">Mean generator loss since the previous report.</param>
/// <param name="SamplesPerSecond">Real samples consumed per second since the previous report.</param>
/// <param name="SkippedSteps">Optimizer updates skipped so far because of non-finite losses or gradients.</param>
/// <param name="Elapsed">Time spent training (this run).</param>
public sealed record GanProgress(
    long Step,
    long TotalSteps,
    double Epoch,
    double DiscriminatorLoss,
    double GeneratorLoss,
    double SamplesPerSecond,
    long SkippedSteps,
    TimeSpan Elapsed)
{
    /// <summary>Estimated time left at the current speed.</summary>
    public TimeSpan Remaining => Step == 0 ? TimeSpan.Zero : Elapsed * ((double)(TotalSteps - Step) / Step);

    /// <inheritdoc />
    public override string ToString() =>
        $"step {Step}/{TotalSteps} epoch {Epoch:F2} D {(double.IsNaN(DiscriminatorLoss) ? "–" : DiscriminatorLoss.ToString("F4"))} G {GeneratorLoss:F4} " +
        $"{SamplesPerSecond:F0} samples/s skipped {SkippedSteps}";
}
