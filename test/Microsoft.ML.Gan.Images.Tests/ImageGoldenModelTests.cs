using Microsoft.ML.Gan.Images.StyleGan;
using Microsoft.ML.Gan.Images.TextToImage;
using Microsoft.ML.Gan.Testing;

namespace Microsoft.ML.Gan.Images.Tests;

/// <summary>
/// Golden models of every image family (see <see cref="GoldenModels"/>): each committed file, saved by an earlier
/// build, must load with today's code and give the output recorded when it was saved.
/// </summary>
[TestClass]
public sealed class ImageGoldenModelTests
{
    /// <summary>
    /// The body version today's code writes: every image family shares one body codec (<c>ImageFamily</c>), so one
    /// number names the files of all of them; a codec that moves alone needs its own number here.
    /// </summary>
    private const int CurrentVersion = ImageFamily.FormatVersion;

    /// <summary>The body versions whose golden files must be present: the unversioned layout and today's.</summary>
    private static readonly int[] Versions = [Persistence.VersionedBody.Unversioned, CurrentVersion];

    private static readonly ImageShape Gray8 = new(1, 8, 8);

    /// <summary>A family: how to fit a tiny model, how to load one from a file, and the output that is recorded.</summary>
    private sealed record GoldenFamily(string Name, Func<MLContext, ITransformer> Fit, Func<MLContext, string, ITransformer> Load,
        Func<ITransformer, float[]> Output);

    private static readonly GoldenFamily[] Families =
    [
        Labelled("dcgan", ml => ml.Gan().Images.Dcgan(TestImages.Small<ImageGanOptions>(Gray8)), conditioned: false),
        Labelled("dcgan-conditional", ml => ml.Gan().Images.ConditionalGan(TestImages.Small<ConditionalGanOptions>(Gray8)), conditioned: true),
        Labelled("dcgan-acgan", ml => ml.Gan().Images.AcGan(TestImages.Small<AcGanOptions>(Gray8)), conditioned: true),
        Labelled("dcgan-projection", ml => ml.Gan().Images.ImageGan(Projection()), conditioned: true),
        Labelled("wgan-gp", ml => ml.Gan().Images.WganGp(TestImages.Small<ImageWganGpOptions>(Gray8)), conditioned: false),
        Labelled("mlp", ml => ml.Gan().Images.VanillaGan(Mlp(ImageConditioning.None)), conditioned: false),
        Labelled("mlp-conditional", ml => ml.Gan().Images.VanillaGan(Mlp(ImageConditioning.Concat)), conditioned: true),
        new("stylegan",
            ml => ml.Gan().Images.StyleGan(StyleGanGenerationTests.Tiny(Gray8, 2)).Fit(TestImages.Noise(Gray8, 16).ToDataView(ml)),
            StyleGanTransformer.Load,
            model => [.. ((StyleGanTransformer)model).Generate(2, seed: 11), .. ((StyleGanTransformer)model).GenerateTruncated(2, 0.5, seed: 11)]),
        new("text-to-image",
            ml => ml.Gan().Images.TextToImage(TextToImageTests.Tiny(2)).Fit(
                CaptionedImages.WithVectors(ml, TestImages.Noise(Gray8, 16), Enumerable.Range(0, 16 * 5).Select(i => (float)Math.Sin(i)).ToArray(), 5)),
            TextToImageTransformer.Load,
            model => ((TextToImageTransformer)model).Generate(Enumerable.Range(0, 2 * 5).Select(i => (float)Math.Cos(i)).ToArray(), seed: 11)),
        Translation("pix2pix", ml =>
        {
            var options = Pix2PixTests.SmallColorization(2);
            options.GeneratorFeatures = options.DiscriminatorFeatures = 4;
            return ml.Gan().Images.Pix2Pix(options).Fit(TestImages.Noise(new ImageShape(3, 16, 16), 8).ToDataView(ml, "Rgb"));
        }, new ImageShape(1, 16, 16)),
        Translation("srgan", ml => ml.Gan().Images.SuperResolution(new SuperResolutionOptions
        {
            Scale = 2, Height = 16, Width = 16, ResidualBlocks = 1, GeneratorFeatures = 8, DiscriminatorFeatures = 4, BatchSize = 4,
            PretrainingSteps = 1, MaxSteps = 1, Threads = 1, Seed = 5,
        }).Fit(TestImages.Noise(new ImageShape(1, 16, 16), 8).ToDataView(ml)), new ImageShape(1, 8, 8)),
        new("cyclegan", ml =>
        {
            var options = CycleGanTests.Small(2);
            options.Height = options.Width = 16;
            options.GeneratorFeatures = options.DiscriminatorFeatures = 4;
            options.ResidualBlocks = 1;
            var shape = new ImageShape(1, 16, 16);
            return ml.Gan().Images.CycleGan(options).Fit(TestImages.Noise(shape, 8).ToDataView(ml, "Normal"),
                TranslationTestImages.Inverted(TestImages.Noise(shape, 8, seed: 2)).ToDataView(ml, "Inverted"));
        }, ImageTranslationTransformer.Load, model =>
        {
            var forward = (ImageTranslationTransformer)model;
            using var inverse = forward.Inverse("Inverted", "Restored");
            float[] inputs = Inputs(new ImageShape(1, 16, 16));
            return [.. forward.Translate(inputs), .. inverse.Translate(inputs)];
        }),
    ];

    public static IEnumerable<object[]> FamilyNames => Families.Select(f => new object[] { f.Name });

    [TestMethod]
    [DynamicData(nameof(FamilyNames))]
    public void GoldenModelLoadsAndGivesItsRecordedOutput(string name)
    {
        var family = Families.Single(f => f.Name == name);
        foreach (string path in GoldenModels.Committed(name, Versions))
        {
            using var model = (IDisposable)family.Load(new MLContext(seed: 1), path);
            GoldenModels.AssertMatches(path, family.Output((ITransformer)model));
        }
    }

    /// <summary>Regenerates the golden files of today's body version (only with MLGAN_WRITE_GOLDEN=1).</summary>
    [TestMethod]
    [TestCategory(GoldenModels.WriterCategory)]
    public void WriteGoldenModels()
    {
        GoldenModels.RequireWriting();
        string folder = GoldenModels.SourceFolder();
        foreach (var family in Families)
        {
            var mlContext = new MLContext(seed: 1);
            string path = GoldenModels.ModelPath(folder, family.Name, CurrentVersion);
            var model = family.Fit(mlContext);
            using (model as IDisposable)
            {
                mlContext.Model.Save(model, null, path);
                float[] output = family.Output(model);
                GoldenModels.WriteOutput(path, output);
                using var loaded = (IDisposable)family.Load(new MLContext(), path);
                CollectionAssert.AreEqual(output, family.Output((ITransformer)loaded), $"{family.Name}: the saved model reproduces its output");
            }
        }
    }

    private static GoldenFamily Labelled(string name, Func<MLContext, IEstimator<ImageGanTransformer>> estimator, bool conditioned) => new(
        name,
        ml => estimator(ml).Fit(TestImages.Noise(Gray8, 16, classes: 3).ToDataView(ml)),
        ImageGanTransformer.Load,
        model =>
        {
            var images = (ImageGanTransformer)model;
            return conditioned ? [.. images.Generate(2, label: 0, seed: 11), .. images.Generate(2, label: 2, seed: 11)] : images.Generate(3, seed: 11);
        });

    private static GoldenFamily Translation(string name, Func<MLContext, ImageTranslationTransformer> fit, ImageShape input) => new(
        name, fit, ImageTranslationTransformer.Load, model => ((ImageTranslationTransformer)model).Translate(Inputs(input)));

    /// <summary>Two fixed input images (a smooth pattern in [0, 1]).</summary>
    private static float[] Inputs(ImageShape shape) =>
        Enumerable.Range(0, 2 * shape.Length).Select(i => (float)(0.5 + 0.5 * Math.Sin(0.37 * i))).ToArray();

    private static ImageGanOptions Projection()
    {
        var options = TestImages.Small<ImageGanOptions>(Gray8);
        options.Conditioning = ImageConditioning.Projection;
        options.LabelColumnName = "Label";
        return options;
    }

    private static ImageVanillaGanOptions Mlp(ImageConditioning conditioning)
    {
        var options = TestImages.Small<ImageVanillaGanOptions>(Gray8);
        options.GeneratorLayers = [16];
        options.DiscriminatorLayers = [16];
        options.Conditioning = conditioning;
        if (conditioning != ImageConditioning.None)
            options.LabelColumnName = "Label";
        return options;
    }
}
