using Microsoft.ML.Gan.Tabular.Data;

namespace Microsoft.ML.Gan.Tabular.Tests.Ctgan;

/// <summary>
/// The table of the target-aware tests: X ~ U(0, 1); Label = "high" when X &gt; 0.5, else "low"; Y ~ U(0, 1) and Kind
/// (three categories) are noise; optionally Score = 2X + N(0, 0.05²), a continuous label tied to X.
/// </summary>
internal static class ThresholdTestData
{
    public static IDataView Create(MLContext mlContext, int rows, int seed, bool withScore = false)
    {
        var random = new Random(seed);
        var items = Enumerable.Range(0, rows).Select(_ =>
        {
            double x = random.NextDouble();
            var row = new ScoredRow { X = x, Y = random.NextDouble(), Kind = "abc"[random.Next(3)].ToString(), Label = x > 0.5 ? "high" : "low" };
            if (withScore)
                row.Score = 2 * x + 0.05 * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            return row;
        }).ToArray();
        return withScore
            ? mlContext.Data.LoadFromEnumerable(items)
            : mlContext.Data.LoadFromEnumerable(items.Select(r => new ThresholdRow { X = r.X, Y = r.Y, Kind = r.Kind, Label = r.Label }));
    }

    /// <summary>The share of rows whose Label is "high" exactly when X &gt; 0.5 (the rule of the real rows), and the share labelled "high".</summary>
    public static (double Agreement, double High) Agreement(TabularTable table)
    {
        var x = ((ContinuousColumn)table["X"]).Values;
        var labels = (DiscreteColumn)table["Label"];
        int agree = 0, high = 0;
        for (int r = 0; r < table.RowCount; r++)
        {
            bool isHigh = labels.Categories[labels.Codes[r]].ToString() == "high";
            high += isHigh ? 1 : 0;
            agree += isHigh == (x[r] > 0.5) ? 1 : 0;
        }
        return ((double)agree / table.RowCount, (double)high / table.RowCount);
    }

    private sealed class ThresholdRow
    {
        public double X { get; set; }
        public double Y { get; set; }
        public string Kind { get; set; } = "";
        public string Label { get; set; } = "";
    }

    private sealed class ScoredRow
    {
        public double X { get; set; }
        public double Y { get; set; }
        public string Kind { get; set; } = "";
        public string Label { get; set; } = "";
        public double Score { get; set; }
    }
}
