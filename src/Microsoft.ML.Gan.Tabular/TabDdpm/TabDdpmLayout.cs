namespace Microsoft.ML.Gan.Tabular.TabDdpm;

/// <summary>
/// Where the diffusion's inputs sit in the data transformer's encoded row. The diffused vector is
/// [normal scores of the continuous columns | one-hots of the categorical features], a categorical feature being a
/// discrete column's categories or a continuous column's [present, missing] indicator. The label column's categories,
/// when a discrete <c>LabelColumn</c> is set, are not diffused: they condition the denoiser.
/// </summary>
internal sealed class TabDdpmLayout
{
    public TabDdpmLayout(DataTransformer transformer, string? labelColumn)
    {
        var numeric = new List<long>();
        var categorical = new List<long>();
        var features = new List<(int Start, int Length)>();
        foreach (var span in transformer.Spans)
        {
            if (labelColumn is not null && span.Role == SpanRole.Category && span.ColumnName == labelColumn)
            {
                Label = span;
                continue;
            }
            if (span.Kind == SpanKind.Scalar)
            {
                numeric.Add(span.Start);
                continue;
            }
            features.Add((categorical.Count, span.Length));
            categorical.AddRange(Enumerable.Range(span.Start, span.Length).Select(p => (long)p));
        }
        NumericPositions = [.. numeric];
        CategoricalPositions = [.. categorical];
        Features = [.. features];
        EncodedWidth = transformer.OutputDimension;
    }

    /// <summary>Positions of the normal scores in the encoded row.</summary>
    public long[] NumericPositions { get; }

    /// <summary>Positions of the categorical features' one-hot entries in the encoded row.</summary>
    public long[] CategoricalPositions { get; }

    /// <summary>Each categorical feature's start and length within the categorical part of the diffused vector.</summary>
    public (int Start, int Length)[] Features { get; }

    /// <summary>The label's category span, or null when the denoiser is not conditioned on a label.</summary>
    public OutputSpan? Label { get; }

    public int NumericWidth => NumericPositions.Length;

    public int CategoricalWidth => CategoricalPositions.Length;

    /// <summary>The width of the diffused vector (and of the denoiser's input and output).</summary>
    public int Width => NumericWidth + CategoricalWidth;

    /// <summary>The number of label classes (0 without a label).</summary>
    public int LabelClasses => Label?.Length ?? 0;

    public int EncodedWidth { get; }

    /// <summary>The normal scores, the categorical one-hots and the label classes of encoded rows.</summary>
    public (Tensor Numeric, Tensor Categorical, Tensor? Label) Split(Tensor encoded, Device device)
    {
        var numeric = encoded.index_select(1, tensor(NumericPositions, device: device));
        var categorical = encoded.index_select(1, tensor(CategoricalPositions, device: device));
        var label = Label is null ? null : encoded.narrow(1, Label.Start, Label.Length).argmax(1);
        return (numeric, categorical, label);
    }

    /// <summary>Encoded rows (zeros elsewhere) holding the given parts, for the transformer to decode.</summary>
    public Tensor Join(Tensor numeric, Tensor categorical, Tensor? label)
    {
        long rows = numeric.shape[0];
        var encoded = zeros([rows, EncodedWidth], device: numeric.device);
        if (NumericWidth > 0)
            encoded.index_copy_(1, tensor(NumericPositions, device: numeric.device), numeric);
        if (CategoricalWidth > 0)
            encoded.index_copy_(1, tensor(CategoricalPositions, device: numeric.device), categorical);
        if (Label is not null && label is not null)
            encoded.narrow(1, Label.Start, Label.Length).copy_(nn.functional.one_hot(label, Label.Length).to(ScalarType.Float32));
        return encoded;
    }
}
