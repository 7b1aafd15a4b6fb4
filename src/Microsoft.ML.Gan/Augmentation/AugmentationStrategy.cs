namespace Microsoft.ML.Gan.Augmentation;

/// <summary>How many synthetic rows <see cref="GanAugmentationEstimator{TTransformer}"/> adds.</summary>
public enum AugmentationStrategy
{
    /// <summary>Every class gets synthetic rows of its own label until it has as many rows as the largest class. Classification only.</summary>
    BalanceClasses,

    /// <summary>Every class gets <see cref="GanAugmentationOptions.Ratio"/> × its real row count synthetic rows of its own label. Classification only.</summary>
    ClassRatio,

    /// <summary>
    /// <see cref="GanAugmentationOptions.Fraction"/> × the real row count synthetic rows, unconditioned (the synthesizer draws
    /// their labels from what it learned). Works for regression as well as classification.
    /// </summary>
    TotalFraction,
}
