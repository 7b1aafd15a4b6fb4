namespace Microsoft.ML.Gan.Tabular.Ctgan;

/// <summary>
/// The categorical label that conditions a TVAE decoder (<see cref="Tvae.TvaeOptions.LabelColumn"/>) at generation:
/// its span in the encoded row, each row's class (a condition's category, or drawn from the training frequencies) and
/// the one-hot the decoder reads.
/// </summary>
internal sealed class DecoderLabel : IDisposable
{
    private readonly int _column;
    private readonly int _firstCategory;
    private readonly LabelDraw _draw;

    /// <param name="layout">The conditionable columns of the data transformer.</param>
    /// <param name="labelColumn">The label, a conditionable (discrete) column.</param>
    /// <exception cref="InvalidDataException">The label is not a conditionable column of the transformer.</exception>
    public DecoderLabel(ConditionLayout layout, string labelColumn)
    {
        _column = layout.IndexOf(labelColumn);
        if (_column < 0)
            throw new InvalidDataException($"The TVAE decoder's label '{labelColumn}' is not a discrete column of its data transformer.");
        Span = layout.Spans[_column];
        _firstCategory = layout.SpanStart[_column];
        _draw = new LabelDraw(layout.Frequencies[_column]);
    }

    /// <summary>The label's category span in the encoded row.</summary>
    public OutputSpan Span { get; }

    /// <summary>Each row's class [rows]: the condition's category when it is on the label, else drawn from <paramref name="uniforms"/> [rows].</summary>
    public Tensor Classes(Tensor uniforms, ForcedCategory? condition)
    {
        if (condition is null)
            return _draw.FromUniforms(uniforms);
        using Scalar category = (long)(condition.Category - _firstCategory);
        return full([uniforms.shape[0]], category, dtype: ScalarType.Int64);
    }

    /// <summary>The decoder's label input: the classes' one-hots as floats [rows, categories].</summary>
    public Tensor OneHot(Tensor classes) => nn.functional.one_hot(classes, Span.Length).to(ScalarType.Float32);

    public void Dispose() => _draw.Dispose();
}
