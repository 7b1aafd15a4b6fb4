using Microsoft.ML.Gan.FashionData;
using Microsoft.ML.Data;
using Microsoft.ML.Gan.Images;
using Microsoft.ML.Gan.Images.Metrics;

namespace Microsoft.ML.Gan.Images.Tests;

/// <summary>The vanilla (MLP) image GAN: any size, learns Fashion-MNIST, conditional by concatenation, saves and loads.</summary>
[TestClass]
public sealed class VanillaGanTests
{
    public TestContext TestContext { get; set; } = null!;

    private static ImageVanillaGanOptions Small(ImageShape shape, long steps) => new()
    {
        Channels = shape.Channels, Height = shape.Height, Width = shape.Width, LatentDimension = 16,
        GeneratorLayers = [32, 64], DiscriminatorLayers = [64, 32], BatchSize = 16, MaxSteps = steps, Threads = 1, Seed = 3,
    };

    [TestMethod]
    public void AnyImageSizeTrainsAndGeneratesThatShape()
    {
        var mlContext = new MLContext(seed: 1);
        foreach (var shape in new[] { new ImageShape(1, 15, 9), new ImageShape(3, 7, 7), new ImageShape(1, 28, 28) })
        {
            var data = TestImages.Noise(shape, 32).ToDataView(mlContext);
            using var model = mlContext.Gan().Images.VanillaGan(Small(shape, 2)).Fit(data);
            Assert.AreEqual(shape, model.Shape);
            var images = model.Generate(5);
            Assert.HasCount(5 * shape.Length, images);
            Assert.IsTrue(images.All(v => v is >= 0 and <= 1), $"{shape}: pixels in [PixelMin, PixelMax]");
        }
    }

    [TestMethod]
    public void ConditionalMlpSavesAndLoadsIdenticalImages()
    {
        var mlContext = new MLContext(seed: 2);
        var shape = new ImageShape(1, 12, 12);
        var data = TestImages.Noise(shape, 48, classes: 3).ToDataView(mlContext);
        var options = Small(shape, 3);
        options.Conditioning = ImageConditioning.Concat;
        options.LabelColumnName = "Label";
        using var model = mlContext.Gan().Images.VanillaGan(options).Fit(data);
        Assert.AreEqual(3, model.ClassCount);
        CollectionAssert.AreNotEqual(model.Generate(4, label: 0), model.Generate(4, label: 2));

        string path = Path.Combine(Path.GetTempPath(), $"vanilla-{Guid.NewGuid():N}.zip");
        try
        {
            mlContext.Model.Save(model, data.Schema, path);
            var live = model.Transform(data).GetColumn<VBuffer<float>>("Generated").SelectMany(v => v.DenseValues()).ToArray();
            var loaded = new MLContext().Model.Load(path, out _).Transform(data).GetColumn<VBuffer<float>>("Generated").SelectMany(v => v.DenseValues()).ToArray();
            CollectionAssert.AreEqual(live, loaded);
            using var typed = ImageGanTransformer.Load(new MLContext(), path);
            CollectionAssert.AreEqual(model.Generate(10, label: 1, seed: 4), typed.Generate(10, label: 1, seed: 4));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public void UnsupportedConditioningAndLayersAreRejected()
    {
        var mlContext = new MLContext(seed: 3);
        var shape = new ImageShape(1, 12, 12);
        var options = Small(shape, 1);
        options.Conditioning = ImageConditioning.AuxiliaryClassifier;
        options.LabelColumnName = "Label";
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => mlContext.Gan().Images.VanillaGan(options)).Message, "Conditioning");
        var empty = Small(shape, 1);
        empty.GeneratorLayers = [];
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => mlContext.Gan().Images.VanillaGan(empty)).Message, "GeneratorLayers");
        // The same odd size is rejected by the convolutional architecture, with the reason.
        var dcgan = TestImages.Small<ImageGanOptions>(new ImageShape(1, 15, 9));
        Assert.Throws<ArgumentException>(() => mlContext.Gan().Images.Dcgan(dcgan));
    }

    [TestMethod]
    public void VanillaGanLearnsFashion()
    {
        var train = TestImages.Fashion(FashionMnistSplit.Train, 2000);
        var test = TestImages.Fashion(FashionMnistSplit.Test, 1000);
        var mlContext = new MLContext(seed: 1);
        var data = train.ToDataView(mlContext);
        ImageVanillaGanOptions Options(long steps) => new() { LatentDimension = 64, BatchSize = 64, MaxSteps = steps, Threads = 1, Seed = 5 };
        using var untrained = mlContext.Gan().Images.VanillaGan(Options(1)).Fit(data);
        using var trained = mlContext.Gan().Images.VanillaGan(Options(600)).Fit(data);
        using var evaluator = new ImageGanEvaluator(train, test, new DomainClassifierOptions { Epochs = 2, Threads = 1, Seed = 1 });
        var before = evaluator.Evaluate(untrained, 1000);
        var after = evaluator.Evaluate(trained, 1000);
        TestContext.WriteLine($"FD {before.FrechetDistance:F2} → {after.FrechetDistance:F2}; P/R {after.Precision:F2}/{after.Recall:F2}");
        Assert.IsLessThan(before.FrechetDistance / 2, after.FrechetDistance, "training at least halves the domain Fréchet distance");
    }
}
