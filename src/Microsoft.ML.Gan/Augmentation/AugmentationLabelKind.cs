namespace Microsoft.ML.Gan.Augmentation;

/// <summary>Whether the label column holds classes or a continuous target.</summary>
public enum AugmentationLabelKind
{
    /// <summary>From the column type: Boolean, key and text labels are classes; numeric labels are continuous (regression).</summary>
    Auto,

    /// <summary>Classes, also for a numeric column (each distinct value is a class).</summary>
    Categorical,

    /// <summary>A continuous target (regression): only <see cref="AugmentationStrategy.TotalFraction"/> applies.</summary>
    Continuous,
}
