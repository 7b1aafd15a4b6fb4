namespace Microsoft.ML.Gan.Benchmarks.Tabular;

/// <summary>The figures of one synthesizer × table × seed run of the suite (JSON-serialized as they are).</summary>
internal sealed record SuiteRun
{
    public required string Table { get; init; }
    public required string Synthesizer { get; init; }
    public required int Seed { get; init; }
    /// <summary>ROC-AUC (binary), macro-F1 (multiclass) or R² (regression).</summary>
    public required string Metric { get; init; }
    public required int TrainRows { get; init; }
    public required int TestRows { get; init; }
    public required double FitSeconds { get; init; }
    public required double SampleSeconds { get; init; }
    /// <summary>Per trainer (tree, then linear): the metric trained on synthetic rows and on real rows, both tested on the real test rows.</summary>
    public required IReadOnlyList<SuiteTrainerScore> Trainers { get; init; }
    public required double ColumnShapes { get; init; }
    public double? PairTrends { get; init; }
    /// <summary>Median distance to the closest real training record: synthetic rows, and real test rows as the baseline.</summary>
    public required double SyntheticDcrMedian { get; init; }
    public required double HoldoutDcrMedian { get; init; }
    public required double ExactCopyRate { get; init; }
}

/// <summary>One trainer's metric on synthetic and on real training rows; macro-F1 as well for classification.</summary>
internal sealed record SuiteTrainerScore(string Trainer, double? Synthetic, double? Real, double? SyntheticMacroF1, double? RealMacroF1, string? Error);
