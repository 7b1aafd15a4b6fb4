using Microsoft.ML.Gan.FashionData;
using System.Diagnostics;
using Microsoft.ML.Gan.Images.Metrics;
using Microsoft.ML.Gan.Images.StyleGan;

namespace Microsoft.ML.Gan.Images.Tests;

/// <summary>Real StyleGAN training on a Fashion-MNIST subset (28×28 padded to 32×32).</summary>
[TestClass]
public sealed class StyleGanFashionTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void ShortTrainingReducesTheDomainFrechetDistance()
    {
        var watch = Stopwatch.StartNew();
        var train = TestImages.Fashion(FashionMnistSplit.Train, 2000);
        var test = TestImages.Fashion(FashionMnistSplit.Test, 1000);
        var mlContext = new MLContext(seed: 1);
        var data = train.ToDataView(mlContext);
        StyleGanOptions Options(long steps) => new()
        {
            LatentDimension = 32,
            StyleDimension = 32,
            MappingLayers = 4,
            ChannelBase = 512,
            MaxChannels = 32,
            BatchSize = 16,
            PenaltyWeight = 1,
            GeneratorEmaDecay = null, // a 0.999 average would still be mostly the initial weights after 250 steps
            MaxSteps = steps,
            Threads = 1,
            Seed = 5,
        };
        using var untrained = mlContext.Gan().Images.StyleGan(Options(1)).Fit(data);
        using var trained = mlContext.Gan().Images.StyleGan(Options(StepsForTest)).Fit(data);
        double trainSeconds = watch.Elapsed.TotalSeconds;
        using var evaluator = new ImageGanEvaluator(train, test, new DomainClassifierOptions { Epochs = 2, Threads = 1, Seed = 1 });
        var before = evaluator.Evaluate(untrained, 1000);
        var after = evaluator.Evaluate(trained, 1000);
        TestContext.WriteLine($"train {trainSeconds:F1} s ({trained.TrainingSummary!.Steps} steps), total {watch.Elapsed.TotalSeconds:F1} s; " +
            $"FD {before.FrechetDistance:F2} → {after.FrechetDistance:F2}; KID {before.KernelDistance:F4} → {after.KernelDistance:F4}; " +
            $"P/R {before.Precision:F2}/{before.Recall:F2} → {after.Precision:F2}/{after.Recall:F2}");
        trained.SaveGrid(Path.Combine(TestContext.TestRunDirectory ?? Path.GetTempPath(), "stylegan-test-grid.png"), 8, 8);

        Assert.IsLessThan(before.FrechetDistance / 2, after.FrechetDistance, "training at least halves the domain Fréchet distance");
    }

    private const long StepsForTest = 250;
}
