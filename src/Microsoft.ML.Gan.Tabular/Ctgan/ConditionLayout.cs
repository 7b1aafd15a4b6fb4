namespace Microsoft.ML.Gan.Tabular.Ctgan;

/// <summary>
/// Where CTGAN's conditional vector comes from: the category spans of the discrete columns, concatenated in table
/// order. A category has one global index (its position in the conditional vector); <see cref="ColumnOf"/> and
/// <see cref="SpanStart"/> map between a discrete column, its categories and the encoded row.
/// </summary>
internal sealed class ConditionLayout
{
    private readonly Dictionary<string, int> _byName;

    public ConditionLayout(DataTransformer transformer)
    {
        var spans = transformer.ConditionableSpans.Select(s => transformer.Spans[s]).ToArray();
        Spans = spans;
        SpanStart = new int[spans.Length];
        Frequencies = new double[spans.Length][];
        int offset = 0;
        for (int i = 0; i < spans.Length; i++)
        {
            SpanStart[i] = offset;
            offset += spans[i].Length;
            Frequencies[i] = transformer.GetCategoryFrequencies(transformer.ConditionableSpans[i]);
        }
        Width = offset;
        ColumnOf = new int[offset];
        for (int i = 0; i < spans.Length; i++)
            Array.Fill(ColumnOf, i, SpanStart[i], spans[i].Length);
        _byName = spans.Select((s, i) => (s.ColumnName, i)).ToDictionary(p => p.ColumnName, p => p.i, StringComparer.Ordinal);
    }

    /// <summary>The discrete columns' category spans in the encoded row (one per conditionable column).</summary>
    public IReadOnlyList<OutputSpan> Spans { get; }

    /// <summary>The number of conditionable columns.</summary>
    public int ColumnCount => Spans.Count;

    /// <summary>The width of the conditional vector (all categories of all conditionable columns); 0 without discrete columns.</summary>
    public int Width { get; }

    /// <summary>Per conditionable column, the position of its first category in the conditional vector.</summary>
    public int[] SpanStart { get; }

    /// <summary>Per global category, its conditionable column.</summary>
    public int[] ColumnOf { get; }

    /// <summary>Per conditionable column, the true training frequency of each category.</summary>
    public double[][] Frequencies { get; }

    /// <summary>The widest span.</summary>
    public int MaxSpanLength => Spans.Count == 0 ? 0 : Spans.Max(s => s.Length);

    /// <summary>The conditionable column of a fitted column, or −1.</summary>
    public int IndexOf(string columnName) => _byName.TryGetValue(columnName, out int index) ? index : -1;

    /// <summary>
    /// A [columns × <see cref="MaxSpanLength"/>] matrix of category probabilities, padded with zeros: true frequencies,
    /// or (training-by-sampling, Xu et al. 2019 §4.3) proportional to log(1 + count) — the rare categories' share grows.
    /// </summary>
    /// <param name="logFrequency">Log-frequency (training) rather than true frequency (generation).</param>
    /// <param name="rowCount">The training rows (turns frequencies back into counts for the logarithm).</param>
    public float[] ProbabilityMatrix(bool logFrequency, long rowCount = 1)
    {
        int width = MaxSpanLength;
        var matrix = new float[ColumnCount * width];
        for (int c = 0; c < ColumnCount; c++)
        {
            var weights = Frequencies[c].Select(f => logFrequency ? Math.Log(1 + f * rowCount) : f).ToArray();
            double total = weights.Sum();
            for (int k = 0; k < weights.Length; k++)
                matrix[c * width + k] = (float)(weights[k] / total);
        }
        return matrix;
    }
}
