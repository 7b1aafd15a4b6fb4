namespace Microsoft.ML.Gan.Tabular.Ctgan;

/// <summary>
/// The categorical label a generator is conditioned on (<see cref="Tvae.TvaeOptions.LabelColumn"/>'s decoder,
/// <see cref="TabDdpm.TabDdpmOptions.LabelColumn"/>'s denoiser) at generation: its span in the encoded row, each row's
/// class — a condition's category when the condition is on the label, else drawn from the training frequencies (the
/// category whose cumulative frequency first exceeds the row's uniform) — and the one-hot a network reads.
/// </summary>
internal sealed class GeneratedLabel : IDisposable
{
    private readonly int _column;
    private readonly int _firstCategory;
    private readonly Tensor _cumulative;

    /// <param name="layout">The conditionable (discrete) columns of the data transformer.</param>
    /// <param name="labelColumn">The label, a discrete column.</param>
    /// <exception cref="InvalidDataException">The label is not a discrete column of the transformer.</exception>
    public GeneratedLabel(ConditionLayout layout, string labelColumn)
    {
        _column = layout.IndexOf(labelColumn);
        if (_column < 0)
            throw new InvalidDataException($"The model's label '{labelColumn}' is not a discrete column of its data transformer.");
        Span = layout.Spans[_column];
        _firstCategory = layout.SpanStart[_column];
        double running = 0;
        _cumulative = tensor(layout.Frequencies[_column].Select(f => (float)(running += f)).ToArray()).DetachFromDisposeScope();
    }

    /// <summary>The label's category span in the encoded row.</summary>
    public OutputSpan Span { get; }

    /// <summary>
    /// Each of <paramref name="rows"/> rows' class [rows] (on the CPU): the condition's category when it is on the
    /// label, else drawn from the uniforms in [0, 1) that <paramref name="uniforms"/> gives [rows] — only called then, so
    /// a condition on the label draws nothing.
    /// </summary>
    public Tensor Classes(long rows, Func<Tensor> uniforms, ForcedCategory? condition)
    {
        if (condition is not null && condition.Column == _column)
        {
            using Scalar category = (long)(condition.Category - _firstCategory);
            return full([rows], category, dtype: ScalarType.Int64);
        }
        return searchsorted(_cumulative, uniforms(), right: true).clamp(max: Span.Length - 1);
    }

    /// <summary>The network's label input: the classes' one-hots as floats [rows, categories].</summary>
    public Tensor OneHot(Tensor classes) => nn.functional.one_hot(classes, Span.Length).to(ScalarType.Float32);

    public void Dispose() => _cumulative.Dispose();
}
