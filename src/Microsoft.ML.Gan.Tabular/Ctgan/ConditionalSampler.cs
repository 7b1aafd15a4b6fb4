using static TorchSharp.torch;

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
    private readonly Tensor _rowsByCategory; // [columns × rows] int32: per column, the rows ordered by category
    private readonly Tensor _categoryStart;  // [width] int64: where each global category's rows start
    private readonly Tensor _categoryCount;  // [width] int64

    /// <param name="layout">The conditional vector's layout.</param>
    /// <param name="encoded">The encoded training rows, row-major.</param>
    /// <param name="rows">The number of rows.</param>
    /// <param name="stride">The encoded width.</param>
    /// <param name="device">Where the indices live.</param>
    /// <param name="frequencyRowCount">The row count that turns frequencies into counts for the log-frequency
    /// (a public count under differential privacy); null for <paramref name="rows"/>.</param>
    public ConditionalSampler(ConditionLayout layout, float[] encoded, int rows, int stride, Device device, long? frequencyRowCount = null)
    {
        _draw = new ConditionDraw(layout, layout.ProbabilityMatrix(logFrequency: true, frequencyRowCount ?? rows), device);
        var rowCategories = new long[(long)rows * layout.ColumnCount];
        var counts = new long[layout.Width];
        var categoryOfRow = new int[rows];
        var rowsByCategory = new int[(long)layout.ColumnCount * rows];
        var starts = new long[layout.Width];
        for (int c = 0; c < layout.ColumnCount; c++)
        {
            var span = layout.Spans[c];
            int first = layout.SpanStart[c];
            for (int r = 0; r < rows; r++)
            {
                int category = first + ArgMax(encoded.AsSpan(r * stride + span.Start, span.Length));
                categoryOfRow[r] = category;
                rowCategories[(long)r * layout.ColumnCount + c] = category;
                counts[category]++;
            }
            // Counting sort of the rows by category into this column's slice of the index.
            long running = (long)c * rows;
            for (int g = first; g < first + span.Length; g++)
            {
                starts[g] = running;
                running += counts[g];
            }
            var next = starts[first..(first + span.Length)];
            for (int r = 0; r < rows; r++)
                rowsByCategory[next[categoryOfRow[r] - first]++] = r;
        }
        _rowsByCategory = tensor(rowsByCategory, device: device);
        _categoryStart = tensor(starts, device: device);
        _categoryCount = tensor(counts, device: device);
        RowCategories = tensor(rowCategories, [rows, layout.ColumnCount], device: device);
    }

    /// <summary>Per row and conditionable column, the row's global category [rows, columns] (int64).</summary>
    public Tensor RowCategories { get; }

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

    private static int ArgMax(ReadOnlySpan<float> values)
    {
        int best = 0;
        for (int i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best])
                best = i;
        }
        return best;
    }

    public void Dispose()
    {
        _draw.Dispose();
        _rowsByCategory.Dispose();
        _categoryStart.Dispose();
        _categoryCount.Dispose();
        RowCategories.Dispose();
    }
}
