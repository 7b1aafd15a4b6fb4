using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Gan.Tabular.Data;

namespace Microsoft.ML.Gan.Benchmarks.Tabular;

/// <summary>
/// Fidelity and utility of synthetic adult rows: a FastTree classifier of income trained on synthetic rows and on
/// real rows, both tested on the real holdout; per-column KS complement (continuous) and TV complement (categorical).
/// </summary>
internal static class SyntheticQuality
{
    public const string Label = "income";
    public const string Positive = ">50K";

    public sealed record Utility(double Accuracy, double F1, double Auc);

    public static Utility TrainAndTest(MLContext mlContext, IDataView train, IDataView test, TabularTable schema)
    {
        var categorical = schema.Columns.Where(c => c is DiscreteColumn && c.Name != Label).Select(c => c.Name).ToArray();
        var numeric = schema.Columns.Where(c => c is ContinuousColumn).Select(c => c.Name).ToArray();
        var pipeline = mlContext.Transforms.Conversion.MapValue("Label",
                [new KeyValuePair<string, bool>(Positive, true), new KeyValuePair<string, bool>("<=50K", false)], Label)
            .Append(mlContext.Transforms.Categorical.OneHotEncoding([.. categorical.Select(c => new InputOutputColumnPair(c + "_onehot", c))]))
            .Append(mlContext.Transforms.Conversion.ConvertType([.. numeric.Select(c => new InputOutputColumnPair(c + "_float", c))], DataKind.Single))
            .Append(mlContext.Transforms.Concatenate("Features", [.. categorical.Select(c => c + "_onehot"), .. numeric.Select(c => c + "_float")]))
            .Append(mlContext.BinaryClassification.Trainers.FastTree());
        var model = pipeline.Fit(train);
        var metrics = mlContext.BinaryClassification.Evaluate(model.Transform(test));
        return new Utility(metrics.Accuracy, metrics.F1Score, metrics.AreaUnderRocCurve);
    }

    /// <summary>Per column: 1 − KS statistic (continuous) or 1 − total variation distance (categorical).</summary>
    public static IReadOnlyList<(string Column, string Metric, double Score)> ColumnSimilarity(TabularTable real, TabularTable synthetic)
    {
        var scores = new List<(string, string, double)>();
        foreach (var column in real.Columns)
        {
            var other = synthetic[column.Name];
            scores.Add(column switch
            {
                ContinuousColumn c => (c.Name, "KS complement", 1 - KolmogorovSmirnov(c.Values.ToArray(), ((ContinuousColumn)other).Values.ToArray())),
                DiscreteColumn d => (d.Name, "TV complement", 1 - TotalVariation(d, (DiscreteColumn)other)),
                _ => throw new NotSupportedException(column.GetType().Name),
            });
        }
        return scores;
    }

    private static double KolmogorovSmirnov(double[] a, double[] b)
    {
        Array.Sort(a);
        Array.Sort(b);
        int i = 0, j = 0;
        double max = 0;
        while (i < a.Length && j < b.Length)
        {
            double x = Math.Min(a[i], b[j]);
            while (i < a.Length && a[i] <= x) i++;
            while (j < b.Length && b[j] <= x) j++;
            max = Math.Max(max, Math.Abs((double)i / a.Length - (double)j / b.Length));
        }
        return max;
    }

    private static double TotalVariation(DiscreteColumn a, DiscreteColumn b)
    {
        var pa = Shares(a);
        var pb = Shares(b);
        return 0.5 * pa.Keys.Union(pb.Keys).Sum(k => Math.Abs(pa.GetValueOrDefault(k) - pb.GetValueOrDefault(k)));
    }

    private static Dictionary<object, double> Shares(DiscreteColumn column)
    {
        var shares = new Dictionary<object, double>();
        foreach (int code in column.Codes)
            shares[column.Categories[code]] = shares.GetValueOrDefault(column.Categories[code]) + 1.0 / column.Length;
        return shares;
    }
}
