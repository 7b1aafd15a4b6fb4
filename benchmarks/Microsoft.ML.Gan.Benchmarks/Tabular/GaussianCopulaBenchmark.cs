using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.ML;
using Microsoft.ML.Gan.Tabular.Evaluation;
using Microsoft.ML.Gan.Tabular.GaussianCopula;

namespace Microsoft.ML.Gan.Benchmarks.Tabular;

/// <summary>
/// The Gaussian copula on adult: fit time on all 32,561 rows (median of 3 fits), sampling rows/s (bulk, and with a
/// condition), and ML efficacy on the 80/20 split of <see cref="TabDdpmBenchmark"/> (seed 1; income classifiers
/// trained on as many synthetic rows as real training rows, tested on the real 20 %). Arguments: [threads, default 1]
/// [rows to sample for timing, default 262,144].
/// </summary>
internal static class GaussianCopulaBenchmark
{
    public const string Description = "Gaussian copula on adult.csv.gz: fit time, rows/s (bulk and conditioned), ML efficacy";

    public static int Run(string[] args)
    {
        int threads = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1;
        int sampleRows = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 262_144;
        using var adult = AdultCsv.Decompress();
        var mlContext = new MLContext(seed: 1);
        var table = adult.Load(mlContext);
        long rows = TransformerBenchmark.CountRows(table);
        var options = new GaussianCopulaOptions { Threads = threads, Seed = 1 };

        Console.WriteLine($"## tabular-copula: the Gaussian copula on adult.csv ({rows:N0} rows)");
        Console.WriteLine();
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}; " +
            $"torch threads {threads}; load average at start {Core.MachineInfo.LoadAverage()}; date {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC.");
        Console.WriteLine();
        var fits = new List<double>();
        for (int repeat = 0; repeat < 3; repeat++)
        {
            var clock = Stopwatch.StartNew();
            mlContext.Gan().Tabular.GaussianCopula(options).Fit(table).Dispose();
            fits.Add(clock.Elapsed.TotalSeconds);
        }
        using var model = mlContext.Gan().Tabular.GaussianCopula(options).Fit(table);
        model.SampleTable(1000, seed: 1);
        double bulk = RowsPerSecond(() => model.SampleTable(sampleRows, seed: 2), sampleRows);
        string richer = model.DataTransformer.ConditionValues("income").Values.Single(v => v.Name.Contains(">50K", StringComparison.Ordinal)).Name;
        double conditioned = RowsPerSecond(() => model.SampleTable(sampleRows, seed: 3, condition: ("income", richer)), sampleRows);
        Console.WriteLine($"Fit on {rows:N0} rows: {fits.Order().ElementAt(1):F2} s (median of {string.Join(", ", fits.Select(f => f.ToString("F2", CultureInfo.InvariantCulture)))} s). " +
            $"Sampling {sampleRows:N0} rows: {bulk:N0} rows/s; with the condition income = {richer.Trim()}: {conditioned:N0} rows/s.");
        Console.WriteLine();

        var split = mlContext.Data.TrainTestSplit(table, testFraction: 0.2, seed: 1);
        long trainRows = TransformerBenchmark.CountRows(split.TrainSet);
        using var trained = mlContext.Gan().Tabular.GaussianCopula(options).Fit(split.TrainSet);
        var synthetic = trained.SampleTable(checked((int)trainRows), seed: 3);
        var report = mlContext.Gan().Tabular.Evaluate(split.TrainSet, synthetic.ToDataView(), new TabularEvaluationOptions
        {
            RealHoldout = split.TestSet,
            LabelColumn = "income",
            Seed = 1,
        });
        Console.WriteLine("| rows trained on | ROC-AUC (FastTree) | F1 (FastTree) | ROC-AUC (linear) | F1 (linear) | column shapes | pair trends |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        Console.WriteLine($"| Gaussian copula ({trainRows:N0} synthetic) | {TabDdpmBenchmark.Metrics(report.MlEfficacy!, synthetic: true)} | " +
            $"{report.ColumnShapesScore:F3} | {report.PairTrendsScore:F3} |");
        Console.WriteLine($"| real ({trainRows:N0}) | {TabDdpmBenchmark.Metrics(report.MlEfficacy!, synthetic: false)} | | |");
        Console.WriteLine();
        Console.WriteLine($"Load average at the end: {Core.MachineInfo.LoadAverage()}.");
        return 0;
    }

    private static double RowsPerSecond(Action sample, int rows)
    {
        var clock = Stopwatch.StartNew();
        sample();
        return rows / clock.Elapsed.TotalSeconds;
    }
}
