using Microsoft.ML.Gan.Tabular.Evaluation;

namespace Microsoft.ML.Gan.Benchmarks.Tabular;

/// <summary>One table of the public benchmark suite: its CSV (written by benchmarks/suite/extract.sh), target and task.</summary>
internal sealed record SuiteTable(string Name, string Target, MlEfficacyTask Task)
{
    /// <summary>The suite's tables, in the order of benchmarks/suite/README.md.</summary>
    public static readonly IReadOnlyList<SuiteTable> All =
    [
        new("credit", "Status", MlEfficacyTask.BinaryClassification),
        new("churn", "churn", MlEfficacyTask.BinaryClassification),
        new("titanic", "survived", MlEfficacyTask.BinaryClassification),
        new("hmda", "deny", MlEfficacyTask.BinaryClassification),
        new("breast_cancer", "diagnosis", MlEfficacyTask.BinaryClassification),
        new("chile", "vote", MlEfficacyTask.MulticlassClassification),
        new("vehicle", "Class", MlEfficacyTask.MulticlassClassification),
        new("slid", "wages", MlEfficacyTask.Regression),
        new("gapminder", "life_expectancy", MlEfficacyTask.Regression),
        new("cps1985", "wage", MlEfficacyTask.Regression),
    ];

    public bool IsClassification => Task != MlEfficacyTask.Regression;

    /// <summary>The headline metric of the task: ROC-AUC (binary), macro-F1 (multiclass), R² (regression).</summary>
    public string MetricName => Task switch
    {
        MlEfficacyTask.BinaryClassification => "ROC-AUC",
        MlEfficacyTask.MulticlassClassification => "macro-F1",
        _ => "R²",
    };

    public double? Metric(EfficacyMetrics m) => Task switch
    {
        MlEfficacyTask.BinaryClassification => m.AreaUnderRocCurve,
        MlEfficacyTask.MulticlassClassification => m.MacroF1,
        _ => m.RSquared,
    };

    public static SuiteTable Named(string name) =>
        All.FirstOrDefault(t => t.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"--tables: unknown table '{name}'; the suite has {string.Join(", ", All.Select(t => t.Name))}.");
}
