namespace Microsoft.ML.Gan.Augmentation;

/// <summary>What the last <see cref="GanAugmentationEstimator{TTransformer}.Fit"/> gave the wrapped estimator.</summary>
/// <param name="RealRows">Real training rows.</param>
/// <param name="SyntheticRowsGenerated">Synthetic rows generated, the quality filter's rejects included.</param>
/// <param name="SyntheticRowsRejected">Synthetic rows the quality filter dropped.</param>
/// <param name="Classes">
/// Per class (categorical labels only; empty for a continuous label), counted in the rows the wrapped estimator was
/// fitted on: real and synthetic rows of that label value.
/// </param>
/// <param name="TrainingData">The rows the wrapped estimator was fitted on: the real rows, then the kept synthetic rows.</param>
public sealed record AugmentationSummary(
    long RealRows,
    long SyntheticRowsGenerated,
    long SyntheticRowsRejected,
    IReadOnlyList<AugmentedClass> Classes,
    IDataView TrainingData)
{
    /// <summary>Synthetic rows added to the real ones.</summary>
    public long SyntheticRowsAdded => SyntheticRowsGenerated - SyntheticRowsRejected;
}

/// <summary>The rows of one label value after augmentation.</summary>
/// <param name="Label">The label value (<see cref="bool"/>, raw key as <see cref="ulong"/>, <see cref="string"/> or <see cref="double"/>).</param>
/// <param name="RealRows">Real rows with this label.</param>
/// <param name="SyntheticRows">Synthetic rows with this label.</param>
public sealed record AugmentedClass(object Label, long RealRows, long SyntheticRows)
{
    /// <summary>All rows with this label.</summary>
    public long TotalRows => RealRows + SyntheticRows;
}
