using Microsoft.ML.Data;
using System.Diagnostics;
using Microsoft.ML.Gan.Images;

namespace Microsoft.ML.Gan.Images.Tests;

[TestClass]
public sealed class Pix2PixTests
{
    public TestContext TestContext { get; set; } = null!;

    private string TempPath(string name) => Path.Combine(TestContext.TestRunDirectory ?? Path.GetTempPath(), $"{Guid.NewGuid():N}-{name}");

    internal static Pix2PixOptions SmallColorization(long steps)
    {
        var options = Pix2PixOptions.Colorization("Rgb", "Gray", 16, 16);
        options.GeneratorFeatures = 8;
        options.DiscriminatorFeatures = 8;
        options.BatchSize = 8;
        options.MaxSteps = steps;
        options.GeneratorLearningRate = 2e-3;
        options.Threads = 1;
        options.Seed = 4;
        return options;
    }

    [TestMethod]
    public void ColorizationLearnsTheColourOfEachShape()
    {
        var watch = Stopwatch.StartNew();
        var mlContext = new MLContext(seed: 1);
        var train = TranslationTestImages.ColouredShapes(400, 16, seed: 1);
        var test = TranslationTestImages.ColouredShapes(50, 16, seed: 2);
        using var model = mlContext.Gan().Images.Pix2Pix(SmallColorization(400)).Fit(train.ToDataView(mlContext, "Rgb"));
        Assert.AreEqual(new ImageShape(1, 16, 16), model.InputShape);
        Assert.AreEqual(new ImageShape(3, 16, 16), model.Shape);

        var gray = TranslationTrainingGray(test);
        var colorized = model.Translate(gray);
        double l1 = TranslationTestImages.MeanAbsoluteError(colorized.Pixels, test.Pixels);
        double grayL1 = TranslationTestImages.MeanAbsoluteError(Replicate(gray).Pixels, test.Pixels);
        TestContext.WriteLine($"L1 {l1:F4} (gray copied to RGB: {grayL1:F4}); {watch.Elapsed.TotalSeconds:F1} s");
        Assert.IsLessThan(0.04, l1, "red squares and yellow discs are coloured back almost exactly");
        Assert.IsLessThan(grayL1 / 3, l1, "far better than copying the gray level into R, G and B");

        // Through Transform: the fitted model reads the 1-channel "Gray" column and writes "Colorized".
        var view = TranslationTestImages.Pairs(mlContext, gray, "Gray", test, "Rgb");
        var transformed = TranslationTestImages.Column(model.Transform(view), "Colorized");
        CollectionAssert.AreEqual(model.Translate(gray.Pixels), transformed);
        string grid = TempPath("pairs.png");
        model.SaveGrid(grid, gray.Take(4), test.Take(4));
        using var image = MLImage.CreateFromFile(grid);
        Assert.AreEqual(3 * (16 + ImageGrid.Border) + ImageGrid.Border, image.Width, "input | output | target");
    }

    internal static ImageSet TranslationTrainingGray(ImageSet rgb) => TranslationTraining.Grayscale(rgb);

    private static ImageSet Replicate(ImageSet gray)
    {
        var rgb = new float[gray.Count * 3 * gray.Shape.Height * gray.Shape.Width];
        int plane = gray.Shape.Height * gray.Shape.Width;
        for (int i = 0; i < gray.Count; i++)
        {
            for (int c = 0; c < 3; c++)
                gray.Pixels.AsSpan(i * plane, plane).CopyTo(rgb.AsSpan((i * 3 + c) * plane));
        }
        return new ImageSet(gray.Shape with { Channels = 3 }, rgb);
    }
}
