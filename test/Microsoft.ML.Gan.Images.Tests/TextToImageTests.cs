using Microsoft.ML.Gan.FashionData;
using System.Diagnostics;
using Microsoft.ML.Data;
using Microsoft.ML.Gan.Images.Metrics;
using Microsoft.ML.Gan.Images.TextToImage;
using Microsoft.ML.Transforms.Text;

namespace Microsoft.ML.Gan.Images.Tests;

/// <summary>Text-conditioned generation (GAN-INT-CLS): Fashion-MNIST captions, persistence and column errors.</summary>
[TestClass]
public sealed class TextToImageTests
{
    public TestContext TestContext { get; set; } = null!;

    internal static TextToImageOptions Tiny(long steps) => new()
    {
        Height = 8,
        Width = 8,
        LatentDimension = 8,
        ProjectionDimension = 4,
        GeneratorFeatures = 4,
        DiscriminatorFeatures = 4,
        BatchSize = 8,
        MaxSteps = steps,
        Threads = 1,
        Seed = 2,
    };

    private static (MLContext, IDataView, TextToImageTransformer) FittedOnVectors()
    {
        var mlContext = new MLContext(seed: 1);
        var images = TestImages.Noise(new ImageShape(1, 8, 8), 24);
        var vectors = Enumerable.Range(0, 24 * 5).Select(i => (float)Math.Sin(i)).ToArray();
        var data = CaptionedImages.WithVectors(mlContext, images, vectors, 5);
        return (mlContext, data, mlContext.Gan().Images.TextToImage(Tiny(3)).Fit(data));
    }

    [TestMethod]
    public void GeneratedImagesShowTheClassNamedInHeldOutCaptions()
    {
        var watch = Stopwatch.StartNew();
        var train = TestImages.Fashion(FashionMnistSplit.Train, 3000);
        var test = TestImages.Fashion(FashionMnistSplit.Test, 500);
        var mlContext = new MLContext(seed: 1);
        var data = CaptionedImages.WithCaptions(mlContext, train, FashionCaptions.Describe(train, FashionCaptionTemplates.Training, seed: 1));
        var options = new TextToImageOptions
        {
            ProjectionDimension = 32,
            GeneratorFeatures = 16,
            DiscriminatorFeatures = 16,
            LatentDimension = 32,
            BatchSize = 32,
            MaxSteps = 600,
            GeneratorLearningRate = 5e-4,
            DiscriminatorLearningRate = 5e-4,
            Threads = 1,
            Seed = 3,
        };
        var featurize = mlContext.Transforms.Text.FeaturizeText("Features", new TextFeaturizingEstimator.Options
        {
            WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 1 },
            CharFeatureExtractor = null,
            KeepPunctuations = false,
        }, "Caption");
        var pipeline = featurize.Append(mlContext.Gan().Images.TextToImage(options)).Fit(data);
        double trainSeconds = watch.Elapsed.TotalSeconds;

        var heldOut = FashionCaptions.Describe(test, FashionCaptionTemplates.HeldOut, seed: 2);
        var generated = CaptionedImages.Generated(pipeline.Transform(CaptionedImages.Captions(mlContext, heldOut)));
        var set = new ImageSet(FashionMnist.Shape, generated.Select(v => Math.Clamp(v, 0f, 1f)).ToArray(), test.Labels, 10);
        using var classifier = DomainClassifier.Train(train, new DomainClassifierOptions { Epochs = 2, Threads = 1, Seed = 1 });
        double accuracy = classifier.Accuracy(set);
        TestContext.WriteLine($"train {trainSeconds:F1} s, total {watch.Elapsed.TotalSeconds:F1} s; classifier on real {classifier.Accuracy(test):P1}; " +
            $"generated images recognised as the captioned class {accuracy:P1} (first: '{heldOut[0]}')");
        pipeline.LastTransformer.SaveGrid(Path.Combine(TestContext.TestRunDirectory ?? Path.GetTempPath(), "text-to-image-test.png"),
            CaptionedImages.FeaturesOf(mlContext, pipeline, FashionCaptions.ClassWords), columns: 8);

        string path = Path.Combine(TestContext.TestRunDirectory ?? Path.GetTempPath(), $"{Guid.NewGuid():N}-pipeline.zip");
        mlContext.Model.Save(pipeline, data.Schema, path);
        var loaded = new MLContext().Model.Load(path, out _);
        var someCaptions = CaptionedImages.Captions(mlContext, heldOut.Take(20));
        CollectionAssert.AreEqual(CaptionedImages.Generated(pipeline.Transform(someCaptions)), CaptionedImages.Generated(loaded.Transform(someCaptions)),
            "the saved FeaturizeText → TextToImage pipeline generates the same images");

        // Deterministic (seeded, one thread): 50.6 % when written; chance is 10 %.
        Assert.IsGreaterThan(0.4, accuracy, "the class named in unseen captions is recognised far above chance (10%)");
    }

    [TestMethod]
    public void TransformMatchesGenerateAndSurvivesSaveAndLoad()
    {
        var (mlContext, data, model) = FittedOnVectors();
        using (model)
        {
            var vectors = CaptionedImages.Floats(data, "Features");
            var live = CaptionedImages.Generated(model.Transform(data));
            CollectionAssert.AreEqual(model.Generate(vectors), live, "row p of Transform is image p of Generate");
            CollectionAssert.AreNotEqual(model.Generate(vectors[..5]), model.Generate(vectors[5..10]), "the text vector conditions the image");

            string path = Path.Combine(TestContext.TestRunDirectory ?? Path.GetTempPath(), $"{Guid.NewGuid():N}-text.zip");
            mlContext.Model.Save(model, data.Schema, path);
            var chain = new MLContext().Model.Load(path, out _);
            CollectionAssert.AreEqual(live, CaptionedImages.Generated(chain.Transform(data)));
            using var typed = TextToImageTransformer.Load(new MLContext(), path);
            Assert.AreEqual(5, typed.ConditionLength);
            Assert.AreEqual("Features", typed.ConditionColumn!.Name);
            CollectionAssert.AreEqual(model.Generate(vectors, seed: 4), typed.Generate(vectors, seed: 4));
        }
    }

    [TestMethod]
    public void MissingOrWrongConditionColumnsFailClearly()
    {
        var (mlContext, data, model) = FittedOnVectors();
        using (model)
        {
            var images = TestImages.Noise(new ImageShape(1, 8, 8), 24);
            var noText = images.ToDataView(mlContext);
            var missing = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => mlContext.Gan().Images.TextToImage(Tiny(1)).Fit(noText));
            StringAssert.Contains(missing.Message, "'Features' (ConditionColumnName)");

            var captions = CaptionedImages.WithCaptions(mlContext, images, Enumerable.Repeat("a bag", 24).ToArray());
            var textColumn = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() =>
                mlContext.Gan().Images.TextToImage(new TextToImageOptions { Height = 8, Width = 8, ConditionColumnName = "Caption" }).Fit(captions));
            StringAssert.Contains(textColumn.Message, "expected a known-size vector of Single");

            var wrongLength = CaptionedImages.WithVectors(mlContext, images, new float[24 * 3], 3);
            var transformError = Assert.Throws<Exception>(() => CaptionedImages.Generated(model.Transform(wrongLength)));
            StringAssert.Contains(transformError.Message, "Features");
            Assert.Throws<Exception>(() => CaptionedImages.Generated(model.Transform(noText)));
            Assert.ThrowsExactly<ArgumentException>(() => model.Generate(new float[7]));
        }
    }
}
