namespace Microsoft.ML.Gan.Tabular.Evaluation;

/// <summary>Per-column distribution similarity: KS complement (continuous) and TV complement (discrete).</summary>
internal static class ColumnShapes
{
    public static List<ColumnShapeScore> Score(AlignedTable real, AlignedTable synthetic)
    {
        var schema = real.Schema;
        var scores = new List<ColumnShapeScore>(schema.ColumnCount);
        for (int c = 0; c < schema.ColumnCount; c++)
        {
            bool discrete = schema.IsDiscrete(c);
            scores.Add(new ColumnShapeScore
            {
                Column = schema.Names[c],
                Kind = discrete ? "discrete" : "continuous",
                Metric = discrete ? "TVComplement" : "KSComplement",
                Score = discrete
                    ? 1 - TotalVariation(real.CategoryCounts(c), synthetic.CategoryCounts(c))
                    : 1 - KolmogorovSmirnov(real.Values(c), synthetic.Values(c)),
            });
        }
        return scores;
    }

    /// <summary>
    /// The two-sample KS statistic sup |F_a − F_b| over the present (non-NaN) values. Both empty: 0; one empty: 1.
    /// </summary>
    public static double KolmogorovSmirnov(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double[] x = Present(a), y = Present(b);
        if (x.Length == 0 || y.Length == 0)
            return x.Length == y.Length ? 0 : 1;
        Array.Sort(x);
        Array.Sort(y);
        int i = 0, j = 0;
        double max = 0;
        while (i < x.Length && j < y.Length)
        {
            double v = Math.Min(x[i], y[j]);
            while (i < x.Length && x[i] <= v) i++;
            while (j < y.Length && y[j] <= v) j++;
            max = Math.Max(max, Math.Abs((double)i / x.Length - (double)j / y.Length));
        }
        return max;
    }

    /// <summary>Total-variation distance ½ Σ |p − q| between two count vectors over the same categories (or cells).</summary>
    public static double TotalVariation(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        double totalA = Sum(a), totalB = Sum(b);
        if (totalA == 0 || totalB == 0)
            return totalA == totalB ? 0 : 1;
        double sum = 0;
        for (int k = 0; k < a.Length; k++)
            sum += Math.Abs(a[k] / totalA - b[k] / totalB);
        return Math.Min(1, sum / 2);
    }

    private static double Sum(ReadOnlySpan<int> counts)
    {
        long sum = 0;
        foreach (int count in counts) sum += count;
        return sum;
    }

    private static double[] Present(ReadOnlySpan<double> values)
    {
        var result = new List<double>(values.Length);
        foreach (double v in values)
        {
            if (!double.IsNaN(v)) result.Add(v);
        }
        return [.. result];
    }
}
