using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.ML;
using Microsoft.ML.Gan.Tabular.Ctgan;
using Microsoft.ML.Gan.Tabular.Evaluation;
using Microsoft.ML.Gan.Tabular.TabDdpm;
using Microsoft.ML.Gan.Tabular.Tvae;

namespace Microsoft.ML.Gan.Benchmarks.Tabular;

/// <summary>
/// TabDDPM beside CTGAN and TVAE on adult (80/20 split, seed 1): fit time, sampling rows/s, and ML efficacy from the
/// library's evaluator (income classifiers trained on as many synthetic rows as real training rows, tested on the real
/// 20 %). TabDDPM samples the efficacy rows with its fast sampler; the paper's every-step sampler is timed on a small
/// sample. Arguments: [TabDDPM steps, default 2000] [CTGAN/TVAE epochs, default 10] [threads, default 1]
/// [fast sampling steps, default 50] [rows for timing the every-step sampler, default 512].
/// </summary>
internal static class TabDdpmBenchmark
{
    public const string Description = "TabDDPM vs CTGAN and TVAE on adult.csv.gz: fit time, rows/s, ML efficacy (short runs)";

    public static int Run(string[] args)
    {
        int Arg(int i, int fallback) => args.Length > i ? int.Parse(args[i], CultureInfo.InvariantCulture) : fallback;
        int steps = Arg(0, 2000), epochs = Arg(1, 10), threads = Arg(2, 1), fastSteps = Arg(3, 50), fullRows = Arg(4, 512);
        using var adult = AdultCsv.Decompress();
        var mlContext = new MLContext(seed: 1);
        var split = mlContext.Data.TrainTestSplit(adult.Load(mlContext), testFraction: 0.2, seed: 1);
        long trainRows = TransformerBenchmark.CountRows(split.TrainSet);

        Console.WriteLine($"## tabular-tabddpm: TabDDPM ({steps} steps), CTGAN and TVAE ({epochs} epochs) on adult.csv ({trainRows:N0} train rows)");
        Console.WriteLine();
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}; " +
            $"torch threads {threads}; load average at start {Core.MachineInfo.LoadAverage()}; date {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC.");
        Console.WriteLine();
        Console.WriteLine("| synthesizer | fit (s) | optimizer steps | sampling rows/s | ROC-AUC (FastTree) | F1 (FastTree) | ROC-AUC (linear) | F1 (linear) |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        var tabDdpm = new TabDdpmOptions { Steps = steps, Threads = threads, Seed = 1, LabelColumn = "income", SamplingSteps = fastSteps };
        var runs = new (string Name, Func<CtganModel> Fit)[]
        {
            ("CTGAN", () => mlContext.Gan().Tabular.Ctgan(new CtganOptions { Epochs = epochs, Threads = threads, Seed = 1 }).Fit(split.TrainSet)),
            ("TVAE", () => mlContext.Gan().Tabular.Tvae(new TvaeOptions { Epochs = epochs, Threads = threads, Seed = 1 }).Fit(split.TrainSet)),
            ($"TabDDPM (label income, {fastSteps}-step sampler)", () => mlContext.Gan().Tabular.TabDdpm(tabDdpm).Fit(split.TrainSet)),
        };
        MlEfficacyResult? last = null;
        foreach (var (name, fit) in runs)
        {
            using var model = fit();
            var clock = Stopwatch.StartNew();
            var synthetic = model.SampleTable(checked((int)trainRows), seed: 3);
            double rowsPerSecond = trainRows / clock.Elapsed.TotalSeconds;
            var efficacy = mlContext.Gan().Tabular.Evaluate(split.TrainSet, synthetic.ToDataView(), new TabularEvaluationOptions
            {
                RealHoldout = split.TestSet,
                LabelColumn = "income",
                Seed = 1,
            }).MlEfficacy!;
            last = efficacy;
            Console.WriteLine($"| {name} | {model.TrainingSummary!.Elapsed.TotalSeconds:F0} | {model.TrainingSummary.Steps:N0} | {rowsPerSecond:N0} | {Metrics(efficacy, synthetic: true)} |");
        }
        Console.WriteLine($"| real rows (train real, test real) | | | | {Metrics(last!, synthetic: false)} |");
        Console.WriteLine();
        tabDdpm.SamplingSteps = null;
        tabDdpm.Steps = 1;
        using (var everyStep = mlContext.Gan().Tabular.TabDdpm(tabDdpm).Fit(split.TrainSet))
        {
            var clock = Stopwatch.StartNew();
            everyStep.SampleTable(fullRows, seed: 3);
            Console.WriteLine($"The paper's sampler (all {tabDdpm.Timesteps} steps, untrained weights of the same shape): {fullRows / clock.Elapsed.TotalSeconds:N0} rows/s on {fullRows} rows.");
        }
        Console.WriteLine($"Load average at the end: {Core.MachineInfo.LoadAverage()}.");
        return 0;
    }

    internal static string Metrics(MlEfficacyResult result, bool synthetic)
    {
        var cells = result.Trainers.Take(2).SelectMany(t =>
        {
            var m = synthetic ? t.TrainSyntheticTestReal : t.TrainRealTestReal;
            return new[] { m.AreaUnderRocCurve, m.F1Score };
        });
        return string.Join(" | ", cells.Select(v => v is double d ? d.ToString("F3", CultureInfo.InvariantCulture) : "—"));
    }
}
