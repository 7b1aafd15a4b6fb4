namespace Microsoft.ML.Gan.Tabular.Ctgan;

/// <summary>A resolved condition: the conditionable column, the category's global index and its position in the encoded row.</summary>
/// <param name="Column">The conditionable column (index into <see cref="ConditionLayout.Spans"/>).</param>
/// <param name="Category">The category's index in the conditional vector.</param>
/// <param name="EncodedPosition">The category's position in the encoded row.</param>
internal sealed record ForcedCategory(int Column, int Category, int EncodedPosition);
