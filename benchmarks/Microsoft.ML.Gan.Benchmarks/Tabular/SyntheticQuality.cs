using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Gan.Tabular.Data;

namespace Microsoft.ML.Gan.Benchmarks.Tabular;

/// <summary>
/// Utility of synthetic adult rows: a FastTree classifier of income trained on synthetic rows and on real rows, both
/// tested on the real holdout (the column shapes come from the library's evaluator).
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
}
