using Microsoft.ML.Data;
using Microsoft.ML.Gan.Images;

namespace Microsoft.ML.Gan.Images.Tests;

[TestClass]
public sealed class ImageGanPersistenceTests
{
    public TestContext TestContext { get; set; } = null!;

    private string TempPath(string name) => Path.Combine(TestContext.TestRunDirectory ?? Path.GetTempPath(), $"{Guid.NewGuid():N}-{name}");

    private static (MLContext, IDataView, ImageGanTransformer) Fitted()
    {
        var mlContext = new MLContext(seed: 2);
        var shape = new ImageShape(1, 28, 28);
        var data = TestImages.Noise(shape, 64, classes: 4).ToDataView(mlContext);
        var options = TestImages.Small<AcGanOptions>(shape, steps: 3);
        return (mlContext, data, mlContext.Gan().Images.AcGan(options).Fit(data));
    }

    [TestMethod]
    public void SavedModelGeneratesIdenticalImagesAfterMLNetLoadAndTypedLoad()
    {
        var (mlContext, data, model) = Fitted();
        using (model)
        {
            string path = TempPath("acgan.zip");
            mlContext.Model.Save(model, data.Schema, path);

            var chain = new MLContext().Model.Load(path, out _);
            CollectionAssert.AreEqual(Generated(model.Transform(data)), Generated(chain.Transform(data)));

            using var typed = ImageGanTransformer.Load(new MLContext(), path);
            Assert.AreEqual(model.Shape, typed.Shape);
            Assert.AreEqual(4, typed.ClassCount);
            CollectionAssert.AreEqual(model.Generate(300, label: 3, seed: 9), typed.Generate(300, label: 3, seed: 9));
            CollectionAssert.AreEqual(model.Generate(10), typed.Generate(10));
        }
    }

    [TestMethod]
    public void GenerateMatchesTheTransformerStreamAndLabelsChangeImages()
    {
        var (_, data, model) = Fitted();
        using (model)
        {
            var stream = Generated(model.Transform(data));
            CollectionAssert.AreEqual(stream, model.Generate(64));
            CollectionAssert.AreNotEqual(model.Generate(8, label: 0), model.Generate(8, label: 1), "the label conditions the image");
            Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => model.Generate(1, label: 4));
        }
    }

    [TestMethod]
    public void GridAndImagesArePngAndMLImages()
    {
        var (_, _, model) = Fitted();
        using (model)
        {
            string path = TempPath("grid.png");
            model.SaveGrid(path, 4, 5);
            using var grid = MLImage.CreateFromFile(path);
            Assert.AreEqual(5 * (28 + ImageGrid.Border) + ImageGrid.Border, grid.Width);
            Assert.AreEqual(4 * (28 + ImageGrid.Border) + ImageGrid.Border, grid.Height);

            var images = model.GenerateImages(2, label: 1);
            var pixels = model.GenerateSet(2, label: 1).Pixels;
            Assert.AreEqual(28, images[0].Width);
            Assert.AreEqual((byte)Math.Round(pixels[28 * 28 + 5] * 255), images[1].Pixels[5 * 4], "second image, pixel 5, red channel");
            Assert.AreEqual(255, images[1].Pixels[5 * 4 + 3], "opaque");
            foreach (var image in images)
                image.Dispose();
        }
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
