using System.Diagnostics;

namespace Microsoft.ML.Gan.Tabular.Evaluation;

/// <summary>Runs every part of the quality and privacy evaluation.</summary>
internal static class TabularEvaluator
{
    public static TabularQualityReport Evaluate(IDataView real, IDataView synthetic, TabularEvaluationOptions options)
    {
        ArgumentNullException.ThrowIfNull(real);
        ArgumentNullException.ThrowIfNull(synthetic);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var timings = new Dictionary<string, double>();
        var clock = Stopwatch.StartNew();
        double Lap()
        {
            double seconds = clock.Elapsed.TotalSeconds;
            clock.Restart();
            return Math.Round(seconds, 3);
        }

        var read = new TabularReadOptions { DiscreteColumns = options.DiscreteColumns, IgnoreColumns = options.IgnoreColumns };
        var realTable = TabularTable.FromDataView(real, read);
        var syntheticTable = TabularTable.FromDataView(synthetic, read);
        var holdoutTable = options.RealHoldout is null ? null : TabularTable.FromDataView(options.RealHoldout, read);
        var aligned = holdoutTable is null
            ? AlignedTables.Align(("real", realTable), ("synthetic", syntheticTable))
            : AlignedTables.Align(("real", realTable), ("synthetic", syntheticTable), ("holdout", holdoutTable));
        var realRows = aligned.Tables[0];
        var syntheticRows = aligned.Tables[1];
        if (realRows.RowCount < 2)
            throw new ArgumentException($"The real data has {realRows.RowCount} rows; evaluation needs at least 2.", nameof(real));
        if (syntheticRows.RowCount < 1)
            throw new ArgumentException("The synthetic data has no rows.", nameof(synthetic));
        var (training, holdout) = holdoutTable is null ? Split(realRows, options) : (realRows, aligned.Tables[2]);
        if (holdout.RowCount < 1)
            throw new ArgumentException("The real holdout has no rows.", nameof(options));
        timings["read"] = Lap();

        var shapes = ColumnShapes.Score(realRows, syntheticRows);
        timings["columnShapes"] = Lap();
        var pairs = PairTrends.Score(realRows, syntheticRows, options);
        timings["pairTrends"] = Lap();
        var efficacy = options.LabelColumn is null ? null : MlEfficacy.Evaluate(training, holdout, syntheticRows, options);
        timings["mlEfficacy"] = Lap();
        var privacy = PrivacyMetrics.Compute(training, holdout, syntheticRows, options);
        timings["privacy"] = Lap();
        var distributions = Distributions.Compute(realRows, syntheticRows, options.HistogramBins);
        var realCorrelations = Distributions.Correlations(realRows, options.CorrelationMethod);
        var syntheticCorrelations = Distributions.Correlations(syntheticRows, options.CorrelationMethod);
        timings["distributions"] = Lap();

        double shapesScore = shapes.Average(s => s.Score);
        var definedPairs = pairs.Where(p => p.Score is not null).Select(p => p.Score!.Value).ToList();
        double? pairsScore = definedPairs.Count == 0 ? null : definedPairs.Average();
        return new TabularQualityReport
        {
            RealRows = realRows.RowCount,
            RealTrainingRows = training.RowCount,
            RealHoldoutRows = holdout.RowCount,
            HoldoutSplitFromReal = holdoutTable is null,
            SyntheticRows = syntheticRows.RowCount,
            OverallScore = pairsScore is { } p ? (shapesScore + p) / 2 : shapesScore,
            ColumnShapesScore = shapesScore,
            ColumnShapes = shapes,
            PairTrendsScore = pairsScore,
            PairTrends = pairs,
            CorrelationMethod = options.CorrelationMethod,
            MlEfficacy = efficacy,
            Privacy = privacy,
            Distributions = distributions,
            RealCorrelations = realCorrelations,
            SyntheticCorrelations = syntheticCorrelations,
            Timings = timings,
        };
    }

    /// <summary>A seeded random split of the real rows into training and holdout rows.</summary>
    private static (AlignedTable Training, AlignedTable Holdout) Split(AlignedTable real, TabularEvaluationOptions options)
    {
        int[] rows = [.. Enumerable.Range(0, real.RowCount)];
        new Random(options.Seed).Shuffle(rows);
        int holdoutCount = Math.Clamp((int)Math.Round(real.RowCount * options.HoldoutFraction), 1, real.RowCount - 1);
        var holdout = rows[..holdoutCount];
        var training = rows[holdoutCount..];
        Array.Sort(holdout);
        Array.Sort(training);
        return (real.Subset(training), real.Subset(holdout));
    }
}
