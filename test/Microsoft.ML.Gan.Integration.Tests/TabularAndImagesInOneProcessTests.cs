using System.Text.RegularExpressions;
using Microsoft.ML.Data;
using Microsoft.ML.Gan.Images;
using Microsoft.ML.Gan.Tabular.Evaluation;

namespace Microsoft.ML.Gan.Integration.Tests;

/// <summary>
/// One process draws the tabular report's charts and reads generated images through ML.NET's ImageAnalytics
/// (SkiaSharp 2.88): nothing in the libraries may pull SkiaSharp 3, under which MLImage.Pixels and ExtractPixels
/// fail with MissingMethodException (dotnet/machinelearning#7413).
/// </summary>
[TestClass]
public sealed class TabularAndImagesInOneProcessTests
{
    private sealed class Row
    {
        public float Age { get; set; }
        public float Hours { get; set; }
        public string Colour { get; set; } = "";
        public bool Flag { get; set; }
    }

    private static IDataView Table(MLContext mlContext, int rows, int seed)
    {
        var random = new Random(seed);
        string[] colours = ["red", "green", "blue"];
        return mlContext.Data.LoadFromEnumerable(Enumerable.Range(0, rows).Select(_ =>
        {
            float age = 20 + 40 * (float)random.NextDouble();
            return new Row { Age = age, Hours = age / 2 + 10 * (float)random.NextDouble(), Colour = colours[random.Next(3)], Flag = random.NextDouble() < age / 80 };
        }).ToList());
    }

    [TestMethod]
    public void ReportChartsAndImagePixelsWorkTogether()
    {
        var mlContext = new MLContext(seed: 1);

        var report = mlContext.Gan().Tabular.Evaluate(Table(mlContext, 300, 1), Table(mlContext, 200, 2),
            new TabularEvaluationOptions { LabelColumn = "Flag", NumberOfTrees = 5 });
        string path = Path.Combine(Path.GetTempPath(), $"mlgan-one-process-{Guid.NewGuid():N}.html");
        try
        {
            report.SaveHtml(path);
            Assert.HasCount(6, Regex.Matches(File.ReadAllText(path), "<svg "), "four column charts and two heatmaps");
        }
        finally
        {
            File.Delete(path);
        }

        var shape = new ImageShape(3, 16, 16);
        var random = new Random(3);
        var noise = new ImageSet(shape, [.. Enumerable.Range(0, 32 * shape.Length).Select(_ => (float)random.NextDouble())]);
        using var model = mlContext.Gan().Images.Dcgan(new ImageGanOptions
        {
            Channels = 3, Height = 16, Width = 16, GeneratorFeatures = 8, DiscriminatorFeatures = 8, LatentDimension = 8,
            BatchSize = 16, MaxSteps = 2, Threads = 1, Seed = 3,
        }).Fit(noise.ToDataView(mlContext));
        var generated = model.Transform(noise.ToDataView(mlContext));

        // MLImage.Pixels: the RGBA bytes of row 0 match its float vector (planar, [0, 1]).
        float[] vector = generated.GetColumn<float[]>("Generated").First();
        using MLImage image = generated.GetColumn<MLImage>(model.ImageColumnName).First();
        byte[] rgba = image.Pixels.ToArray();
        Assert.HasCount(16 * 16 * 4, rgba);
        for (int p = 0; p < 16 * 16; p++)
        {
            for (int c = 0; c < 3; c++)
                Assert.AreEqual(vector[c * 256 + p] * 255, rgba[p * 4 + c], 1.0, $"pixel {p}, channel {c}");
        }

        // ExtractPixels on the generated image column gives the same planar values back.
        var extracted = mlContext.Transforms.ExtractPixels("Pixels", model.ImageColumnName, interleavePixelColors: false, scaleImage: 1f / 255)
            .Fit(generated).Transform(generated);
        float[] pixels = extracted.GetColumn<float[]>("Pixels").First();
        Assert.HasCount(shape.Length, pixels);
        for (int i = 0; i < pixels.Length; i++)
            Assert.AreEqual(vector[i], pixels[i], 1.0 / 255 + 1e-6, $"value {i}");

        Assert.AreEqual(2, typeof(SkiaSharp.SKBitmap).Assembly.GetName().Version!.Major, "ImageAnalytics' SkiaSharp 2.88 is the one loaded");
    }
}
