namespace Microsoft.ML.Gan.Tabular;

/// <summary>
/// A tabular synthesizer family as the command line sees it (<c>mlgan fit --synthesizer</c>): its name, what it
/// supports, and how it builds its estimator from the common settings. Each family registers one from its own folder
/// (<see cref="TabularSynthesizers.Register"/>), so a new family needs no edit elsewhere.
/// </summary>
/// <param name="Name">The <c>--synthesizer</c> value (lower case).</param>
/// <param name="DisplayName">The name in progress lines and messages (DP fits prefix "DP-").</param>
/// <param name="Create">Builds the estimator from the settings (its options are validated by the estimator).</param>
internal sealed record TabularSynthesizerDescriptor(string Name, string DisplayName, Func<MLContext, SynthesizerSettings, TabularSynthesizerEstimator> Create)
{
    /// <summary>Whether it takes <see cref="SynthesizerSettings.Target"/> (<c>--target</c>).</summary>
    public bool SupportsTarget { get; init; }

    /// <summary>Whether it can train under differential privacy (<see cref="SynthesizerSettings.Privacy"/>, <c>--dp-epsilon</c>).</summary>
    public bool SupportsPrivacy { get; init; }

    /// <summary>
    /// Whether it trains in steps over batches, so that <c>--epochs</c>, <c>--steps</c> and <c>--batch-size</c> apply;
    /// false for a family fitted in one pass over the table.
    /// </summary>
    public bool TrainsInSteps { get; init; } = true;

    /// <summary>Its training length when neither <c>--epochs</c> nor <c>--steps</c> is given, in words (for the help).</summary>
    public string DefaultLength { get; init; } = "300 epochs";

    /// <summary>Its rows per step when <c>--batch-size</c> is not given (for the help).</summary>
    public int DefaultBatchSize { get; init; } = 500;

    /// <summary>The most training steps it counts (<c>--steps</c>).</summary>
    public long MaxSteps { get; init; } = long.MaxValue;
}
