namespace Microsoft.ML.Gan.Tabular;

/// <summary>
/// What the options of a tabular synthesizer that is not a GAN (<see cref="Tvae.TvaeOptions"/>,
/// <see cref="TabDdpm.TabDdpmOptions"/>) have in common: the columns read, the batch, the seed, the device and threads,
/// progress and cancellation, and their checks. Each synthesizer sets its own batch default; CTGAN's options
/// (<see cref="Ctgan.CtganOptions"/>) have the same members under the same names through the GAN engine's
/// <see cref="GanTrainingOptions"/>.
/// </summary>
public abstract class TabularSynthesizerOptions : ITabularSynthesizerOptions
{
    private protected TabularSynthesizerOptions(int batchSize) => BatchSize = batchSize;

    /// <summary>Rows per step; each synthesizer gives its default.</summary>
    public int BatchSize { get; set; }

    /// <summary>Numeric columns to treat as discrete (text, Boolean and key columns always are). Default: none.</summary>
    public IReadOnlyList<string> DiscreteColumns { get; set; } = [];

    /// <summary>Columns not to learn; the fitted model does not generate them. Default: none.</summary>
    public IReadOnlyList<string> IgnoreColumns { get; set; } = [];

    /// <summary>Seed of every random choice; null takes the MLContext's seed (or 0 when it has none).</summary>
    public int? Seed { get; set; }

    /// <summary>"cpu" (default), "cuda", "cuda:N" or "auto".</summary>
    public string Device { get; set; } = Torch.TorchDevices.Default;

    /// <summary>Torch intra-op threads (process-wide); default 0, torch's own count (see <see cref="GanTrainingOptions.Threads"/>).</summary>
    public int Threads { get; set; }

    /// <summary>Receives training progress; what a synthesizer reports is said on its options class.</summary>
    public IProgress<GanProgress>? Progress { get; set; }

    /// <summary>Stops training (with an <see cref="OperationCanceledException"/>) when cancelled.</summary>
    public CancellationToken CancellationToken { get; set; }

    /// <summary>The smallest batch the synthesizer trains on.</summary>
    private protected virtual int MinimumBatchSize => 1;

    /// <summary>Throws an <see cref="ArgumentOutOfRangeException"/> naming the first invalid option.</summary>
    public virtual void Validate()
    {
        Require(BatchSize >= MinimumBatchSize, nameof(BatchSize), BatchSize, $"at least {MinimumBatchSize}");
        Require(DiscreteColumns is not null, nameof(DiscreteColumns), null, "a list (possibly empty)");
        Require(IgnoreColumns is not null, nameof(IgnoreColumns), null, "a list (possibly empty)");
        Require(Threads >= 0, nameof(Threads), Threads, "0 (torch's default) or a positive count");
        Torch.TorchDevices.Resolve(Device, nameof(Device));
    }

    /// <summary>Throws an <see cref="ArgumentOutOfRangeException"/> for <paramref name="option"/> unless the condition holds.</summary>
    private protected static void Require(bool condition, string option, object? value, string expected) =>
        OptionChecks.Require(condition, option, value, expected);
}
