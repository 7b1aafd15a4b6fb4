using Microsoft.ML.Gan.FashionData;
using System.Diagnostics;
using Microsoft.ML.Gan.Images;
using Microsoft.ML.Gan.Images.Metrics;

namespace Microsoft.ML.Gan.Images.Tests;

/// <summary>Real training on a Fashion-MNIST subset: training must move the generator towards the data and honour labels.</summary>
[TestClass]
public sealed class FashionQualityTests
{
    public TestContext TestContext { get; set; } = null!;

    private static readonly DomainClassifierOptions ClassifierOptions = new() { Epochs = 2, Threads = 1, Seed = 1 };

    [TestMethod]
    public void DomainClassifierLearnsFashionAndFeatureDistancesRankSets()
    {
        var watch = Stopwatch.StartNew();
        var train = TestImages.Fashion(FashionMnistSplit.Train, 3000);
        var test = TestImages.Fashion(FashionMnistSplit.Test, 1000);
        using var evaluator = new ImageGanEvaluator(train, test, ClassifierOptions);
        Assert.IsGreaterThan(0.7, evaluator.ClassifierAccuracy, "LeNet on 3000 images reaches well above chance (10%)");

        var realHeldOut = evaluator.Evaluate(train.Take(1000));
        var noise = evaluator.Evaluate(TestImages.Noise(FashionMnist.Shape, 1000, classes: 10));
        TestContext.WriteLine($"classifier {evaluator.ClassifierAccuracy:P1}; real FD {realHeldOut.FrechetDistance:F2} KID {realHeldOut.KernelDistance:F4} " +
            $"P {realHeldOut.Precision:F2} R {realHeldOut.Recall:F2} CAS {realHeldOut.ClassificationAccuracyScore:P1}; noise FD {noise.FrechetDistance:F2} " +
            $"KID {noise.KernelDistance:F4} P {noise.Precision:F2} R {noise.Recall:F2}; {watch.Elapsed.TotalSeconds:F1} s");
        Assert.IsLessThan(noise.FrechetDistance / 10, realHeldOut.FrechetDistance);
        Assert.IsLessThan(noise.KernelDistance / 10, realHeldOut.KernelDistance);
        Assert.IsGreaterThan(0.5, realHeldOut.Precision);
        Assert.IsGreaterThan(noise.Recall + 0.5, realHeldOut.Recall, "noise covers little of the real manifold");
        Assert.IsGreaterThan(0.6, realHeldOut.ClassificationAccuracyScore!.Value, "a classifier trained on 1000 real images transfers");
    }

    [TestMethod]
    public void ConditionalDcganLearnsFashionClasses()
    {
        var watch = Stopwatch.StartNew();
        var train = TestImages.Fashion(FashionMnistSplit.Train, 2000);
        var test = TestImages.Fashion(FashionMnistSplit.Test, 1000);
        var mlContext = new MLContext(seed: 1);
        var data = train.ToDataView(mlContext);
        ConditionalGanOptions Options(long steps) => new()
        {
            GeneratorFeatures = 16, DiscriminatorFeatures = 16, LatentDimension = 32, BatchSize = 64, MaxSteps = steps, Threads = 1, Seed = 5,
        };
        using var untrained = mlContext.Gan().Images.ConditionalGan(Options(1)).Fit(data);
        using var trained = mlContext.Gan().Images.ConditionalGan(Options(800)).Fit(data);
        double trainSeconds = watch.Elapsed.TotalSeconds;
        using var evaluator = new ImageGanEvaluator(train, test, ClassifierOptions);
        var before = evaluator.Evaluate(untrained, 1000);
        var after = evaluator.Evaluate(trained, 1000);
        TestContext.WriteLine($"train {trainSeconds:F1} s, total {watch.Elapsed.TotalSeconds:F1} s; classifier {evaluator.ClassifierAccuracy:P1}; " +
            $"FD {before.FrechetDistance:F2} → {after.FrechetDistance:F2}; KID {before.KernelDistance:F4} → {after.KernelDistance:F4}; " +
            $"label accuracy {before.GeneratedLabelAccuracy:P1} → {after.GeneratedLabelAccuracy:P1}; CAS {after.ClassificationAccuracyScore:P1}; " +
            $"P/R {after.Precision:F2}/{after.Recall:F2}");
        trained.SaveGrid(Path.Combine(TestContext.TestRunDirectory ?? Path.GetTempPath(), "cdcgan-test-grid.png"), 10, 10);

        Assert.IsLessThan(before.FrechetDistance / 2, after.FrechetDistance, "training at least halves the domain Fréchet distance");
        Assert.IsGreaterThan(0.5, after.GeneratedLabelAccuracy!.Value, "generated images are recognized as the asked class far above 10%");
    }
}
