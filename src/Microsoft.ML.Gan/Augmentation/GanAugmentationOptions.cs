namespace Microsoft.ML.Gan.Augmentation;

/// <summary>Options of <see cref="GanAugmentationEstimator{TTransformer}"/>: which label, how many synthetic rows, which ones to keep.</summary>
public sealed class GanAugmentationOptions
{
    /// <summary>The label column the synthesizer is conditioned on and the trainer learns. Default "Label".</summary>
    public string LabelColumnName { get; set; } = "Label";

    /// <summary>Whether the label holds classes or a continuous target. Default <see cref="AugmentationLabelKind.Auto"/> (from the column type).</summary>
    public AugmentationLabelKind LabelKind { get; set; } = AugmentationLabelKind.Auto;

    /// <summary>How many synthetic rows to add. Default <see cref="AugmentationStrategy.BalanceClasses"/>.</summary>
    public AugmentationStrategy Strategy { get; set; } = AugmentationStrategy.BalanceClasses;

    /// <summary>For <see cref="AugmentationStrategy.ClassRatio"/>: synthetic rows per real row of each class (0.5 adds half as many again). At least 0. Default 1.</summary>
    public double Ratio { get; set; } = 1;

    /// <summary>For <see cref="AugmentationStrategy.TotalFraction"/>: synthetic rows per real row overall. At least 0. Default 0.5.</summary>
    public double Fraction { get; set; } = 0.5;

    /// <summary>
    /// The most synthetic rows added in all; when the strategy asks for more, every class's count is scaled down by the
    /// same factor (rounded down). Null for no cap. Default null.
    /// </summary>
    public int? MaxSyntheticRows { get; set; }

    /// <summary>
    /// Quality filter, for Boolean and key labels: when set, the wrapped estimator is first fitted on the real rows
    /// alone, scores every synthetic row, and a row is kept only when that first-pass model gives its asked label a
    /// probability of at least this value (binary: <c>Probability</c>, or 1 − <c>Probability</c> for a false label;
    /// multiclass: the asked key's slot of <c>Score</c>). Rejected rows are replaced by new draws for up to
    /// <see cref="FilterRounds"/> rounds, so a class may end below its target. In [0, 1]; null (default) keeps every row.
    /// </summary>
    public double? QualityThreshold { get; set; }

    /// <summary>How many generate-and-filter rounds the quality filter runs per class at most. At least 1. Default 3.</summary>
    public int FilterRounds { get; set; } = 3;

    /// <summary>Seed of the synthetic rows; null draws one from the MLContext (deterministic for <c>new MLContext(seed)</c>).</summary>
    public int? Seed { get; set; }

    /// <summary>Checks the ranges; the message names the option.</summary>
    /// <exception cref="ArgumentException">The label column name is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A number is out of range.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(LabelColumnName))
            throw new ArgumentException("LabelColumnName must name the label column.", nameof(LabelColumnName));
        if (!Enum.IsDefined(Strategy))
            throw new ArgumentOutOfRangeException(nameof(Strategy), Strategy, "Strategy must be BalanceClasses, ClassRatio or TotalFraction.");
        if (!Enum.IsDefined(LabelKind))
            throw new ArgumentOutOfRangeException(nameof(LabelKind), LabelKind, "LabelKind must be Auto, Categorical or Continuous.");
        if (!(Ratio >= 0) || double.IsInfinity(Ratio))
            throw new ArgumentOutOfRangeException(nameof(Ratio), Ratio, "Ratio (synthetic rows per real row of a class) must be a finite number ≥ 0.");
        if (!(Fraction >= 0) || double.IsInfinity(Fraction))
            throw new ArgumentOutOfRangeException(nameof(Fraction), Fraction, "Fraction (synthetic rows per real row) must be a finite number ≥ 0.");
        if (MaxSyntheticRows < 0)
            throw new ArgumentOutOfRangeException(nameof(MaxSyntheticRows), MaxSyntheticRows, "MaxSyntheticRows must be ≥ 0 (or null for no cap).");
        if (QualityThreshold is { } threshold && !(threshold >= 0 && threshold <= 1))
            throw new ArgumentOutOfRangeException(nameof(QualityThreshold), threshold, "QualityThreshold is a probability: it must be in [0, 1] (or null for no filter).");
        if (FilterRounds < 1)
            throw new ArgumentOutOfRangeException(nameof(FilterRounds), FilterRounds, "FilterRounds must be at least 1.");
    }
}
