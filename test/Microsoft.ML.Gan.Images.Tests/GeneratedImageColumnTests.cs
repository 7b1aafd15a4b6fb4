using Microsoft.ML.Data;
using Microsoft.ML.Gan.Images;
using Microsoft.ML.Transforms.Image;

namespace Microsoft.ML.Gan.Images.Tests;

/// <summary>
/// Image GANs append an <see cref="MLImage"/> column after the generated vector: the same image, live and after
/// <c>mlContext.Model.Save/Load</c>, usable by ImageAnalytics transforms downstream.
/// </summary>
[TestClass]
public sealed class GeneratedImageColumnTests
{
    public TestContext TestContext { get; set; } = null!;

    private string TempPath(string name) => Path.Combine(TestContext.TestRunDirectory ?? Path.GetTempPath(), $"{Guid.NewGuid():N}-{name}");

    private static (MLContext, IDataView, ImageGanTransformer) Fitted(ImageShape shape)
    {
        var mlContext = new MLContext(seed: 2);
        var data = TestImages.Noise(shape, 32, classes: 3).ToDataView(mlContext);
        var options = TestImages.Small<ConditionalGanOptions>(shape, steps: 2);
        return (mlContext, data, mlContext.Gan().Images.ConditionalGan(options).Fit(data));
    }

    [TestMethod]
    [DataRow(1, 28, 28)]
    [DataRow(3, 32, 32)]
    public void ImageColumnHoldsTheGeneratedPixels(int channels, int height, int width)
    {
        var shape = new ImageShape(channels, height, width);
        var (_, data, model) = Fitted(shape);
        using (model)
        {
            var output = model.Transform(data);
            var column = output.Schema[model.ImageColumnName];
            Assert.AreEqual("GeneratedImage", column.Name);
            Assert.AreEqual(output.Schema["Generated"].Index + 1, column.Index, "right after the vector column");
            Assert.AreEqual(new ImageDataViewType(height, width), column.Type);

            var vectors = Rows(output, "Generated");
            var images = output.GetColumn<MLImage>(column.Name).ToList();
            Assert.HasCount(32, images);
            for (int i = 0; i < images.Count; i += 7)
            {
                using var expected = model.ToMLImage(vectors[i]);
                Assert.AreEqual(width, images[i].Width);
                Assert.AreEqual(height, images[i].Height);
                CollectionAssert.AreEqual(expected.Pixels.ToArray(), images[i].Pixels.ToArray(), $"row {i}");
            }
            Assert.IsTrue(images.Select(i => i.Pixels.ToArray()).Distinct(new BytesComparer()).Count() > 1, "rows differ");
        }
    }

    [TestMethod]
    public void ImageColumnSurvivesSaveAndLoadAndFeedsImageAnalytics()
    {
        var (mlContext, data, model) = Fitted(new ImageShape(1, 28, 28));
        using (model)
        {
            string path = TempPath("cgan.zip");
            mlContext.Model.Save(model, data.Schema, path);
            var live = model.Transform(data).GetColumn<MLImage>("GeneratedImage").Select(i => i.Pixels.ToArray()).ToList();

            var loadContext = new MLContext();
            var chain = loadContext.Model.Load(path, out _);
            var loaded = chain.Transform(data);
            Assert.IsInstanceOfType<ImageDataViewType>(loaded.Schema["GeneratedImage"].Type, "an image column of unknown size");
            var reloaded = loaded.GetColumn<MLImage>("GeneratedImage").Select(i => i.Pixels.ToArray()).ToList();
            Assert.HasCount(live.Count, reloaded);
            for (int i = 0; i < live.Count; i++)
                CollectionAssert.AreEqual(live[i], reloaded[i], $"row {i}");

            using var typed = ImageGanTransformer.Load(new MLContext(), path);
            CollectionAssert.AreEqual(live[5], typed.Transform(data).GetColumn<MLImage>("GeneratedImage").ElementAt(5).Pixels.ToArray());

            // ImageAnalytics downstream of the loaded model: resize to 14×14 and extract the pixels.
            var pixels = loadContext.Transforms.ResizeImages("Small", 14, 14, "GeneratedImage")
                .Append(loadContext.Transforms.ExtractPixels("SmallPixels", "Small"))
                .Fit(loaded).Transform(loaded);
            var first = pixels.GetColumn<float[]>("SmallPixels").First();
            Assert.HasCount(3 * 14 * 14, first);
            Assert.IsTrue(first.Distinct().Count() > 1, "the resized image has content");
        }
    }

    [TestMethod]
    public void PredictionEngineAndConditionedModelsHaveTheImageColumn()
    {
        var (mlContext, data, model) = Fitted(new ImageShape(1, 28, 28));
        using (model)
        {
            using var byClass = model.ConditionedOn("Class", Persistence.GanConditionKind.Index);
            var engine = mlContext.Model.CreatePredictionEngine<ClassRow, GeneratedRow>(byClass);
            var prediction = engine.Predict(new ClassRow { Class = 2 });
            Assert.AreEqual(28, prediction.GeneratedImage!.Width);
            using var expected = model.ToMLImage(prediction.Generated);
            CollectionAssert.AreEqual(expected.Pixels.ToArray(), prediction.GeneratedImage.Pixels.ToArray());

            var output = model.Transform(data);
            var error = Assert.ThrowsExactly<InvalidOperationException>(() =>
            {
                using var cursor = output.GetRowCursor(output.Schema);
                cursor.GetGetter<VBuffer<float>>(output.Schema["GeneratedImage"]);
            });
            StringAssert.Contains(error.Message, "MLImage");
        }
    }

    [TestMethod]
    public void TranslationModelsHaveTheImageColumnToo()
    {
        var mlContext = new MLContext(seed: 3);
        var rgb = TranslationTestImages.ColouredShapes(16, 16, seed: 3);
        using var model = mlContext.Gan().Images.Pix2Pix(Pix2PixTests.SmallColorization(2)).Fit(rgb.ToDataView(mlContext, "Rgb"));
        var gray = TranslationTraining.Grayscale(rgb);
        var view = TranslationTestImages.Pairs(mlContext, gray, "Gray", rgb, "Rgb");
        var output = model.Transform(view);
        Assert.AreEqual("ColorizedImage", model.ImageColumnName);
        Assert.AreEqual(new ImageDataViewType(16, 16), output.Schema[model.ImageColumnName].Type);
        var vectors = Rows(output, "Colorized");
        var live = output.GetColumn<MLImage>(model.ImageColumnName).Select(i => i.Pixels.ToArray()).ToList();
        using (var expected = model.ToMLImage(vectors[3]))
            CollectionAssert.AreEqual(expected.Pixels.ToArray(), live[3]);

        string path = TempPath("pix2pix.zip");
        mlContext.Model.Save(model, view.Schema, path);
        var loaded = new MLContext().Model.Load(path, out _).Transform(view);
        var reloaded = loaded.GetColumn<MLImage>(model.ImageColumnName).Select(i => i.Pixels.ToArray()).ToList();
        for (int i = 0; i < live.Count; i++)
            CollectionAssert.AreEqual(live[i], reloaded[i], $"row {i}");
    }

    private static List<float[]> Rows(IDataView view, string column) =>
        view.GetColumn<VBuffer<float>>(column).Select(v => v.DenseValues().ToArray()).ToList();

    private sealed class BytesComparer : IEqualityComparer<byte[]>
    {
        public bool Equals(byte[]? x, byte[]? y) => x!.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj) => obj.Length == 0 ? 0 : HashCode.Combine(obj.Length, obj[obj.Length / 2], obj[^1]);
    }

    private sealed class ClassRow
    {
        public float Class { get; set; }
    }

    private sealed class GeneratedRow
    {
        [VectorType(28 * 28)]
        public float[] Generated { get; set; } = [];

        [ImageType(28, 28)]
        public MLImage? GeneratedImage { get; set; }
    }
}
