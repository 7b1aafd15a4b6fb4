using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Gan.Augmentation;
using Microsoft.ML.Gan.Benchmarks.Core;
using Microsoft.ML.Gan.Benchmarks.Tabular;
using Microsoft.ML.Gan.Tabular.Ctgan;
using Microsoft.ML.Gan.Tabular.GaussianCopula;
using Microsoft.ML.Gan.Tabular.TabDdpm;

namespace Microsoft.ML.Gan.Benchmarks.Augmentation;

/// <summary>
/// Adult with the positive class (income &gt; 50K) subsampled to 5 % of the training rows: minority-class F1 and ROC-AUC
/// of FastTree and LightGbm trained on (a) the imbalanced rows, (b) random oversampling to balance, (c) CTGAN-balanced
/// rows, (d) CTGAN-balanced rows with the quality filter (threshold 0.5), (e) TabDDPM-balanced rows (label-conditioned),
/// (f) Gaussian-copula-balanced rows, and (b, e, f) again with the synthetic rows capped at twice the real positives,
/// each tested on an untouched 20 % real test split.
/// </summary>
internal static class AdultAugmentationBenchmark
{
    public const string Description = "augmentation on adult with 5% positives: F1/AUC of FastTree and LightGbm, imbalanced vs oversampling vs CTGAN, TabDDPM and Gaussian copula rows (args: [ctgan epochs=10] [seeds=3] [tabddpm steps=800])";

    private const double PositiveShare = 0.05;

    public static int Run(string[] args)
    {
        int epochs = args.Length > 0 ? int.Parse(args[0]) : 10;
        int seeds = args.Length > 1 ? int.Parse(args[1]) : 3;
        int tabDdpmSteps = args.Length > 2 ? int.Parse(args[2]) : 800;
        var context = new MLContext(seed: 0);
        using var adult = AdultCsv.Decompress();
        var all = AdultRow.Read(context, adult.Load(context));
        Console.WriteLine($"## augment-adult: GAN augmentation on adult with {PositiveShare:P0} positives");
        Console.WriteLine();
        Console.WriteLine($"Machine: {MachineInfo.Describe()}. CTGAN: {epochs} epochs, batch 500, 1 torch thread, otherwise paper defaults. " +
            $"TabDDPM: {tabDdpmSteps} steps, 50 sampling steps, LabelColumn = Label, 1 torch thread. Gaussian copula: defaults, 1 torch thread.");
        Console.WriteLine();

        var results = new List<(string Trainer, string Variant, double F1, double Auc)>();
        for (int seed = 1; seed <= seeds; seed++)
        {
            var mlContext = new MLContext(seed: seed);
            var (train, test) = Split(all, seed);
            var trainView = mlContext.Data.LoadFromEnumerable(train);
            var testView = mlContext.Data.LoadFromEnumerable(test);
            var clock = Stopwatch.StartNew();
            using var ctgan = mlContext.Gan().Tabular.Ctgan(new CtganOptions { Epochs = epochs, Threads = 1, Seed = seed }).Fit(trainView);
            double ctganSeconds = clock.Elapsed.TotalSeconds;
            clock.Restart();
            using var tabDdpm = mlContext.Gan().Tabular.TabDdpm(new TabDdpmOptions
            {
                Steps = tabDdpmSteps, SamplingSteps = 50, LabelColumn = nameof(AdultRow.Label), Threads = 1, Seed = seed,
            }).Fit(trainView);
            double tabDdpmSeconds = clock.Elapsed.TotalSeconds;
            clock.Restart();
            using var copula = mlContext.Gan().Tabular.GaussianCopula(new GaussianCopulaOptions { Threads = 1, Seed = seed }).Fit(trainView);
            int positives = train.Count(r => r.Label);
            Console.WriteLine($"seed {seed}: {train.Length:N0} train rows ({positives:N0} positive), {test.Length:N0} test rows " +
                $"({test.Count(r => r.Label):N0} positive); fits: CTGAN {ctganSeconds:F0} s, TabDDPM {tabDdpmSeconds:F0} s, copula {clock.Elapsed.TotalSeconds:F1} s; " +
                $"load {MachineInfo.LoadAverage()}");
            using var oversampler = new RandomOversampler(mlContext, train);
            foreach (var (trainerName, trainer) in Trainers(mlContext))
            {
                var pipeline = AdultRow.Featurize(mlContext).Append(trainer);
                var balance = new GanAugmentationOptions { Seed = seed };
                var filtered = new GanAugmentationOptions { Seed = seed, QualityThreshold = 0.5 };
                var twicePositives = new GanAugmentationOptions { Seed = seed, MaxSyntheticRows = 2 * positives };
                var variants = new (string Name, IEstimator<ITransformer> Estimator)[]
                {
                    ("(a) imbalanced", pipeline),
                    ("(b) random oversampling", mlContext.Gan().Augment(pipeline, oversampler, balance)),
                    ("(c) CTGAN-balanced", mlContext.Gan().Augment(pipeline, ctgan, balance)),
                    ("(d) CTGAN-balanced + quality filter 0.5", mlContext.Gan().Augment(pipeline, ctgan, filtered)),
                    ("(e) TabDDPM-balanced", mlContext.Gan().Augment(pipeline, tabDdpm, balance)),
                    ("(f) Gaussian-copula-balanced", mlContext.Gan().Augment(pipeline, copula, balance)),
                    ("(b2) random oversampling, ≤ 2× real positives", mlContext.Gan().Augment(pipeline, oversampler, twicePositives)),
                    ("(e2) TabDDPM, ≤ 2× real positives", mlContext.Gan().Augment(pipeline, tabDdpm, twicePositives)),
                    ("(f2) Gaussian copula, ≤ 2× real positives", mlContext.Gan().Augment(pipeline, copula, twicePositives)),
                };
                foreach (var (name, estimator) in variants)
                {
                    clock.Restart();
                    var metrics = mlContext.BinaryClassification.Evaluate(estimator.Fit(trainView).Transform(testView));
                    results.Add((trainerName, name, metrics.F1Score, metrics.AreaUnderRocCurve));
                    string added = estimator is GanAugmentationEstimator<Microsoft.ML.Data.TransformerChain<ITransformer>> augmentation && augmentation.LastSummary is { } summary
                        ? $" (+{summary.SyntheticRowsAdded:N0} rows, {summary.SyntheticRowsRejected:N0} rejected)" : "";
                    Console.WriteLine($"  {trainerName} {name}: F1 {metrics.F1Score:F3}, AUC {metrics.AreaUnderRocCurve:F3}{added}; {clock.Elapsed.TotalSeconds:F0} s");
                }
            }
        }

        Console.WriteLine();
        Console.WriteLine($"| trainer | training rows | minority F1 (mean ± sd over {seeds} seeds) | ROC-AUC (mean ± sd) |");
        Console.WriteLine("| --- | --- | ---: | ---: |");
        foreach (var group in results.GroupBy(r => (r.Trainer, r.Variant)))
            Console.WriteLine($"| {group.Key.Trainer} | {group.Key.Variant} | {SeedStatistics.Format(group.Select(r => r.F1), "F3")} | {SeedStatistics.Format(group.Select(r => r.Auc), "F3")} |");
        return 0;
    }

    private static (string, IEstimator<ITransformer>)[] Trainers(MLContext mlContext) =>
    [
        ("FastTree", mlContext.BinaryClassification.Trainers.FastTree()),
        ("LightGbm", mlContext.BinaryClassification.Trainers.LightGbm()),
    ];

    /// <summary>80/20 split by seed; in the training part every negative is kept and positives are drawn to 5 % of the rows.</summary>
    private static (AdultRow[] Train, AdultRow[] Test) Split(AdultRow[] all, int seed)
    {
        var random = new Random(seed);
        var shuffled = all.OrderBy(_ => random.Next()).ToArray();
        int testCount = shuffled.Length / 5;
        var test = shuffled[..testCount];
        var rest = shuffled[testCount..];
        var negatives = rest.Where(r => !r.Label).ToArray();
        int positives = (int)Math.Round(negatives.Length * PositiveShare / (1 - PositiveShare));
        var train = negatives.Concat(rest.Where(r => r.Label).Take(positives)).OrderBy(_ => random.Next()).ToArray();
        return (train, test);
    }
}
