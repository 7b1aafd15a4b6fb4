namespace Microsoft.ML.Gan.Training;

/// <summary>
/// The epochs of a family trained in epochs with a default floor of steps (the GAN engine's options, TVAE's), and
/// whether the caller chose them. The length rule: exactly the steps the caller set, else the epochs' steps, raised to
/// the family's floor when the caller did not choose the epochs either — so that a small table (few steps per epoch)
/// still gets enough updates.
/// </summary>
/// <param name="Value">The epochs (the caller's or the family's default).</param>
/// <param name="Chosen">Whether the caller set them.</param>
internal readonly record struct EpochsSetting(int Value, bool Chosen)
{
    /// <summary>The steps of a fit.</summary>
    /// <param name="maxSteps">Steps the caller set, or null.</param>
    /// <param name="stepsPerEpoch">Steps per pass over the rows (at least 1).</param>
    /// <param name="minimumSteps">The family's floor under its default epochs (0 for none).</param>
    public long Steps(long? maxSteps, long stepsPerEpoch, long minimumSteps)
    {
        if (maxSteps is long steps)
            return steps;
        long byEpochs = stepsPerEpoch * Value;
        return Chosen ? byEpochs : Math.Max(byEpochs, minimumSteps);
    }
}
