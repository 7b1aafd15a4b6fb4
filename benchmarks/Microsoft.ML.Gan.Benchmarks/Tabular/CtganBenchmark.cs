using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.ML;
using Microsoft.ML.Gan.Tabular.Ctgan;
using Microsoft.ML.Gan.Tabular.Data;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Benchmarks.Tabular;

/// <summary>
/// CTGAN on adult (80/20 split, paper defaults, batch 500). Speed: transformer fit, seconds per epoch over a few
/// epochs, end-to-end sampling rows/s (decoded IDataView, one cursor pass), peak working set and a GEMM probe in the
/// same process. Quality (when asked): a longer training, then FastTree on synthetic vs real rows tested on the real
/// holdout, per-column KS/TV complements, and capital-gain/loss spikes and ranges.
/// Arguments: [quality epochs, 0 = skip (default)] [speed epochs, default 3] [threads, default 0 = the library's default]
/// [generator EMA decay, default CTGAN's (0.999); 0 = none].
/// </summary>
internal static class CtganBenchmark
{
    public const string Description = "CTGAN on adult.csv.gz: s/epoch, sampling rows/s, memory, GEMM probe; optional quality run";

    public static int Run(string[] args)
    {
        int qualityEpochs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 0;
        int speedEpochs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        int threads = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 0;
        double? emaDecay = args.Length > 3 ? double.Parse(args[3], CultureInfo.InvariantCulture) : null;
        using var adult = AdultCsv.Decompress();
        var mlContext = new MLContext(seed: 1);
        var split = mlContext.Data.TrainTestSplit(adult.Load(mlContext), testFraction: 0.2, seed: 1);
        var realTrain = TabularTable.FromDataView(split.TrainSet);
        var realTest = TabularTable.FromDataView(split.TestSet);

        Console.WriteLine($"## tabular-ctgan: CTGAN on adult.csv ({realTrain.RowCount:N0} train / {realTest.RowCount:N0} test rows)");
        Console.WriteLine();
        Microsoft.ML.Gan.Torch.TorchRuntime.SetThreads(threads);
        threads = get_num_threads();
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}; " +
            $"torch threads {threads}; load average at start {Core.MachineInfo.LoadAverage()}; date {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC" +
            $"; generator EMA decay {Options(1, threads, emaDecay).GeneratorEmaDecay?.ToString(CultureInfo.InvariantCulture) ?? "none"}.");
        Console.WriteLine();
        double gflops = Core.MachineInfo.GemmGflops();
        var fitWatch = Stopwatch.StartNew();
        var transformer = DataTransformer.Fit(realTrain, new DataTransformerOptions { Seed = 1 });
        var transformerFit = fitWatch.Elapsed;

        using var speedModel = mlContext.Gan().Tabular.Ctgan(Options(speedEpochs, threads, emaDecay)).Fit(split.TrainSet);
        var summary = speedModel.TrainingSummary!;
        double secondsPerEpoch = summary.Elapsed.TotalSeconds / speedEpochs;
        speedModel.SampleTable(10_000, seed: 1); // warm-up
        const int sampleRows = 200_000;
        var sampleWatch = Stopwatch.StartNew();
        long counted = TransformerBenchmark.CountRows(speedModel.Sample(sampleRows, seed: 2));
        double rowsPerSecond = counted / sampleWatch.Elapsed.TotalSeconds;
        string loadAfter = Core.MachineInfo.LoadAverage();

        Console.WriteLine("| measure | value | target |");
        Console.WriteLine("| --- | ---: | ---: |");
        Console.WriteLine($"| GEMM probe (torch.mm 1024², {threads} thread(s)) | {gflops:F1} GFLOP/s | |");
        Console.WriteLine($"| transformer fit (encoded width {transformer.OutputDimension}) | {transformerFit.TotalSeconds:F2} s | ≤ 5 s |");
        Console.WriteLine($"| training, {speedEpochs} epochs × {summary.Steps / speedEpochs} steps | {secondsPerEpoch:F2} s/epoch ({summary.Elapsed.TotalMilliseconds / summary.Steps:F1} ms/step) | ≤ 2 s/epoch |");
        Console.WriteLine($"| sampling {sampleRows:N0} rows, decoded IDataView + cursor pass | {rowsPerSecond:N0} rows/s | ≥ 100,000 |");
        Console.WriteLine($"| peak working set | {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024):N0} MiB | |");
        Console.WriteLine($"| load average after | {loadAfter} | |");
        Console.WriteLine();
        if (qualityEpochs > 0)
            RunQuality(mlContext, split, realTrain, realTest, qualityEpochs, threads, emaDecay);
        return 0;
    }

    private static void RunQuality(MLContext mlContext, DataOperationsCatalog.TrainTestData split, TabularTable realTrain, TabularTable realTest, int epochs, int threads, double? emaDecay)
    {
        var watch = Stopwatch.StartNew();
        using var model = mlContext.Gan().Tabular.Ctgan(Options(epochs, threads, emaDecay)).Fit(split.TrainSet);
        var trainTime = watch.Elapsed;
        var synthetic = model.SampleTable(realTrain.RowCount, seed: 3);
        var onReal = SyntheticQuality.TrainAndTest(mlContext, split.TrainSet, split.TestSet, realTrain);
        var onSynthetic = SyntheticQuality.TrainAndTest(mlContext, synthetic.ToDataView(), split.TestSet, realTrain);
        var similarity = mlContext.Gan().Tabular.Evaluate(split.TrainSet, synthetic.ToDataView()).ColumnShapes
            .Select(c => (c.Column, c.Metric, c.Score)).ToList();

        Console.WriteLine($"### Quality after {epochs} epochs ({trainTime.TotalMinutes:F1} min of training, {threads} thread(s), load average {Core.MachineInfo.LoadAverage()})");
        Console.WriteLine();
        Console.WriteLine("| FastTree on income, tested on the real 20 % | accuracy | F1 | ROC-AUC |");
        Console.WriteLine("| --- | ---: | ---: | ---: |");
        Console.WriteLine($"| trained on real rows | {onReal.Accuracy:F3} | {onReal.F1:F3} | {onReal.Auc:F3} |");
        Console.WriteLine($"| trained on synthetic rows | {onSynthetic.Accuracy:F3} | {onSynthetic.F1:F3} | {onSynthetic.Auc:F3} |");
        Console.WriteLine($"| synthetic / real | | | {onSynthetic.Auc / onReal.Auc:F3} (target ≥ 0.95) |");
        Console.WriteLine();
        Console.WriteLine("| column | metric | score |");
        Console.WriteLine("| --- | --- | ---: |");
        foreach (var (column, metric, score) in similarity)
            Console.WriteLine($"| {column} | {metric} | {score:F3} |");
        Console.WriteLine($"| **mean** | | **{similarity.Average(s => s.Score):F3}** (target ≥ 0.95) |");
        Console.WriteLine();
        Console.WriteLine("| column | zeros real | zeros synthetic | real range | synthetic range |");
        Console.WriteLine("| --- | ---: | ---: | --- | --- |");
        foreach (string name in new[] { "capital-gain", "capital-loss" })
        {
            var real = ((ContinuousColumn)realTrain[name]).Values.ToArray();
            var fake = ((ContinuousColumn)synthetic[name]).Values.ToArray();
            Console.WriteLine($"| {name} | {Zeros(real):P1} | {Zeros(fake):P1} | [{real.Min()}, {real.Max()}] | [{fake.Min()}, {fake.Max()}] |");
        }
    }

    /// <summary>CTGAN's defaults; an EMA decay of 0 turns the generator average off (the paper's exact procedure).</summary>
    private static CtganOptions Options(int epochs, int threads, double? emaDecay)
    {
        var options = new CtganOptions { Epochs = epochs, Threads = threads, Seed = 1 };
        if (emaDecay is double decay)
            options.GeneratorEmaDecay = decay > 0 ? decay : null;
        return options;
    }

    private static double Zeros(double[] values) => values.Count(v => v == 0) / (double)values.Length;
}
