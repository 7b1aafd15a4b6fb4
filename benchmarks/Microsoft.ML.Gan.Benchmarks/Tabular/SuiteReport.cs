using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Microsoft.ML.Gan.Benchmarks.Tabular;

/// <summary>Writes the suite's runs as mean ± sd tables (per table, and overall as synthetic/real ratios) to suite.md and every figure to suite.json.</summary>
internal static class SuiteReport
{
    public static void Write(SuiteArguments a, IReadOnlyList<SuiteRun> runs, string machineAtStart, string end)
    {
        Directory.CreateDirectory(a.OutputDirectory);
        string markdown = Markdown(a, runs, machineAtStart, end);
        File.WriteAllText(Path.Combine(a.OutputDirectory, "suite.md"), markdown);
        File.WriteAllText(Path.Combine(a.OutputDirectory, "suite.json"), JsonSerializer.Serialize(new
        {
            machine = machineAtStart,
            end,
            budget = a.Budget,
            split = $"{1 - SuiteSplit.TestFraction:P0}/{SuiteSplit.TestFraction:P0}, seed {SuiteSplit.Seed}, stratified for classification",
            runs,
        }, new JsonSerializerOptions { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals }));
        Console.WriteLine();
        Console.WriteLine(markdown);
        Console.WriteLine($"Wrote {Path.Combine(a.OutputDirectory, "suite.md")} and suite.json.");
    }

    private static string Markdown(SuiteArguments a, IReadOnlyList<SuiteRun> runs, string machineAtStart, string end)
    {
        var md = new StringBuilder();
        md.AppendLine(Invariant($"Machine: {machineAtStart}; {end}."));
        md.AppendLine(Invariant($"Budget: {a.Budget}. Split {1 - SuiteSplit.TestFraction:P0}/{SuiteSplit.TestFraction:P0} (seed {SuiteSplit.Seed}, stratified for classification); as many synthetic rows as real training rows."));
        md.AppendLine();
        md.AppendLine("Overall: per synthesizer, the mean over tables of (metric trained on synthetic rows) / (metric trained on real rows), both tested on the real test rows; the metric is ROC-AUC (binary), macro-F1 (multiclass), R² (regression). " +
            $"A table whose real-trained metric is below {MinimumRealMetric} (an R² near zero) has no meaningful ratio and is left out of the means; \"tables\" counts those kept.");
        md.AppendLine();
        md.AppendLine("| synthesizer | tables | ratio, tree model | ratio, linear model | tables with tree ratio ≥ 0.9 | column shapes | pair trends | fit (s) |");
        md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var group in runs.GroupBy(r => r.Synthesizer))
        {
            var perTable = group.GroupBy(r => r.Table).Where(t => t.All(r => r.Trainers.All(s => s.Real >= MinimumRealMetric)))
                .Select(t => (Tree: Mean(t.Select(r => Ratio(r, 0))), Linear: Mean(t.Select(r => Ratio(r, 1))))).ToList();
            // Every number is formatted invariantly by F and Seconds; the counts are integers.
            md.AppendLine($"| {group.Key} | {perTable.Count} | {F(Mean(perTable.Select(p => p.Tree)))} | {F(Mean(perTable.Select(p => p.Linear)))} | " +
                $"{perTable.Count(p => p.Tree >= 0.9)} of {perTable.Count} | {F(Mean(group.Select(r => r.ColumnShapes)))} | {F(Mean(group.Select(r => r.PairTrends ?? double.NaN)))} | {Seconds(group)} |");
        }
        foreach (var table in runs.GroupBy(r => r.Table))
        {
            var first = table.First();
            bool classification = first.Metric != "R²";
            md.AppendLine();
            md.AppendLine(Invariant($"### {table.Key} ({first.Metric}; {first.TrainRows:N0} training rows, {first.TestRows:N0} test rows)"));
            md.AppendLine();
            string trees = first.Trainers[0].Trainer, linear = first.Trainers.Count > 1 ? first.Trainers[1].Trainer : "—";
            md.AppendLine($"| synthesizer | {first.Metric}, {trees} | {first.Metric}, {linear} | ratio (tree) |{(classification ? " macro-F1 (tree) |" : "")} shapes | pairs | DCR median (synthetic / holdout) | fit (s) |");
            md.AppendLine($"| --- | ---: | ---: | ---: |{(classification ? " ---: |" : "")} ---: | ---: | ---: | ---: |");
            string Real(Func<SuiteTrainerScore, double?> pick, int trainer) => first.Trainers.Count > trainer ? F(pick(first.Trainers[trainer]) ?? double.NaN) : "—";
            md.AppendLine($"| real training rows | {Real(t => t.Real, 0)} | {Real(t => t.Real, 1)} | 1 |{(classification ? $" {Real(t => t.RealMacroF1, 0)} |" : "")} | | {F(Mean(table.Select(r => r.HoldoutDcrMedian)))} (holdout) | |");
            foreach (var group in table.GroupBy(r => r.Synthesizer))
            {
                md.AppendLine($"| {group.Key} | {MeanSd(group.Select(r => Score(r, 0)))} | {MeanSd(group.Select(r => Score(r, 1)))} | {MeanSd(group.Select(r => Ratio(r, 0)))} |"
                    + (classification ? $" {MeanSd(group.Select(r => r.Trainers[0].SyntheticMacroF1 ?? double.NaN))} |" : "")
                    + $" {MeanSd(group.Select(r => r.ColumnShapes))} | {MeanSd(group.Select(r => r.PairTrends ?? double.NaN))} | {F(Mean(group.Select(r => r.SyntheticDcrMedian)))} / {F(Mean(group.Select(r => r.HoldoutDcrMedian)))} | {Seconds(group)} |");
            }
            foreach (var error in table.SelectMany(r => r.Trainers.Where(t => t.Error is not null).Select(t => $"{r.Synthesizer} seed {r.Seed} {t.Trainer}: {t.Error}")).Distinct())
                md.AppendLine($"\nTraining failed: {error}");
        }
        return md.ToString();
    }

    /// <summary>Below this real-trained metric a synthetic/real ratio says nothing (R² of a weak regression can be ≤ 0).</summary>
    private const double MinimumRealMetric = 0.1;

    private static double Score(SuiteRun run, int trainer) => run.Trainers.Count > trainer ? run.Trainers[trainer].Synthetic ?? double.NaN : double.NaN;

    private static double Ratio(SuiteRun run, int trainer) =>
        run.Trainers.Count > trainer && run.Trainers[trainer] is { Synthetic: double s, Real: double r } ? s / r : double.NaN;

    private static string Seconds(IEnumerable<SuiteRun> runs)
    {
        double mean = Mean(runs.Select(r => r.FitSeconds));
        return double.IsNaN(mean) ? "—" : mean.ToString("F0", CultureInfo.InvariantCulture);
    }

    private static double Mean(IEnumerable<double> values)
    {
        var list = values.ToList();
        return list.Count == 0 || list.Any(double.IsNaN) ? double.NaN : list.Average();
    }

    /// <summary>Mean ± sample standard deviation over seeds (NaN — a failed model — makes the cell "failed").</summary>
    private static string MeanSd(IEnumerable<double> values)
    {
        var list = values.ToList();
        if (list.Any(double.IsNaN))
            return "failed";
        double mean = list.Average();
        if (list.Count < 2)
            return F(mean);
        double sd = Math.Sqrt(list.Sum(v => (v - mean) * (v - mean)) / (list.Count - 1));
        return $"{F(mean)} ± {F(sd)}";
    }

    private static string F(double value) => double.IsNaN(value) ? "—" : value.ToString("F3", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
