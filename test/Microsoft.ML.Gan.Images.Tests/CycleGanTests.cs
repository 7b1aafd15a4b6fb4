using Microsoft.ML.Gan.FashionData;
using System.Diagnostics;
using Microsoft.ML.Gan.Images;
using Microsoft.ML.Gan.Images.Metrics;

namespace Microsoft.ML.Gan.Images.Tests;

[TestClass]
public sealed class CycleGanTests
{
    public TestContext TestContext { get; set; } = null!;

    internal static CycleGanOptions Small(long steps) => new()
    {
        InputColumnName = "Normal",
        TargetColumnName = "Inverted",
        OutputColumnName = "Translated",
        GeneratorFeatures = 8,
        DiscriminatorFeatures = 8,
        ResidualBlocks = 2,
        BatchSize = 4,
        MaxSteps = steps,
        GeneratorLearningRate = 2e-3,
        DiscriminatorLearningRate = 2e-3,
        // The identity loss asks G to leave inverted images alone, which fights a global inversion; the paper uses it
        // for colour preservation in photo ↔ painting tasks.
        IdentityWeight = 0,
        Threads = 1,
        Seed = 6,
    };

    [TestMethod]
    public void UnpairedNormalToInvertedFashionMnist()
    {
        var watch = Stopwatch.StartNew();
        var mlContext = new MLContext(seed: 1);
        var images = TestImages.Fashion(FashionMnistSplit.Train, 1200);
        var normal = new ImageSet(images.Shape, images.Pixels.AsSpan(0, 600 * 784).ToArray());
        var inverted = TranslationTestImages.Inverted(new ImageSet(images.Shape, images.Pixels.AsSpan(600 * 784).ToArray()));
        var estimator = mlContext.Gan().Images.CycleGan(Small(150));
        using var model = estimator.Fit(normal.ToDataView(mlContext, "Normal"), inverted.ToDataView(mlContext, "Inverted"));
        using var inverse = model.Inverse("Inverted", "Restored");

        var test = TestImages.Fashion(FashionMnistSplit.Test, 200);
        var translated = model.Translate(test);
        var reconstructed = inverse.Translate(translated);
        using var domains = DomainClassifier.Train(Labelled(normal.Take(300), inverted.Take(300)),
            new DomainClassifierOptions { Epochs = 1, Threads = 1, Seed = 1 });
        double saysInverted = domains.Predict(new ImageSet(translated.Shape, translated.Pixels)).Average();
        double cycle = TranslationTestImages.MeanAbsoluteError(reconstructed.Pixels, test.Pixels);
        double toTarget = TranslationTestImages.MeanAbsoluteError(translated.Pixels, TranslationTestImages.Inverted(test).Pixels);
        TestContext.WriteLine($"classified inverted {saysInverted:P0}; cycle L1 {cycle:F4}; L1 to the true inversion {toTarget:F4}; {watch.Elapsed.TotalSeconds:F1} s");
        Assert.IsGreaterThan(0.9, saysInverted, "a normal/inverted classifier calls most translations inverted");
        Assert.IsLessThan(0.15, cycle, "F(G(a)) comes back close to a");
        Assert.IsLessThan(0.15, toTarget, "without pairs, G found the inversion itself (leaving images unchanged scores about 0.5)");
    }

    private static ImageSet Labelled(ImageSet domainA, ImageSet domainB) =>
        new(domainA.Shape, domainA.Pixels.Concat(domainB.Pixels).ToArray(),
            Enumerable.Repeat(0, domainA.Count).Concat(Enumerable.Repeat(1, domainB.Count)).ToArray(), 2);
}
