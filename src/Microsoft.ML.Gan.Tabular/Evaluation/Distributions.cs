namespace Microsoft.ML.Gan.Tabular.Evaluation;

/// <summary>The data behind the report's plots: per-column frequencies and correlation matrices.</summary>
internal static class Distributions
{
    /// <summary>Most categories shown in a bar chart; the rest are summed as "(other)".</summary>
    public const int MaxCategories = 30;

    public static List<ColumnDistribution> Compute(AlignedTable real, AlignedTable synthetic, int histogramBins)
    {
        var schema = real.Schema;
        var result = new List<ColumnDistribution>(schema.ColumnCount);
        for (int c = 0; c < schema.ColumnCount; c++)
            result.Add(schema.IsDiscrete(c) ? Discrete(real, synthetic, c) : Continuous(real, synthetic, c, histogramBins));
        return result;
    }

    private static ColumnDistribution Continuous(AlignedTable real, AlignedTable synthetic, int column, int bins)
    {
        var binner = Binner.Fit(real.Values(column), synthetic.Values(column), bins);
        return new ColumnDistribution
        {
            Column = real.Schema.Names[column],
            Kind = "continuous",
            BinEdges = [.. Enumerable.Range(0, binner.Bins + 1).Select(k => binner.Min + k * binner.Width)],
            Real = Shares(binner, real.Values(column)),
            Synthetic = Shares(binner, synthetic.Values(column)),
        };
    }

    private static double[] Shares(Binner binner, double[] values)
    {
        var counts = new double[binner.Bins];
        int present = 0;
        foreach (double v in values)
        {
            if (double.IsNaN(v)) continue;
            counts[binner.Code(v)]++;
            present++;
        }
        return [.. counts.Select(x => present == 0 ? 0 : x / present)];
    }

    private static ColumnDistribution Discrete(AlignedTable real, AlignedTable synthetic, int column)
    {
        var labels = real.Schema.Categories[column]!;
        int[] realCounts = real.CategoryCounts(column), synCounts = synthetic.CategoryCounts(column);
        double realTotal = Math.Max(1, real.RowCount), synTotal = Math.Max(1, synthetic.RowCount);
        var order = Enumerable.Range(0, labels.Count)
            .OrderByDescending(k => realCounts[k]).ThenByDescending(k => synCounts[k]).ThenBy(k => k).ToList();
        var shown = order.Take(order.Count > MaxCategories ? MaxCategories - 1 : MaxCategories).ToList();
        var rest = order.Skip(shown.Count).ToList();
        var names = shown.Select(k => labels[k]).ToList();
        var realShares = shown.Select(k => realCounts[k] / realTotal).ToList();
        var synShares = shown.Select(k => synCounts[k] / synTotal).ToList();
        if (rest.Count > 0)
        {
            names.Add("(other)");
            realShares.Add(rest.Sum(k => realCounts[k]) / realTotal);
            synShares.Add(rest.Sum(k => synCounts[k]) / synTotal);
        }
        return new ColumnDistribution
        {
            Column = real.Schema.Names[column],
            Kind = "discrete",
            Categories = names,
            Real = realShares,
            Synthetic = synShares,
        };
    }

    /// <summary>The correlation matrix of the continuous columns, or null when there are fewer than two.</summary>
    public static CorrelationMatrix? Correlations(AlignedTable table, CorrelationMethod method)
    {
        var schema = table.Schema;
        var columns = Enumerable.Range(0, schema.ColumnCount).Where(c => !schema.IsDiscrete(c)).ToList();
        if (columns.Count < 2) return null;
        var values = new double?[columns.Count][];
        for (int i = 0; i < columns.Count; i++)
        {
            values[i] = new double?[columns.Count];
            for (int j = 0; j < columns.Count; j++)
            {
                values[i][j] = i == j
                    ? (Correlation.Compute(table.Values(columns[i]), table.Values(columns[i]), method) is null ? null : 1.0)
                    : j < i ? values[j][i] : Correlation.Compute(table.Values(columns[i]), table.Values(columns[j]), method);
            }
        }
        return new CorrelationMatrix { Columns = [.. columns.Select(c => schema.Names[c])], Values = values };
    }
}
