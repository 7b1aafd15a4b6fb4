using System.Diagnostics;
using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Gan.Tabular.Ctgan;
using Microsoft.ML.Gan.Tabular.Data;
using Microsoft.ML.Gan.Tabular.Evaluation;
using Microsoft.ML.Gan.Tabular.GaussianCopula;
using Microsoft.ML.Gan.Tabular.TabDdpm;
using Microsoft.ML.Gan.Tabular.Tvae;

namespace Microsoft.ML.Gan.Benchmarks.Tabular;

/// <summary>
/// The public benchmark suite (benchmarks/suite/README.md): every synthesizer × table × seed under one protocol.
/// The real table is split 80/20 once (seed 0, stratified for classification; the splits are written as CSV so that
/// the Python peer uses the same rows); a synthesizer is fitted on the training part as the library reads it
/// (<c>mlContext.Gan().Tabular.ReadFile</c>), samples as many rows, and the library's evaluator trains a tree and a
/// linear model on synthetic and on real training rows, both tested on the real test part, besides column shapes,
/// pair trends and distance to closest record. The synthesizer "python-ctgan" scores the Python CTGAN's tables,
/// <c>--peer DIR/{table}/seed{k}.csv</c> (written by benchmarks/suite/run_peer.sh), the same way.
/// </summary>
internal static class SuiteBenchmark
{
    public const string Description = "Public table suite: CTGAN/TVAE/TabDDPM/Gaussian copula × tables × seeds, efficacy/shapes/pairs/DCR (benchmarks/suite)";

    private const string Usage = "tabular-suite [--data DIR] [--out DIR] [--tables a,b|all] [--synthesizers ctgan,ctgan-label,tvae,tvae-label,tabddpm,tabddpm-nolabel,gaussiancopula,python-ctgan] [--seeds 1,2,3] [--min-steps N] [--no-ema] " +
        "[--epochs 300] [--steps 5000] [--sampling-steps 50] [--threads 1] [--trees 100] [--peer DIR]";

    public static int Run(string[] args)
    {
        SuiteArguments a;
        try
        {
            a = SuiteArguments.Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine("usage: " + Usage);
            return 2;
        }
        string machine = Core.MachineInfo.Describe();
        var clock = Stopwatch.StartNew();
        var runs = new List<SuiteRun>();
        foreach (var table in a.Tables)
        {
            string csv = Path.Combine(a.DataDirectory, table.Name + ".csv");
            if (!File.Exists(csv))
            {
                Console.Error.WriteLine($"{csv} is missing: run benchmarks/suite/extract.sh first.");
                return 1;
            }
            var (trainPath, testPath) = SuiteSplit.Write(csv, table, Path.Combine(a.DataDirectory, "splits", table.Name));
            var mlContext = new MLContext(seed: 1);
            var train = mlContext.Gan().Tabular.ReadFile(trainPath);
            // The test rows and synthetic rows are read with the training file's roles, so that all three agree;
            // identifiers are left out of the evaluation (generated identifiers are not compared with real ones).
            var evaluationRoles = new TabularFileOptions { Metadata = WithoutIdentifiers(train.Metadata) };
            var test = mlContext.Gan().Tabular.ReadFile(testPath, evaluationRoles);
            var trainEvaluated = mlContext.Gan().Tabular.ReadFile(trainPath, evaluationRoles).Data;
            int trainRows = train.Table.RowCount;
            foreach (string synthesizer in a.Synthesizers)
            {
                foreach (int seed in a.Seeds)
                {
                    runs.Add(synthesizer == SuiteArguments.PythonCtgan
                        ? ScorePeer(mlContext, table, seed, a, trainEvaluated, test, evaluationRoles)
                        : FitAndScore(mlContext, table, synthesizer, seed, a, train, trainEvaluated, test));
                    Console.WriteLine(Progress(runs[^1], clock));
                }
            }
        }
        SuiteReport.Write(a, runs, machine, $"load average at the end {Core.MachineInfo.LoadAverage()}, {clock.Elapsed.TotalMinutes:F1} min in all");
        return 0;
    }

    private static SuiteRun FitAndScore(MLContext mlContext, SuiteTable table, string synthesizer, int seed, SuiteArguments a,
        TabularFile train, IDataView trainEvaluated, TabularFile test)
    {
        var fitClock = Stopwatch.StartNew();
        using var model = Fit(mlContext, synthesizer, table, seed, a, train.Data, train.Table.RowCount);
        double fitSeconds = fitClock.Elapsed.TotalSeconds;
        var sampleClock = Stopwatch.StartNew();
        var synthetic = model.SampleTable(train.Table.RowCount, seed: 1000 + seed);
        double sampleSeconds = sampleClock.Elapsed.TotalSeconds;
        return Score(mlContext, table, synthesizer, seed, trainEvaluated, test, synthetic.ToDataView(), fitSeconds, sampleSeconds, a.Trees);
    }

    /// <summary>Scores the Python CTGAN's synthetic rows for this table and seed (written by run_peer.sh); its timings are in its own log.</summary>
    private static SuiteRun ScorePeer(MLContext mlContext, SuiteTable table, int seed, SuiteArguments a, IDataView trainEvaluated, TabularFile test,
        TabularFileOptions evaluationRoles)
    {
        string path = Path.Combine(a.PeerDirectory ?? throw new ArgumentException($"--synthesizers {SuiteArguments.PythonCtgan} needs --peer DIR."),
            table.Name, $"seed{seed}.csv");
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path} is missing: run benchmarks/suite/run_peer.sh for table {table.Name}, seed {seed}.", path);
        var synthetic = mlContext.Gan().Tabular.ReadFile(path, evaluationRoles).Data;
        return Score(mlContext, table, SuiteArguments.PythonCtgan, seed, trainEvaluated, test, synthetic, double.NaN, double.NaN, a.Trees);
    }

    private static CtganModel Fit(MLContext mlContext, string synthesizer, SuiteTable table, int seed, SuiteArguments a, IDataView train, int rows) => synthesizer switch
    {
        "ctgan" => mlContext.Gan().Tabular.Ctgan(CtganOptionsFor(a, seed, label: null)).Fit(train),
        SuiteArguments.TargetAwareCtgan => mlContext.Gan().Tabular.Ctgan(CtganOptionsFor(a, seed, table.Target)).Fit(train),
        "tvae" or SuiteArguments.TargetAwareTvae => mlContext.Gan().Tabular.Tvae(new TvaeOptions
        {
            Epochs = a.Epochs,
            MaxSteps = TvaeStepsWithFloor(a, rows),
            Threads = a.Threads,
            Seed = seed,
            LabelColumn = synthesizer == SuiteArguments.TargetAwareTvae ? table.Target : null,
        }).Fit(train),
        "tabddpm" or SuiteArguments.UnconditionedTabDdpm => mlContext.Gan().Tabular.TabDdpm(new TabDdpmOptions
        {
            Steps = a.Steps,
            SamplingSteps = a.SamplingSteps == 0 ? null : a.SamplingSteps,
            Threads = a.Threads,
            Seed = seed,
            LabelColumn = synthesizer == "tabddpm" && table.IsClassification ? table.Target : null,
        }).Fit(train),
        "gaussiancopula" => mlContext.Gan().Tabular.GaussianCopula(new GaussianCopulaOptions { Threads = a.Threads, Seed = seed }).Fit(train),
        _ => throw new ArgumentException($"--synthesizers: unknown synthesizer '{synthesizer}'."),
    };

    /// <summary>CTGAN at the suite's epochs: exactly <see cref="SuiteArguments.Epochs"/>, or, with <c>--min-steps</c>, as a default length with that floor of generator steps; <c>--no-ema</c> samples from the last weights.</summary>
    private static CtganOptions CtganOptionsFor(SuiteArguments a, int seed, string? label)
    {
        var options = new CtganOptions { Threads = a.Threads, Seed = seed, LabelColumn = label };
        if (!a.GeneratorEma)
            options.GeneratorEmaDecay = null;
        if (a.MinimumSteps is int floor)
            options.SetDefaultLength(a.Epochs, floor);
        else
            options.Epochs = a.Epochs;
        return options;
    }

    /// <summary>With <c>--min-steps</c>, TVAE's steps: its epochs' steps (batch 500) raised to the floor; else null (exactly its epochs).</summary>
    private static long? TvaeStepsWithFloor(SuiteArguments a, int rows) =>
        a.MinimumSteps is int floor ? Math.Max(floor, (long)a.Epochs * Math.Max(1, rows / new TvaeOptions().BatchSize)) : null;

    private static TabularMetadata WithoutIdentifiers(TabularMetadata metadata) => metadata with
    {
        Columns = [.. metadata.Columns.Select(c => c.Role == ColumnRole.Identifier ? c with { Role = ColumnRole.Ignored } : c)],
    };

    private static SuiteRun Score(MLContext mlContext, SuiteTable table, string synthesizer, int seed, IDataView train, TabularFile test, IDataView synthetic,
        double fitSeconds, double sampleSeconds, int trees)
    {
        var report = mlContext.Gan().Tabular.Evaluate(train, synthetic, new TabularEvaluationOptions
        {
            RealHoldout = test.Data,
            LabelColumn = table.Target,
            Task = table.Task,
            NumberOfTrees = trees,
            Seed = 1,
        });
        var efficacy = report.MlEfficacy!;
        return new SuiteRun
        {
            Table = table.Name,
            Synthesizer = synthesizer,
            Seed = seed,
            Metric = table.MetricName,
            TrainRows = efficacy.RealTrainingRows,
            TestRows = efficacy.TestRows,
            FitSeconds = fitSeconds,
            SampleSeconds = sampleSeconds,
            Trainers = [.. efficacy.Trainers.Select(t => new SuiteTrainerScore(t.Trainer,
                table.Metric(t.TrainSyntheticTestReal), table.Metric(t.TrainRealTestReal),
                t.TrainSyntheticTestReal.MacroF1, t.TrainRealTestReal.MacroF1,
                t.TrainSyntheticTestReal.Error ?? t.TrainRealTestReal.Error))],
            ColumnShapes = report.ColumnShapesScore,
            PairTrends = report.PairTrendsScore,
            SyntheticDcrMedian = report.Privacy.SyntheticDcr.Median,
            HoldoutDcrMedian = report.Privacy.HoldoutDcr.Median,
            ExactCopyRate = report.Privacy.ExactCopyRate,
        };
    }

    private static string Progress(SuiteRun run, Stopwatch clock) =>
        FormattableString.Invariant($"[{clock.Elapsed:hh\\:mm\\:ss}] {run.Table} {run.Synthesizer} seed {run.Seed}: fit {run.FitSeconds:F0} s; ") +
        string.Join("; ", run.Trainers.Select(t => FormattableString.Invariant($"{t.Trainer} {run.Metric} {t.Synthetic:F3} (real {t.Real:F3})"))) +
        FormattableString.Invariant($"; shapes {run.ColumnShapes:F3}; pairs {run.PairTrends:F3}; DCR {run.SyntheticDcrMedian:F3} (holdout {run.HoldoutDcrMedian:F3})");
}
