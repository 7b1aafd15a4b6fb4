using Microsoft.ML.Gan.FashionData;
using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Gan.Augmentation;
using Microsoft.ML.Gan.Benchmarks.Core;
using Microsoft.ML.Gan.Images;
using Microsoft.ML.Gan.Images.Data;

namespace Microsoft.ML.Gan.Benchmarks.Augmentation;

/// <summary>
/// Fashion-MNIST with few labels for three classes: the first <c>perClass</c> training images of every class, of which
/// only 1 % is kept for Pullover, Sandal and Bag. A multiclass logistic regression on the pixels is trained on the real rows,
/// with random oversampling, and with class-balancing rows from a conditional DCGAN fitted on the same rows, and tested on the 10k test images.
/// </summary>
internal static class FashionAugmentationBenchmark
{
    public const string Description = "augmentation on Fashion-MNIST with 1% of the labels for 3 classes: accuracy with/without cGAN rows (args: [steps=1000] [seeds=3] [perClass=1000] [diffAugment=None, or e.g. All, Translation,Cutout])";

    private static readonly int[] RareClasses = [2, 5, 8];

    public static int Run(string[] args)
    {
        long steps = args.Length > 0 ? long.Parse(args[0]) : 1000;
        int seeds = args.Length > 1 ? int.Parse(args[1]) : 3;
        int perClass = args.Length > 2 ? int.Parse(args[2]) : 1000;
        var diffAugment = args.Length > 3 ? Enum.Parse<DiffAugmentPolicy>(args[3], ignoreCase: true) : DiffAugmentPolicy.None;
        int rare = Math.Max(1, perClass / 100);
        var all = FashionMnist.Read(FashionMnistSplit.Train);
        var testSet = FashionMnist.Read(FashionMnistSplit.Test);
        Console.WriteLine($"## augment-fashion: cGAN augmentation on Fashion-MNIST with 1 % of the labels for {string.Join(", ", RareClasses.Select(c => FashionMnist.ClassNames[c]))}");
        Console.WriteLine();
        Console.WriteLine($"Machine: {MachineInfo.Describe()}. Training rows: {perClass} per class, {rare} for the three rare classes; " +
            $"conditional DCGAN (ngf = ndf = 32, batch 64, {steps} steps, DiffAugment {diffAugment}, 1 torch thread); classifier: LbfgsMaximumEntropy on the 784 pixels.");
        Console.WriteLine();

        var results = new List<(string Variant, double Accuracy, double RareRecall)>();
        for (int seed = 1; seed <= seeds; seed++)
        {
            var mlContext = new MLContext(seed: seed);
            var subset = Subset(all, perClass, rare, seed);
            var train = ImageSetDataView.Create(mlContext, subset, "Image", "Label");
            var test = ImageSetDataView.Create(mlContext, testSet, "Image", "Label");
            var trainer = mlContext.MulticlassClassification.Trainers.LbfgsMaximumEntropy(featureColumnName: "Image");
            var cgan = new ConditionalGanOptions
            {
                MaxSteps = steps, BatchSize = 64, GeneratorFeatures = 32, DiscriminatorFeatures = 32, DiffAugment = diffAugment, Threads = 1, Seed = seed,
            };
            var clock = Stopwatch.StartNew();
            using var model = mlContext.Gan().Images.ImageGan(cgan).Fit(train);
            Console.WriteLine($"seed {seed}: cGAN fit {clock.Elapsed.TotalSeconds:F0} s, load {MachineInfo.LoadAverage()}");
            var variants = new (string Name, IEstimator<ITransformer> Estimator)[]
            {
                ("real rows only", trainer),
                ("+ random oversampling (copies of the real images)", mlContext.Gan().Augment(trainer, new ImageOversampler(mlContext, subset), new GanAugmentationOptions { Seed = seed })),
                ("+ cGAN rows balancing the classes", mlContext.Gan().Augment(trainer, model, "Image", new GanAugmentationOptions { Seed = seed })),
            };
            foreach (var (name, estimator) in variants)
            {
                var metrics = mlContext.MulticlassClassification.Evaluate(estimator.Fit(train).Transform(test));
                double rareRecall = RareClasses.Average(c => metrics.ConfusionMatrix.PerClassRecall[c]);
                results.Add((name, metrics.MicroAccuracy, rareRecall));
                Console.WriteLine($"  {name}: accuracy {metrics.MicroAccuracy:P1}, rare-class recall {rareRecall:P1}");
            }
        }

        Console.WriteLine();
        Console.WriteLine($"| training rows | test accuracy (mean ± sd over {seeds} seeds) | recall of the 3 rare classes |");
        Console.WriteLine("| --- | ---: | ---: |");
        foreach (var group in results.GroupBy(r => r.Variant))
            Console.WriteLine($"| {group.Key} | {SeedStatistics.Format(group.Select(r => r.Accuracy), "P1")} | {SeedStatistics.Format(group.Select(r => r.RareRecall), "P1")} |");
        return 0;
    }

    /// <summary>Per class, <paramref name="perClass"/> images drawn by seed (<paramref name="rare"/> for the rare classes).</summary>
    private static ImageSet Subset(ImageSet all, int perClass, int rare, int seed)
    {
        var random = new Random(seed);
        var chosen = Enumerable.Range(0, all.Count).OrderBy(_ => random.Next())
            .GroupBy(i => all.Labels![i])
            .SelectMany(g => g.Take(RareClasses.Contains(g.Key) ? rare : perClass))
            .OrderBy(_ => random.Next()).ToArray();
        int length = all.Shape.Length;
        var pixels = new float[chosen.Length * length];
        for (int i = 0; i < chosen.Length; i++)
            all.Pixels.AsSpan(chosen[i] * length, length).CopyTo(pixels.AsSpan(i * length));
        return new ImageSet(all.Shape, pixels, [.. chosen.Select(i => all.Labels![i])], all.ClassCount);
    }
}
