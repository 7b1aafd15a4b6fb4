using Microsoft.ML.Data;
using Microsoft.ML.Gan.Images;

namespace Microsoft.ML.Gan.Images.Tests;

[TestClass]
public sealed class ImageGanShapeTests
{
    public static IEnumerable<object[]> Shapes =>
    [
        [1, 28, 28], [3, 28, 28], [1, 32, 32], [3, 32, 32], [1, 64, 64], [3, 64, 64], [1, 48, 80], [3, 8, 8],
    ];

    [TestMethod]
    [DynamicData(nameof(Shapes))]
    public void FittedGeneratorMakesImagesOfTheDeclaredShape(int channels, int height, int width)
    {
        var shape = new ImageShape(channels, height, width);
        var mlContext = new MLContext(seed: 1);
        var data = TestImages.Noise(shape, 32).ToDataView(mlContext);
        using var model = mlContext.Gan().Images.Dcgan(TestImages.Small<ImageGanOptions>(shape)).Fit(data);

        Assert.AreEqual(shape, model.Shape);
        var column = model.Transform(data).Schema["Generated"];
        Assert.AreEqual(new VectorDataViewType(NumberDataViewType.Single, shape.Length), column.Type);
        var images = model.Generate(5);
        Assert.HasCount(5 * shape.Length, images);
        Assert.IsTrue(images.All(v => v is >= 0 and <= 1), "pixels come back in [PixelMin, PixelMax] = [0, 1]");
    }

    [TestMethod]
    [DataRow(ImageConditioning.Concat)]
    [DataRow(ImageConditioning.AuxiliaryClassifier)]
    [DataRow(ImageConditioning.Projection)]
    public void ConditionalVariantsTrainOnRgbImages(ImageConditioning conditioning)
    {
        var shape = new ImageShape(3, 32, 32);
        var mlContext = new MLContext(seed: 1);
        var data = TestImages.Noise(shape, 32, classes: 3).ToDataView(mlContext);
        var options = TestImages.Small<ImageGanOptions>(shape);
        options.Conditioning = conditioning;
        options.LabelColumnName = "Label";
        using var model = mlContext.Gan().Images.Dcgan(options).Fit(data);

        Assert.AreEqual(3, model.ClassCount);
        Assert.AreEqual(conditioning, model.Conditioning);
        var set = model.GenerateSet(4, label: 2);
        CollectionAssert.AreEqual(new[] { 2, 2, 2, 2 }, set.Labels);
        Assert.AreEqual(2, model.Summary().Steps);
    }

    [TestMethod]
    public void WganAndWganGpTrainWithTheirCritics()
    {
        var shape = new ImageShape(1, 28, 28);
        var mlContext = new MLContext(seed: 1);
        var data = TestImages.Noise(shape, 32).ToDataView(mlContext);
        using var wgan = mlContext.Gan().Images.Wgan(TestImages.Small<ImageWganOptions>(shape)).Fit(data);
        using var gp = mlContext.Gan().Images.WganGp(TestImages.Small<ImageWganGpOptions>(shape)).Fit(data);
        var sn = TestImages.Small<ImageWganGpOptions>(shape);
        sn.DiscriminatorNormalization = DiscriminatorNormalization.None;
        sn.SpectralNorm = true;
        using var spectral = mlContext.Gan().Images.WganGp(sn).Fit(data);
        foreach (var model in new[] { wgan, gp, spectral })
        {
            Assert.AreEqual(0, model.TrainingSummary!.SkippedSteps);
            Assert.IsTrue(model.Generate(2).All(float.IsFinite));
        }
    }
}

internal static class SummaryExtensions
{
    public static Microsoft.ML.Gan.Training.TrainingSummary Summary(this ImageGanTransformer model) => model.TrainingSummary!;
}
