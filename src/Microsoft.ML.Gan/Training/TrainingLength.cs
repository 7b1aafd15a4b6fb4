namespace Microsoft.ML.Gan.Training;

/// <summary>
/// The training-length rule of families trained in epochs with a default floor of steps (the GAN engine's options,
/// TVAE's): exactly the steps the caller set, else the epochs' steps, raised to the family's floor when the caller did
/// not choose the epochs either — so that a small table (few steps per epoch) still gets enough updates.
/// </summary>
internal static class TrainingLength
{
    /// <param name="maxSteps">Steps the caller set, or null.</param>
    /// <param name="stepsPerEpoch">Steps per pass over the rows (at least 1).</param>
    /// <param name="epochs">The epochs (the caller's or the family's default).</param>
    /// <param name="epochsChosen">Whether the caller set the epochs.</param>
    /// <param name="minimumSteps">The family's floor under its default epochs (0 for none).</param>
    public static long Steps(long? maxSteps, long stepsPerEpoch, int epochs, bool epochsChosen, long minimumSteps)
    {
        if (maxSteps is long steps)
            return steps;
        long byEpochs = stepsPerEpoch * epochs;
        return epochsChosen ? byEpochs : Math.Max(byEpochs, minimumSteps);
    }
}
