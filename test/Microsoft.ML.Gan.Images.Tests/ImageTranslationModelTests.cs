using Microsoft.ML.Data;
using Microsoft.ML.Gan.Images;

namespace Microsoft.ML.Gan.Images.Tests;

/// <summary>Save/load, the Transform contract and input errors of the image-to-image models.</summary>
[TestClass]
public sealed class ImageTranslationModelTests
{
    public TestContext TestContext { get; set; } = null!;

    private string TempPath(string name) => Path.Combine(TestContext.TestRunDirectory ?? Path.GetTempPath(), $"{Guid.NewGuid():N}-{name}");

    // SchemaShape.Create is internal to ML.NET; pipelines call it for users, a test has to reach it by reflection.
    private static SchemaShape ShapeOf(DataViewSchema schema) => (SchemaShape)typeof(SchemaShape)
        .GetMethod("Create", System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic, new[] { typeof(DataViewSchema) })!
        .Invoke(null, new object[] { schema })!;

    private static (MLContext MLContext, ImageSet Gray, IDataView View, ImageTranslationTransformer Model) FittedColorizer()
    {
        var mlContext = new MLContext(seed: 3);
        var rgb = TranslationTestImages.ColouredShapes(32, 16, seed: 3);
        var model = mlContext.Gan().Images.Pix2Pix(Pix2PixTests.SmallColorization(3)).Fit(rgb.ToDataView(mlContext, "Rgb"));
        var gray = TranslationTraining.Grayscale(rgb);
        return (mlContext, gray, TranslationTestImages.Pairs(mlContext, gray, "Gray", rgb, "Rgb"), model);
    }

    [TestMethod]
    public void SavedPix2PixTranslatesIdenticallyAfterMLNetLoadAndTypedLoad()
    {
        var (mlContext, gray, view, model) = FittedColorizer();
        using (model)
        {
            string path = TempPath("pix2pix.zip");
            mlContext.Model.Save(model, view.Schema, path);
            var live = TranslationTestImages.Column(model.Transform(view), "Colorized");
            CollectionAssert.AreEqual(model.Translate(gray.Pixels), live, "Transform = the batch API");

            var chain = new MLContext().Model.Load(path, out _);
            CollectionAssert.AreEqual(live, TranslationTestImages.Column(chain.Transform(view), "Colorized"));
            using var typed = ImageTranslationTransformer.Load(new MLContext(), path);
            Assert.AreEqual(ImageTranslationKind.Pix2Pix, typed.Kind);
            Assert.AreEqual("Gray", typed.InputColumnName);
            CollectionAssert.AreEqual(live, TranslationTestImages.Column(typed.Transform(view), "Colorized"));
        }
    }

    [TestMethod]
    public void CycleGanInverseSavesAndLoadsBothDirections()
    {
        var mlContext = new MLContext(seed: 3);
        var normal = TestImages.Noise(new ImageShape(1, 16, 16), 16);
        var options = CycleGanTests.Small(2);
        options.Height = options.Width = 16;
        using var model = mlContext.Gan().Images.CycleGan(options).Fit(normal.ToDataView(mlContext, "Normal"),
            TranslationTestImages.Inverted(normal).ToDataView(mlContext, "Inverted"));
        using var inverse = model.Inverse("Inverted", "Restored");
        var view = TranslationTestImages.Pairs(mlContext, normal, "Normal", TranslationTestImages.Inverted(normal), "Inverted");
        string forwardPath = TempPath("forward.zip"), inversePath = TempPath("inverse.zip");
        mlContext.Model.Save(model, view.Schema, forwardPath);
        mlContext.Model.Save(inverse, view.Schema, inversePath);

        using var loadedForward = ImageTranslationTransformer.Load(new MLContext(), forwardPath);
        var loadedInverse = new MLContext().Model.Load(inversePath, out _);
        CollectionAssert.AreEqual(TranslationTestImages.Column(model.Transform(view), "Translated"),
            TranslationTestImages.Column(loadedForward.Transform(view), "Translated"));
        CollectionAssert.AreEqual(TranslationTestImages.Column(inverse.Transform(view), "Restored"),
            TranslationTestImages.Column(loadedInverse.Transform(view), "Restored"));
        using var inverseOfLoaded = loadedForward.Inverse("Inverted", "Restored");
        CollectionAssert.AreEqual(inverse.Translate(normal.Pixels), inverseOfLoaded.Translate(normal.Pixels));
        CollectionAssert.AreNotEqual(model.Translate(normal.Pixels), inverse.Translate(normal.Pixels), "two different generators");
    }

    [TestMethod]
    public void TrainingWritesInputOutputTargetGridsAtEachReport()
    {
        var mlContext = new MLContext(seed: 3);
        var rgb = TranslationTestImages.ColouredShapes(16, 16, seed: 3);
        var options = Pix2PixTests.SmallColorization(3);
        string folder = TempPath("grids");
        options.SampleGridPath = Path.Combine(folder, "step-{step}.png");
        options.ProgressInterval = 1;
        var reports = 0;
        options.Progress = new CountingProgress(() => reports++);
        using var model = mlContext.Gan().Images.Pix2Pix(options).Fit(rgb.ToDataView(mlContext, "Rgb"));
        Assert.AreEqual(3, reports, "the user's receiver still gets every report");
        CollectionAssert.AreEquivalent(new[] { "step-1.png", "step-2.png", "step-3.png" }, Directory.GetFiles(folder).Select(Path.GetFileName).ToArray());
        using var grid = MLImage.CreateFromFile(Path.Combine(folder, "step-3.png"));
        Assert.AreEqual(3 * (16 + ImageGrid.Border) + ImageGrid.Border, grid.Width, "input | output | target");
        Assert.AreEqual(8 * (16 + ImageGrid.Border) + ImageGrid.Border, grid.Height, "the first 8 training pairs");
    }

    private sealed class CountingProgress(Action count) : IProgress<Microsoft.ML.Gan.Training.GanProgress>
    {
        public void Report(Microsoft.ML.Gan.Training.GanProgress value) => count();
    }

    [TestMethod]
    public void CycleGanPairsWorkWithEmaCheckpointsAndResume()
    {
        var mlContext = new MLContext(seed: 3);
        var normal = TestImages.Noise(new ImageShape(1, 16, 16), 16);
        var inverted = TranslationTestImages.Inverted(normal);
        var options = CycleGanTests.Small(2);
        options.Height = options.Width = 16;
        options.GeneratorEmaDecay = 0.9;
        options.CheckpointPath = TempPath("cyclegan.ckpt");
        using var first = mlContext.Gan().Images.CycleGan(options).Fit(normal.ToDataView(mlContext, "Normal"), inverted.ToDataView(mlContext, "Inverted"));
        Assert.IsTrue(File.Exists(options.CheckpointPath), "both generators and both discriminators checkpointed as one module each");
        options.MaxSteps = 4;
        options.ResumeFromCheckpoint = true;
        using var resumed = mlContext.Gan().Images.CycleGan(options).Fit(normal.ToDataView(mlContext, "Normal"), inverted.ToDataView(mlContext, "Inverted"));
        Assert.AreEqual(4, resumed.TrainingSummary!.Steps, "resumed at step 2 and ran to 4");
        CollectionAssert.AreNotEqual(first.Translate(normal.Pixels), resumed.Translate(normal.Pixels));
        using var inverse = resumed.Inverse("Inverted");
        Assert.IsTrue(inverse.Translate(inverted.Pixels).All(float.IsFinite));
    }

    [TestMethod]
    public void ColorizationTrainsOnAnMLImageColumnAsOnItsPixels()
    {
        string folder = Path.Combine(TestContext.TestRunDirectory ?? Path.GetTempPath(), Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var rgb = TranslationTestImages.ColouredShapes(16, 16, seed: 5);
        var files = new List<ImageFile>();
        for (int i = 0; i < rgb.Count; i++)
        {
            using var image = ImageGrid.ToMLImage(rgb.Pixels.AsSpan(i * rgb.Shape.Length, rgb.Shape.Length), rgb.Shape);
            string path = Path.Combine(folder, $"{i}.png");
            image.Save(path);
            files.Add(new ImageFile { Path = path });
        }
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable(files);
        // Not appended to the LoadImages chain: a chain transforms its training data with every step, and the colorizer's
        // Transform needs the grayscale column, which the training data does not have.
        var images = mlContext.Transforms.LoadImages("Rgb", null, nameof(ImageFile.Path)).Fit(data).Transform(data);
        using var fromFiles = mlContext.Gan().Images.Pix2Pix(Pix2PixTests.SmallColorization(3)).Fit(images);
        using var fromPixels = mlContext.Gan().Images.Pix2Pix(Pix2PixTests.SmallColorization(3)).Fit(rgb.ToDataView(mlContext, "Rgb"));
        var gray = TranslationTraining.Grayscale(rgb);
        CollectionAssert.AreEqual(fromPixels.Translate(gray.Pixels), fromFiles.Translate(gray.Pixels), "PNG bytes / 255 are the same pixels");
    }

    private sealed class ImageFile
    {
        public string Path { get; set; } = "";
    }

    [TestMethod]
    public void WrongSizesAndOptionsAreClearErrors()
    {
        var (mlContext, _, _, model) = FittedColorizer();
        using (model)
        {
            var wrong = TestImages.Noise(new ImageShape(1, 8, 8), 4).ToDataView(mlContext, "Gray");
            var transform = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => model.Transform(wrong));
            StringAssert.Contains(transform.Message, "'Gray'");
            StringAssert.Contains(transform.Message, "256");

            var translate = Assert.ThrowsExactly<ArgumentException>(() => model.Translate(TestImages.Noise(new ImageShape(1, 8, 8), 1)));
            StringAssert.Contains(translate.Message, "1×16×16");
            Assert.ThrowsExactly<InvalidOperationException>(() => model.Inverse("Rgb"), "pix2pix has no inverse");
        }

        var smallRgb = TestImages.Noise(new ImageShape(3, 8, 8), 8).ToDataView(mlContext, "Rgb");
        var fit = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => mlContext.Gan().Images.Pix2Pix(Pix2PixTests.SmallColorization(1)).Fit(smallRgb));
        StringAssert.Contains(fit.Message, "'Rgb' (TargetColumnName)");
        StringAssert.Contains(fit.Message, "3×16×16");

        Assert.AreEqual("Scale", Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => mlContext.Gan().Images.SuperResolution(new SuperResolutionOptions { Scale = 3 })).ParamName);
        Assert.AreEqual("Height", Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => mlContext.Gan().Images.CycleGan(new CycleGanOptions { Height = 30, Width = 30 })).ParamName);
        Assert.AreEqual("CropSize", Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => mlContext.Gan().Images.SuperResolution(new SuperResolutionOptions { Scale = 2, CropSize = 7 })).ParamName);
        var pix2pix = mlContext.Gan().Images.Pix2Pix(Pix2PixTests.SmallColorization(1));
        var schema = pix2pix.GetOutputSchema(ShapeOf(smallRgb.Schema));
        Assert.AreEqual(NumberDataViewType.Single, schema.First(c => c.Name == "Colorized").ItemType);
        var noRgb = TestImages.Noise(new ImageShape(3, 16, 16), 2).ToDataView(mlContext, "Other");
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => pix2pix.GetOutputSchema(ShapeOf(noRgb.Schema))).Message,
            "'Rgb' (TargetColumnName) is not in the input");
        Assert.ThrowsExactly<InvalidOperationException>(() => pix2pix.Fit(smallRgb, mlContext.Data.TakeRows(smallRgb, 4)), "only CycleGAN takes two views");
    }
}
