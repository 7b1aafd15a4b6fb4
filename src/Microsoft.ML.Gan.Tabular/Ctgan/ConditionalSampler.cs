namespace Microsoft.ML.Gan.Tabular.Ctgan;

/// <summary>
/// CTGAN's training-by-sampling (Xu et al. 2019, §4.3): for each row of a batch, pick a discrete column uniformly,
/// one of its categories by log-frequency, and a real row that has that category. The rows of each category are
/// precomputed once (one index array per conditionable column, sorted by category), so a batch costs a few batched
/// torch calls drawn from torch's default generator. Memory: one 32-bit row index per row and conditionable column.
/// </summary>
internal sealed class ConditionalSampler : IDisposable
{
    private readonly ConditionDraw _draw;
    private readonly EncodedCategories[] _columns;
    private readonly int _rows;
    private readonly Device _device;
    private readonly int[] _spanStart;
    private readonly Tensor _rowsByCategory; // [columns × rows] int32: per column, the rows ordered by category
    private readonly Tensor _categoryStart;  // [width] int64: where each global category's rows start
    private readonly Tensor _categoryCount;  // [width] int64
    private Tensor? _rowCategories;

    /// <param name="layout">The conditional vector's layout.</param>
    /// <param name="encoded">The encoded training rows.</param>
    /// <param name="device">Where the indices live.</param>
    /// <param name="frequencyRowCount">The row count that turns frequencies into counts for the log-frequency
    /// (a public count under differential privacy); null for the encoded row count.</param>
    public ConditionalSampler(ConditionLayout layout, EncodedTable encoded, Device device, long? frequencyRowCount = null)
    {
        int rows = encoded.RowCount;
        _rows = rows;
        _device = device;
        _draw = new ConditionDraw(layout, layout.ProbabilityMatrix(logFrequency: true, frequencyRowCount ?? rows), device);
        _columns = [.. layout.Spans.Select(s => (EncodedCategories)encoded.Column(s.ColumnIndex))];
        var counts = new long[layout.Width];
        var rowsByCategory = new int[(long)layout.ColumnCount * rows];
        var starts = new long[layout.Width];
        for (int c = 0; c < layout.ColumnCount; c++)
        {
            var column = _columns[c];
            int first = layout.SpanStart[c];
            int length = layout.Spans[c].Length;
            for (int r = 0; r < rows; r++)
                counts[first + column.Slot(r)]++;
            // Counting sort of the rows by category into this column's slice of the index.
            long running = (long)c * rows;
            for (int g = first; g < first + length; g++)
            {
                starts[g] = running;
                running += counts[g];
            }
            var next = starts[first..(first + length)];
            for (int r = 0; r < rows; r++)
                rowsByCategory[next[column.Slot(r)]++] = r;
        }
        _rowsByCategory = tensor(rowsByCategory, device: device);
        _categoryStart = tensor(starts, device: device);
        _categoryCount = tensor(counts, device: device);
        _spanStart = layout.SpanStart;
    }

    /// <summary>
    /// Per row and conditionable column, the row's global category [rows, columns] (int32), built on first use (only
    /// differentially private training reads it).
    /// </summary>
    public Tensor RowCategories => _rowCategories ??= BuildRowCategories();

    /// <summary>Draws a batch: conditional vectors, the mask (column one-hot) inputs, and a real row per condition.</summary>
    /// <returns>The chosen column [B], the global category [B], and the real row indices [B] (int64).</returns>
    public (Tensor Column, Tensor Category, Tensor Rows) Sample(int batchSize)
    {
        using var scope = NewDisposeScope();
        var (column, category) = _draw.Draw(batchSize);
        var count = _categoryCount.index_select(0, category);
        var offset = (rand([batchSize], device: count.device) * count).to_type(ScalarType.Int64).minimum(count - 1);
        var rows = _rowsByCategory.index_select(0, _categoryStart.index_select(0, category) + offset).to_type(ScalarType.Int64);
        return (column.MoveToOuterDisposeScope(), category.MoveToOuterDisposeScope(), rows.MoveToOuterDisposeScope());
    }

    /// <summary>Conditions only (for the generator step, which needs no real rows).</summary>
    public (Tensor Column, Tensor Category) SampleConditions(int batchSize) => _draw.Draw(batchSize);

    /// <summary>The conditional vectors of a batch's categories.</summary>
    public Tensor OneHot(Tensor category) => _draw.OneHot(category);

    private Tensor BuildRowCategories()
    {
        var categories = new int[(long)_rows * _columns.Length];
        for (int r = 0; r < _rows; r++)
        {
            for (int c = 0; c < _columns.Length; c++)
                categories[(long)r * _columns.Length + c] = _spanStart[c] + _columns[c].Slot(r);
        }
        // Built inside a training step's dispose scope, but kept for the sampler's lifetime.
        return tensor(categories, [_rows, _columns.Length], device: _device).DetachFromDisposeScope();
    }

    public void Dispose()
    {
        _draw.Dispose();
        _rowsByCategory.Dispose();
        _categoryStart.Dispose();
        _categoryCount.Dispose();
        _rowCategories?.Dispose();
    }
}
