using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.ML;
using Microsoft.ML.Gan.Tabular.Ctgan;
using Microsoft.ML.Gan.Tabular.Evaluation;
using Microsoft.ML.Gan.Tabular.Tvae;

namespace Microsoft.ML.Gan.Benchmarks.Tabular;

/// <summary>
/// DP-CTGAN at ε = 10, 3, 1 beside CTGAN without DP (paper defaults, and the DP architecture — pac 1, no gradient
/// penalty — without DP) and TVAE on adult (80/20 split, batch 500): seconds per epoch, ε and δ spent, and from the
/// library's evaluator on as many synthetic rows as real training rows: column shapes, pair trends, ML efficacy (income
/// classifiers trained on synthetic rows, tested on the real 20 %) and the membership-inference attack's AUC (training
/// rows vs the 20 % holdout). Arguments: [epochs, default 10] [threads, default 1] [ε list, default 10,3,1]
/// [runs, default ctgan,dp-arch,dp,tvae: which synthesizers to fit]; or
/// <c>speed [rounds, default 3] [epochs, default 2]</c>: the same architecture with and without DP (ε = 3) fitted in
/// alternation, so that a busy machine slows both alike, and the median seconds per epoch of each.
/// </summary>
internal static class PrivateSynthesisBenchmark
{
    public const string Description = "DP-CTGAN (ε = 10, 3, 1), CTGAN and TVAE on adult.csv.gz: s/epoch, shapes, pairs, ML efficacy, membership inference";

    public static int Run(string[] args)
    {
        if (args.Length > 0 && args[0] == "speed")
            return RunSpeed(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3,
                args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2);
        int epochs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
        int threads = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1;
        double[] epsilons = args.Length > 2
            ? args[2].Split(',').Select(e => double.Parse(e, CultureInfo.InvariantCulture)).ToArray()
            : [10, 3, 1];
        var selected = (args.Length > 3 ? args[3] : "ctgan,dp-arch,dp,tvae").Split(',').ToHashSet(StringComparer.Ordinal);
        using var adult = AdultCsv.Decompress();
        var mlContext = new MLContext(seed: 1);
        var split = mlContext.Data.TrainTestSplit(adult.Load(mlContext), testFraction: 0.2, seed: 1);
        long trainRows = TransformerBenchmark.CountRows(split.TrainSet);

        Console.WriteLine($"## tabular-dp: DP-CTGAN, CTGAN and TVAE on adult.csv ({trainRows:N0} train rows, {epochs} epochs each)");
        Console.WriteLine();
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}; " +
            $"torch threads {threads}; load average at start {Core.MachineInfo.LoadAverage()}; date {DateTime.UtcNow:yyyy-MM-dd}.");
        Console.WriteLine();
        Console.WriteLine("| synthesizer | s/epoch | ε spent | δ | σ | column shapes | pair trends | accuracy (FastTree) | F1 (FastTree) | AUC (FastTree) | accuracy (linear) | F1 (linear) | AUC (linear) | membership AUC |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        var runs = new List<(string Name, Func<CtganModel> Fit)>();
        if (selected.Contains("ctgan"))
            runs.Add(("CTGAN (paper: pac 10, WGAN-GP)", () => mlContext.Gan().Tabular.Ctgan(new CtganOptions { Epochs = epochs, Threads = threads, Seed = 1 }).Fit(split.TrainSet)));
        if (selected.Contains("dp-arch"))
            runs.Add(("CTGAN, DP architecture without DP (pac 1, no GP)", () => mlContext.Gan().Tabular.Ctgan(DpArchitecture(null, epochs, threads)).Fit(split.TrainSet)));
        if (selected.Contains("dp"))
            runs.AddRange(epsilons.Select(e => ($"DP-CTGAN ε = {e}", (Func<CtganModel>)(() => mlContext.Gan().Tabular.Ctgan(DpArchitecture(e, epochs, threads)).Fit(split.TrainSet)))));
        if (selected.Contains("tvae"))
            runs.Add(("TVAE", () => mlContext.Gan().Tabular.Tvae(new TvaeOptions { Epochs = epochs, Threads = threads, Seed = 1 }).Fit(split.TrainSet)));

        MlEfficacyResult? last = null;
        foreach (var (name, fit) in runs)
        {
            using var model = fit();
            double secondsPerEpoch = model.TrainingSummary!.Elapsed.TotalSeconds / epochs;
            var synthetic = model.Sample(trainRows, seed: 3);
            var report = mlContext.Gan().Tabular.Evaluate(split.TrainSet, synthetic, new TabularEvaluationOptions
            {
                RealHoldout = split.TestSet,
                LabelColumn = "income",
                Seed = 1,
            });
            var efficacy = report.MlEfficacy!;
            last = efficacy;
            var p = model.Privacy;
            Console.WriteLine($"| {name} | {secondsPerEpoch:F2} | {(p is null ? "—" : p.Epsilon.ToString("F3", CultureInfo.InvariantCulture))} | " +
                $"{(p is null ? "—" : p.Delta.ToString("G3", CultureInfo.InvariantCulture))} | {(p is null ? "—" : p.NoiseMultiplier.ToString("F3", CultureInfo.InvariantCulture))} | " +
                $"{report.ColumnShapesScore:F3} | {report.PairTrendsScore:F3} | {Metrics(efficacy, synthetic: true)} | " +
                $"{report.Privacy.MembershipInference!.AreaUnderRocCurve:F3} |");
        }
        if (last is not null)
            Console.WriteLine($"| real rows (train real, test real) | | | | | | | {Metrics(last, synthetic: false)} | |");
        Console.WriteLine();
        Console.WriteLine($"Load average at the end: {Core.MachineInfo.LoadAverage()}.");
        return 0;
    }

    private static int RunSpeed(int rounds, int epochs)
    {
        using var adult = AdultCsv.Decompress();
        var mlContext = new MLContext(seed: 1);
        var train = mlContext.Data.TrainTestSplit(adult.Load(mlContext), testFraction: 0.2, seed: 1).TrainSet;
        Console.WriteLine($"## tabular-dp speed: DP-SGD vs the same CTGAN without DP, {rounds} alternating rounds of {epochs} epochs");
        Console.WriteLine();
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}; torch threads 1; load average at start {Core.MachineInfo.LoadAverage()}; date {DateTime.UtcNow:yyyy-MM-dd}.");
        Console.WriteLine();
        var plain = new List<double>();
        var dp = new List<double>();
        for (int round = 0; round < rounds; round++)
        {
            foreach (var (epsilon, times) in new[] { ((double?)null, plain), (3.0, dp) })
            {
                using var model = mlContext.Gan().Tabular.Ctgan(DpArchitecture(epsilon, epochs, 1)).Fit(train);
                times.Add(model.TrainingSummary!.Elapsed.TotalSeconds / epochs);
            }
        }
        double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
        Console.WriteLine("| pac 1, no GP, batch 500, 52 steps/epoch | s/epoch per round | median |");
        Console.WriteLine("| --- | --- | ---: |");
        Console.WriteLine($"| without DP | {string.Join(", ", plain.Select(t => t.ToString("F2", CultureInfo.InvariantCulture)))} | {Median(plain):F2} |");
        Console.WriteLine($"| DP-SGD (ε = 3), per-sample clipping + noise | {string.Join(", ", dp.Select(t => t.ToString("F2", CultureInfo.InvariantCulture)))} | {Median(dp):F2} |");
        Console.WriteLine($"| ratio DP / without | | {Median(dp) / Median(plain):F2}× (target ≤ 3×) |");
        Console.WriteLine();
        Console.WriteLine($"Load average at the end: {Core.MachineInfo.LoadAverage()}.");
        return 0;
    }

    private static CtganOptions DpArchitecture(double? epsilon, int epochs, int threads)
    {
        var options = CtganOptions.DifferentiallyPrivate(epsilon ?? 1);
        if (epsilon is null)
            options.Privacy = null;
        options.Epochs = epochs;
        options.Threads = threads;
        options.Seed = 1;
        return options;
    }

    private static string Metrics(MlEfficacyResult result, bool synthetic)
    {
        var cells = result.Trainers.Take(2).SelectMany(t =>
        {
            var m = synthetic ? t.TrainSyntheticTestReal : t.TrainRealTestReal;
            return new[] { m.Accuracy, m.F1Score, m.AreaUnderRocCurve };
        });
        return string.Join(" | ", cells.Select(v => v is double d ? d.ToString("F3", CultureInfo.InvariantCulture) : "—"));
    }
}
