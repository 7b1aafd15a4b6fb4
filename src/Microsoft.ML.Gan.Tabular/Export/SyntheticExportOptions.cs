namespace Microsoft.ML.Gan.Tabular.Export;

/// <summary>
/// Options of <see cref="SyntheticDataExporter"/>: the real rows the privacy filter compares against, which filters
/// run, and how existing outputs are treated. The filters run in this order: exact-copy removal, rare-category
/// suppression, exact-copy removal again (a suppressed row may have become a copy of a real row with a missing
/// value), then the DCR filter. For a differentially private model (<see cref="DifferentialPrivacy"/> set) every
/// filter is off unless <see cref="AllowRealDataFiltersOnPrivateModel"/> is set: the filters read the real rows, so
/// their output would no longer be covered by the model's ε, and DP output needs no filter.
/// </summary>
public sealed class SyntheticExportOptions
{
    /// <summary>
    /// The real rows the synthesizer was trained on; every filter compares against them. Default: null, which is
    /// allowed only when every filter is turned off (a plain export).
    /// </summary>
    public IDataView? RealTraining { get; init; }

    /// <summary>Real rows the synthesizer did not see; needed by <see cref="MinimumDcrQuantile"/>. Default: null.</summary>
    public IDataView? RealHoldout { get; init; }

    /// <summary>Numeric columns to treat as categories when comparing rows (as in the evaluation). Default: none.</summary>
    public IReadOnlyList<string> DiscreteColumns { get; init; } = [];

    /// <summary>Drop synthetic rows equal in every column to a real training row. Default: true.</summary>
    public bool DropExactCopies { get; init; } = true;

    /// <summary>
    /// When set to q in [0, 1), drop synthetic rows whose distance to the closest real training row (the evaluation's
    /// mixed-type DCR) is below the q-quantile of the same distance for real holdout rows: no kept row is closer to the
    /// training data than the closest (q × 100) % of unseen real rows. Needs <see cref="RealHoldout"/>. Default: null (off).
    /// </summary>
    public double? MinimumDcrQuantile { get; init; }

    /// <summary>Cap on the holdout rows whose DCR sets the threshold (a seeded random subsample above it). Default: 2000.</summary>
    public int HoldoutSampleSize { get; init; } = 2000;

    /// <summary>
    /// k: a category of a discrete column seen fewer than k times in the real training rows (never seen included) is
    /// suppressed in the synthetic rows, as <see cref="RareCategoryHandling"/> says. 0 turns this off. Default: 5.
    /// </summary>
    public int RareCategoryThreshold { get; init; } = 5;

    /// <summary>What suppression does with a rare category. Default: <see cref="RareCategoryHandling.SetMissing"/>.</summary>
    public RareCategoryHandling RareCategoryHandling { get; init; } = RareCategoryHandling.SetMissing;

    /// <summary>Replace an existing output file or table. Default: false (an existing output is an error).</summary>
    public bool Overwrite { get; init; }

    /// <summary>
    /// Write the CSV header row. Default: true. Turn it off for the shards after the first of a sharded sample, so that
    /// the shards' files concatenated in order are byte for byte the file of the whole sample.
    /// </summary>
    public bool CsvHeader { get; init; } = true;

    /// <summary>Called with the number of rows written so far, every <see cref="ProgressInterval"/> rows and at the end. Default: null.</summary>
    public IProgress<long>? Progress { get; init; }

    /// <summary>Rows between progress reports (and cancellation checks in database writes). Default: 10,000.</summary>
    public int ProgressInterval { get; init; } = 10_000;

    /// <summary>
    /// The differential privacy of the model that generated the rows (e.g. <c>CtganModel.Privacy</c>), recorded in the
    /// export summary. Default: none.
    /// </summary>
    public Privacy.TabularPrivacyReport? DifferentialPrivacy { get; init; }

    /// <summary>
    /// Let the filters read <see cref="RealTraining"/> (and <see cref="RealHoldout"/>) although the model is
    /// differentially private. The output then depends on the real rows outside the DP mechanism: ε no longer covers
    /// it, and the summary says so (<see cref="ExportSummary.EpsilonCoversOutput"/> = false). Default: false, in which
    /// case a private model's export reads no real data and giving <see cref="RealTraining"/> is an error.
    /// </summary>
    public bool AllowRealDataFiltersOnPrivateModel { get; init; }

    /// <summary>Seed of the holdout subsample. Default: 0.</summary>
    public int Seed { get; init; }

    internal bool AnyFilter => DropExactCopies || MinimumDcrQuantile is not null || RareCategoryThreshold > 0;

    /// <summary>A private model's export keeps its guarantee: no filter reads the real rows.</summary>
    private bool KeepsPrivacy => DifferentialPrivacy is not null && !AllowRealDataFiltersOnPrivateModel;

    /// <summary>Whether the filters run (and read the real rows).</summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(RealTraining))]
    internal bool FiltersReadRealRows => RealTraining is not null && AnyFilter && !KeepsPrivacy;

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(DiscreteColumns, nameof(DiscreteColumns));
        if (KeepsPrivacy && (RealTraining is not null || RealHoldout is not null))
            throw new ArgumentException(
                $"The model is differentially private (ε = {DifferentialPrivacy!.Epsilon:G4}): the privacy filters would read the real rows, " +
                $"and ε would no longer cover the output. Leave {nameof(RealTraining)} and {nameof(RealHoldout)} unset (mlgan export without --real " +
                $"and --holdout) to keep the guarantee, or set {nameof(AllowRealDataFiltersOnPrivateModel)} (--allow-real-data-filters) to filter anyway.",
                nameof(RealTraining));
        if (!KeepsPrivacy && RealTraining is null && AnyFilter)
            throw new ArgumentException(
                $"The privacy filters need {nameof(RealTraining)}. Give the real training rows, or turn every filter off " +
                $"({nameof(DropExactCopies)} = false, {nameof(MinimumDcrQuantile)} = null, {nameof(RareCategoryThreshold)} = 0).", nameof(RealTraining));
        if (MinimumDcrQuantile is { } q && !(q >= 0 && q < 1))
            throw new ArgumentOutOfRangeException(nameof(MinimumDcrQuantile), q, $"{nameof(MinimumDcrQuantile)} must be in [0, 1).");
        if (!KeepsPrivacy && MinimumDcrQuantile is not null && RealHoldout is null)
            throw new ArgumentException($"{nameof(MinimumDcrQuantile)} needs {nameof(RealHoldout)}: real rows the synthesizer did not see.", nameof(RealHoldout));
        if (HoldoutSampleSize < 1)
            throw new ArgumentOutOfRangeException(nameof(HoldoutSampleSize), HoldoutSampleSize, $"{nameof(HoldoutSampleSize)} must be at least 1.");
        if (RareCategoryThreshold < 0)
            throw new ArgumentOutOfRangeException(nameof(RareCategoryThreshold), RareCategoryThreshold, $"{nameof(RareCategoryThreshold)} must not be negative.");
        if (!Enum.IsDefined(RareCategoryHandling))
            throw new ArgumentOutOfRangeException(nameof(RareCategoryHandling), RareCategoryHandling, $"{nameof(RareCategoryHandling)} is not a known handling.");
        if (ProgressInterval < 1)
            throw new ArgumentOutOfRangeException(nameof(ProgressInterval), ProgressInterval, $"{nameof(ProgressInterval)} must be at least 1.");
    }
}

/// <summary>What the privacy filter does with a category rarer than the threshold.</summary>
public enum RareCategoryHandling
{
    /// <summary>
    /// Replace the value by the column's missing value (empty text, key 0, NaN for Single/Double). Boolean, integer
    /// and DateTime columns have no missing value: there the row is dropped.
    /// </summary>
    SetMissing,

    /// <summary>Drop every row carrying a rare category.</summary>
    DropRow,
}
