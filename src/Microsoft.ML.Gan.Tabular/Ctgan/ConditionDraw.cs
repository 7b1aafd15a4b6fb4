namespace Microsoft.ML.Gan.Tabular.Ctgan;

/// <summary>
/// Draws conditions in batches: a conditionable column uniformly, then one of its categories from a fixed
/// probability matrix (log-frequencies for training-by-sampling, true frequencies for generation), both by inverting
/// cumulative distributions at two uniforms per row. Everything is batched torch calls; randomness comes from the
/// given uniforms, generator, or torch's default generator (training, so that a checkpoint resumes exactly).
/// </summary>
internal sealed class ConditionDraw : IDisposable
{
    private readonly Tensor _cumulative;    // [columns, max span length]: per column, the cumulative category probabilities
    private readonly Tensor _lastCategory;  // [columns]: span length − 1
    private readonly Tensor _spanStart;     // [columns]
    private readonly int _columns;

    public ConditionDraw(ConditionLayout layout, float[] probabilityMatrix, Device device)
    {
        Layout = layout;
        _columns = layout.ColumnCount;
        using (var probabilities = tensor(probabilityMatrix, [_columns, layout.MaxSpanLength], device: device))
            _cumulative = probabilities.cumsum(1);
        _lastCategory = tensor(layout.Spans.Select(s => (long)s.Length - 1).ToArray(), device: device);
        _spanStart = tensor(layout.SpanStart.Select(s => (long)s).ToArray(), device: device);
    }

    public ConditionLayout Layout { get; }

    /// <summary>Draws <paramref name="rows"/> conditions: the column of each and its category's global index.</summary>
    public (Tensor Column, Tensor Category) Draw(int rows, Generator? generator = null)
    {
        using var uniforms = rand([rows, 2], device: _cumulative.device, generator: generator);
        return FromUniforms(uniforms);
    }

    /// <summary>The conditions that two uniforms per row [rows, 2] pick: the column from the first, the category from the second.</summary>
    public (Tensor Column, Tensor Category) FromUniforms(Tensor uniforms)
    {
        using var scope = NewDisposeScope();
        // Scalars held in locals: an implicit int → Scalar temporary can be finalized during the native call.
        using Scalar columns = _columns, lastColumn = _columns - 1;
        var column = (uniforms.select(1, 0) * columns).to_type(ScalarType.Int64).clamp_max(lastColumn);
        var below = _cumulative.index_select(0, column) <= uniforms.select(1, 1).unsqueeze(1);
        var category = below.sum(1, type: ScalarType.Int64).minimum(_lastCategory.index_select(0, column));
        var global = category + _spanStart.index_select(0, column);
        return (column.MoveToOuterDisposeScope(), global.MoveToOuterDisposeScope());
    }

    /// <summary>The conditional vectors [rows, width]: a one-hot of each row's global category.</summary>
    public Tensor OneHot(Tensor category)
    {
        using var scope = NewDisposeScope();
        return nn.functional.one_hot(category, Layout.Width).to_type(ScalarType.Float32).MoveToOuterDisposeScope();
    }

    public void Dispose()
    {
        _cumulative.Dispose();
        _lastCategory.Dispose();
        _spanStart.Dispose();
    }
}
