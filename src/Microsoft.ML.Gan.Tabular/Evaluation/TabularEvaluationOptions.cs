namespace Microsoft.ML.Gan.Tabular.Evaluation;

/// <summary>
/// Options for <c>mlContext.Gan().Tabular.Evaluate(real, synthetic, options)</c>: how columns are read, which real
/// rows serve as the holdout, and the settings of each part of the quality and privacy report.
/// </summary>
public sealed class TabularEvaluationOptions
{
    /// <summary>
    /// Numeric columns to treat as categories (one per distinct value) instead of numbers, in all tables. Text,
    /// Boolean and key columns are always categorical. Default: none.
    /// </summary>
    public IReadOnlyList<string> DiscreteColumns { get; init; } = [];

    /// <summary>Columns left out of every metric (identifiers, vectors). Default: none.</summary>
    public IReadOnlyList<string> IgnoreColumns { get; init; } = [];

    /// <summary>
    /// Real rows that the synthesizer did not see. They are the test set of ML efficacy and the baseline of the
    /// distance-to-closest-record (DCR) privacy check, and the non-members of the membership-inference attack, which
    /// runs only when they are given. Default: null, in which case <see cref="HoldoutFraction"/> of
    /// the real rows are split off at random; pass a true holdout for a sound privacy and efficacy assessment,
    /// because a synthesizer trained on all real rows may have memorized the split-off ones.
    /// </summary>
    public IDataView? RealHoldout { get; init; }

    /// <summary>Share of the real rows split off as the holdout when <see cref="RealHoldout"/> is null. Default: 0.2.</summary>
    public double HoldoutFraction { get; init; } = 0.2;

    /// <summary>
    /// The label of the ML-efficacy check (train on synthetic, test on real, beside train on real, test on real).
    /// Default: null, which skips the check.
    /// </summary>
    public string? LabelColumn { get; init; }

    /// <summary>
    /// The kind of prediction task for <see cref="LabelColumn"/>. Default: <see cref="MlEfficacyTask.Auto"/>
    /// (two categories: binary; more: multiclass; a continuous label: regression).
    /// </summary>
    public MlEfficacyTask Task { get; init; } = MlEfficacyTask.Auto;

    /// <summary>
    /// The category of a binary label counted as positive for F1 and AUC, as its text. Default: null, meaning the
    /// rarer category in the real training rows.
    /// </summary>
    public string? PositiveClass { get; init; }

    /// <summary>Number of trees of the FastTree trainers in the ML-efficacy check. Default: 100 (ML.NET's default).</summary>
    public int NumberOfTrees { get; init; } = 100;

    /// <summary>The correlation coefficient compared for pairs of continuous columns. Default: <see cref="CorrelationMethod.Pearson"/>.</summary>
    public CorrelationMethod CorrelationMethod { get; init; } = CorrelationMethod.Pearson;

    /// <summary>
    /// Number of equal-width bins (over the real range) a continuous column is cut into when it is paired with a
    /// categorical column for contingency similarity. Default: 10.
    /// </summary>
    public int PairBins { get; init; } = 10;

    /// <summary>Number of equal-width bins in the histograms of continuous columns (report plots). Default: 30.</summary>
    public int HistogramBins { get; init; } = 30;

    /// <summary>
    /// Cap on the synthetic rows, and separately on the holdout rows, whose distance to the closest real training
    /// record is computed (a random subsample above the cap). Each costs one pass over all real training rows, so
    /// the DCR work is at most 2 × cap × training rows × columns. The membership-inference attack uses the same cap
    /// on training and holdout rows, each measured against all synthetic rows. Default: 2000.
    /// </summary>
    public int PrivacySampleSize { get; init; } = 2000;

    /// <summary>
    /// A category seen fewer than this many times in the real training rows is rare; synthetic rows carrying one
    /// are reported as rare-category exposure. Default: 5.
    /// </summary>
    public int RareCategoryThreshold { get; init; } = 5;

    /// <summary>Seed of the holdout split, the privacy subsample and the trainers. Default: 0.</summary>
    public int Seed { get; init; }

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(DiscreteColumns, nameof(DiscreteColumns));
        ArgumentNullException.ThrowIfNull(IgnoreColumns, nameof(IgnoreColumns));
        if (RealHoldout is null && !(HoldoutFraction > 0 && HoldoutFraction < 1))
            throw new ArgumentOutOfRangeException(nameof(HoldoutFraction), HoldoutFraction, $"{nameof(HoldoutFraction)} must be between 0 and 1 (exclusive).");
        if (NumberOfTrees < 1)
            throw new ArgumentOutOfRangeException(nameof(NumberOfTrees), NumberOfTrees, $"{nameof(NumberOfTrees)} must be at least 1.");
        if (PairBins < 2)
            throw new ArgumentOutOfRangeException(nameof(PairBins), PairBins, $"{nameof(PairBins)} must be at least 2.");
        if (HistogramBins < 2)
            throw new ArgumentOutOfRangeException(nameof(HistogramBins), HistogramBins, $"{nameof(HistogramBins)} must be at least 2.");
        if (PrivacySampleSize < 1)
            throw new ArgumentOutOfRangeException(nameof(PrivacySampleSize), PrivacySampleSize, $"{nameof(PrivacySampleSize)} must be at least 1.");
        if (RareCategoryThreshold < 0)
            throw new ArgumentOutOfRangeException(nameof(RareCategoryThreshold), RareCategoryThreshold, $"{nameof(RareCategoryThreshold)} must not be negative.");
        if (!Enum.IsDefined(Task))
            throw new ArgumentOutOfRangeException(nameof(Task), Task, $"{nameof(Task)} is not a known task.");
        if (!Enum.IsDefined(CorrelationMethod))
            throw new ArgumentOutOfRangeException(nameof(CorrelationMethod), CorrelationMethod, $"{nameof(CorrelationMethod)} is not a known method.");
    }
}

/// <summary>The prediction task of the ML-efficacy check.</summary>
public enum MlEfficacyTask
{
    /// <summary>Binary for a categorical label with two categories, multiclass for more, regression for a continuous label.</summary>
    Auto,

    /// <summary>Binary classification (accuracy, F1, AUC): FastTree and L-BFGS logistic regression.</summary>
    BinaryClassification,

    /// <summary>Multiclass classification (macro and micro accuracy): one-versus-all FastTree and L-BFGS maximum entropy.</summary>
    MulticlassClassification,

    /// <summary>Regression (R², RMSE, MAE): FastTree and SDCA linear regression.</summary>
    Regression,
}

/// <summary>The correlation coefficient used for pairs of continuous columns.</summary>
public enum CorrelationMethod
{
    /// <summary>Pearson's linear correlation.</summary>
    Pearson,

    /// <summary>Spearman's rank correlation (Pearson on ranks, ties sharing their mean rank).</summary>
    Spearman,
}
