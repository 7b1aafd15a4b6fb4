using Microsoft.ML.Data;
using Microsoft.ML.Gan.Images.StyleGan;

namespace Microsoft.ML.Gan.Images.Tests;

/// <summary>StyleGAN's generation controls and persistence on a tiny model trained for a few steps.</summary>
[TestClass]
public sealed class StyleGanGenerationTests
{
    public TestContext TestContext { get; set; } = null!;

    internal static StyleGanOptions Tiny(ImageShape shape, long steps) => new()
    {
        Channels = shape.Channels,
        Height = shape.Height,
        Width = shape.Width,
        LatentDimension = 16,
        StyleDimension = 16,
        MappingLayers = 2,
        ChannelBase = 128,
        MaxChannels = 16,
        BatchSize = 8,
        MaxSteps = steps,
        PenaltyInterval = 2,
        Threads = 1,
        Seed = 4,
    };

    private static (MLContext, IDataView, StyleGanTransformer) Fitted(ImageShape shape, long steps = 3, string? gridPath = null)
    {
        var mlContext = new MLContext(seed: 1);
        var data = TestImages.Noise(shape, 32).ToDataView(mlContext);
        var options = Tiny(shape, steps);
        options.SampleGridPath = gridPath;
        return (mlContext, data, mlContext.Gan().Images.StyleGan(options).Fit(data));
    }

    [TestMethod]
    public void TruncationZeroGivesTheAverageImageForEverySeed()
    {
        var (_, _, model) = Fitted(new ImageShape(1, 28, 28));
        using (model)
        {
            Assert.AreEqual(32, model.Resolution);
            Assert.AreEqual(8, model.StyleLayerCount);
            int length = model.Shape.Length;
            foreach (var noise in new[] { NoiseMode.Const, NoiseMode.None })
            {
                var images = model.GenerateTruncated(5, truncation: 0, noise, seed: 7);
                var other = model.GenerateTruncated(1, truncation: 0, noise, seed: 123);
                for (int i = 1; i < 5; i++)
                    CollectionAssert.AreEqual(images[..length], images[(i * length)..((i + 1) * length)], $"{noise}: image {i} at ψ = 0");
                CollectionAssert.AreEqual(images[..length], other, $"{noise}: another seed at ψ = 0");
            }
            var free = model.GenerateTruncated(2, truncation: 1, NoiseMode.Const, seed: 7);
            CollectionAssert.AreNotEqual(free[..length], free[length..], "without truncation seeds differ");
            var nearAverage = model.GenerateTruncated(2, truncation: 0.01, NoiseMode.Const, seed: 7);
            double Spread(float[] pair) => pair[..length].Zip(pair[length..], (a, b) => Math.Abs(a - b)).Average();
            Assert.IsLessThan(Spread(free) / 10, Spread(nearAverage), "ψ = 0.01 pulls images close to the average image");
            CollectionAssert.AreEqual(model.Generate(3, seed: 5), model.GenerateTruncated(3, 1, seed: 5), "ψ = 1 with the model's noise is the stream");
        }
    }

    [TestMethod]
    public void StyleMixingAtALateLayerChangesTheImageLessThanAtAnEarlyOne()
    {
        string trainingGrid = Path.Combine(TestContext.TestRunDirectory ?? Path.GetTempPath(), $"{Guid.NewGuid():N}-step{{step}}.png");
        var (_, _, model) = Fitted(new ImageShape(1, 16, 16), gridPath: trainingGrid);
        using (model)
        {
            Assert.IsTrue(File.Exists(trainingGrid.Replace("{step}", "3", StringComparison.Ordinal)), "SampleGridPath writes a grid during training");
            int layers = model.StyleLayerCount;
            long[] coarse = [1, 2, 3, 4, 5, 6], fine = [11, 12, 13, 14, 15, 16];
            var own = model.GenerateMixed(coarse, fine, layers, noise: NoiseMode.Const);
            double Change(int crossover) =>
                model.GenerateMixed(coarse, fine, crossover, noise: NoiseMode.Const).Zip(own, (a, b) => Math.Abs(a - b)).Average();
            double early = Change(1), late = Change(layers - 1), none = Change(layers);
            TestContext.WriteLine($"mean |Δ| from the coarse seed's image: crossover 1 {early:F4}, crossover {layers - 1} {late:F4}");
            Assert.AreEqual(0, none, "crossover at the end keeps the coarse seed's image");
            Assert.IsGreaterThan(0, late, "the last layer's style still changes the image");
            Assert.IsLessThan(early / 2, late, "fine styles change the image far less than coarse ones");
            CollectionAssert.AreEqual(model.GenerateMixed(coarse, fine, 3, noise: NoiseMode.Const), model.GenerateMixed(coarse, fine, 3, noise: NoiseMode.Const),
                "mixing is deterministic");

            string path = Path.Combine(TestContext.TestRunDirectory ?? Path.GetTempPath(), $"{Guid.NewGuid():N}-mixing.png");
            model.SaveMixingGrid(path, [1, 2, 3], [11, 12], crossoverLayer: 2);
            using var grid = MLImage.CreateFromFile(path);
            Assert.AreEqual(3 * (16 + ImageGrid.Border) + ImageGrid.Border, grid.Width);
            Assert.AreEqual(4 * (16 + ImageGrid.Border) + ImageGrid.Border, grid.Height);
            Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => model.GenerateMixed(coarse, fine, layers + 1));
            Assert.ThrowsExactly<ArgumentException>(() => model.GenerateMixed(coarse, [1], 2));
        }
    }

    [TestMethod]
    public void SavedStyleGanGeneratesIdenticalImagesAfterMLNetLoadAndTypedLoad()
    {
        var (mlContext, data, model) = Fitted(new ImageShape(3, 8, 8));
        using (model)
        {
            string path = Path.Combine(TestContext.TestRunDirectory ?? Path.GetTempPath(), $"{Guid.NewGuid():N}-stylegan.zip");
            mlContext.Model.Save(model, data.Schema, path);

            var chain = new MLContext().Model.Load(path, out _);
            CollectionAssert.AreEqual(Generated(model.Transform(data)), Generated(chain.Transform(data)));
            CollectionAssert.AreEqual(model.Generate(32), Generated(model.Transform(data)), "Generate is the transformer's stream");

            using var typed = StyleGanTransformer.Load(new MLContext(), path);
            Assert.AreEqual(model.Shape, typed.Shape);
            CollectionAssert.AreEqual(model.Generate(300, seed: 9), typed.Generate(300, seed: 9));
            CollectionAssert.AreEqual(model.GenerateTruncated(4, 0.7, NoiseMode.Const), typed.GenerateTruncated(4, 0.7, NoiseMode.Const));
            CollectionAssert.AreEqual(model.GenerateMixed([1, 2], [3, 4], 2), typed.GenerateMixed([1, 2], [3, 4], 2));
            using var untyped = ImageGanTransformerBase.Load(new MLContext(), path);
            Assert.IsInstanceOfType<StyleGanTransformer>(untyped);
            var refused = Assert.ThrowsExactly<InvalidDataException>(() => ImageGanTransformer.Load(new MLContext(), path));
            StringAssert.Contains(refused.Message, "not a DCGAN-like image GAN");
        }
    }

    [TestMethod]
    public void ColourAndLargerImagesWork()
    {
        var (_, _, model) = Fitted(new ImageShape(3, 64, 64), steps: 1);
        using (model)
        {
            Assert.AreEqual(64, model.Resolution);
            Assert.AreEqual(10, model.StyleLayerCount);
            var images = model.Generate(2, seed: 1);
            Assert.AreEqual(2 * 3 * 64 * 64, images.Length);
            Assert.IsTrue(images.All(v => v is >= 0 and <= 1), "values in [PixelMin, PixelMax]");
        }
    }

    [TestMethod]
    public void OptionsAndColumnsAreChecked()
    {
        var mlContext = new MLContext(seed: 1);
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => mlContext.Gan().Images.StyleGan(new StyleGanOptions { Height = 300, Width = 300 }));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => mlContext.Gan().Images.StyleGan(new StyleGanOptions { StyleMixingProbability = 1.5 }));
        var data = TestImages.Noise(new ImageShape(1, 8, 8), 16).ToDataView(mlContext);
        var wrongSize = Tiny(new ImageShape(1, 16, 16), 1);
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => mlContext.Gan().Images.StyleGan(wrongSize).Fit(data));
        StringAssert.Contains(error.Message, "ImageColumnName");
    }

    private static float[] Generated(IDataView view)
    {
        var values = new List<float>();
        using var cursor = view.GetRowCursor(new[] { view.Schema["Generated"] });
        var getter = cursor.GetGetter<VBuffer<float>>(view.Schema["Generated"]);
        VBuffer<float> buffer = default;
        while (cursor.MoveNext())
        {
            getter(ref buffer);
            values.AddRange(buffer.DenseValues());
        }
        return values.ToArray();
    }
}
