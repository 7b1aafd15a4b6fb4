using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Gan.Augmentation;
using Microsoft.ML.Gan.Benchmarks.Core;
using Microsoft.ML.Gan.Benchmarks.Tabular;
using Microsoft.ML.Gan.Tabular.Ctgan;

namespace Microsoft.ML.Gan.Benchmarks.Augmentation;

/// <summary>
/// Adult with the positive class (income &gt; 50K) subsampled to 5 % of the training rows: minority-class F1 and ROC-AUC
/// of FastTree and LightGbm trained on (a) the imbalanced rows, (b) random oversampling to balance, (c) CTGAN-balanced
/// rows, (d) CTGAN-balanced rows with the quality filter (threshold 0.5), each tested on an untouched 20 % real test split.
/// </summary>
internal static class AdultAugmentationBenchmark
{
    public const string Description = "augmentation on adult with 5% positives: F1/AUC of FastTree and LightGbm, imbalanced vs oversampling vs CTGAN (args: [epochs=10] [seeds=3])";

    private const double PositiveShare = 0.05;

    public static int Run(string[] args)
    {
        int epochs = args.Length > 0 ? int.Parse(args[0]) : 10;
        int seeds = args.Length > 1 ? int.Parse(args[1]) : 3;
        var context = new MLContext(seed: 0);
        using var adult = AdultCsv.Decompress();
        var all = AdultRow.Read(context, adult.Load(context));
        Console.WriteLine($"## augment-adult: GAN augmentation on adult with {PositiveShare:P0} positives");
        Console.WriteLine();
        Console.WriteLine($"Machine: {MachineInfo.Describe()}. CTGAN: {epochs} epochs, batch 500, 1 torch thread, otherwise paper defaults.");
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
            Console.WriteLine($"seed {seed}: {train.Length:N0} train rows ({train.Count(r => r.Label):N0} positive), {test.Length:N0} test rows " +
                $"({test.Count(r => r.Label):N0} positive); CTGAN fit {clock.Elapsed.TotalSeconds:F0} s; load {MachineInfo.LoadAverage()}");
            using var oversampler = new RandomOversampler(mlContext, train);
            foreach (var (trainerName, trainer) in Trainers(mlContext))
            {
                var pipeline = AdultRow.Featurize(mlContext).Append(trainer);
                var balance = new GanAugmentationOptions { Seed = seed };
                var filtered = new GanAugmentationOptions { Seed = seed, QualityThreshold = 0.5 };
                var variants = new (string Name, IEstimator<ITransformer> Estimator)[]
                {
                    ("imbalanced", pipeline),
                    ("random oversampling", mlContext.Gan().Augment(pipeline, oversampler, balance)),
                    ("CTGAN-balanced", mlContext.Gan().Augment(pipeline, ctgan, balance)),
                    ("CTGAN-balanced + quality filter 0.5", mlContext.Gan().Augment(pipeline, ctgan, filtered)),
                };
                foreach (var (name, estimator) in variants)
                {
                    var metrics = mlContext.BinaryClassification.Evaluate(estimator.Fit(trainView).Transform(testView));
                    results.Add((trainerName, name, metrics.F1Score, metrics.AreaUnderRocCurve));
                    string added = estimator is GanAugmentationEstimator<Microsoft.ML.Data.TransformerChain<ITransformer>> augmentation && augmentation.LastSummary is { } summary
                        ? $" (+{summary.SyntheticRowsAdded:N0} rows, {summary.SyntheticRowsRejected:N0} rejected)" : "";
                    Console.WriteLine($"  {trainerName} {name}: F1 {metrics.F1Score:F3}, AUC {metrics.AreaUnderRocCurve:F3}{added}");
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
