using Microsoft.ML.Data;
using Microsoft.ML.Gan.Images;
using Microsoft.ML.Gan.Persistence;

namespace Microsoft.ML.Gan.Images.Tests;

/// <summary>A label column conditions each generated image of a conditional image GAN's transform.</summary>
[TestClass]
public sealed class ImageGanLabelColumnTests
{
    private static readonly ImageShape Shape = new(1, 28, 28);

    private static IDataView WithLabels(MLContext mlContext, params int[] labels)
    {
        var pixels = TestImages.Noise(Shape, labels.Length, classes: 4).Pixels;
        return new ImageSet(Shape, pixels, labels, classCount: 4).ToDataView(mlContext);
    }

    private static float[][] Generated(IDataView view) =>
        view.GetColumn<VBuffer<float>>("Generated").Select(v => v.DenseValues().ToArray()).ToArray();

    [TestMethod]
    public void EachRowIsAnImageOfItsLabelWithNoiseFromItsPosition()
    {
        var mlContext = new MLContext(seed: 2);
        var train = TestImages.Noise(Shape, 64, classes: 4).ToDataView(mlContext);
        using var model = mlContext.Gan().Images.ConditionalGan(TestImages.Small<ConditionalGanOptions>(Shape, steps: 3)).Fit(train);
        using var byLabel = model.ConditionedOn("Label");
        Assert.AreEqual("Label", byLabel.ConditionColumn?.Name);

        var allZero = Generated(byLabel.Transform(WithLabels(mlContext, 0, 0, 0, 0)));
        var allOne = Generated(byLabel.Transform(WithLabels(mlContext, 1, 1, 1, 1)));
        var mixed = Generated(byLabel.Transform(WithLabels(mlContext, 0, 1, 1, 0)));
        for (int p = 0; p < 4; p++)
            CollectionAssert.AreNotEqual(allZero[p], allOne[p], $"row {p}: the label changes the image");
        CollectionAssert.AreEqual(allZero[0], mixed[0]);
        CollectionAssert.AreEqual(allOne[1], mixed[1]);
        CollectionAssert.AreEqual(allOne[2], mixed[2]);
        CollectionAssert.AreEqual(allZero[3], mixed[3]);
        Assert.AreNotEqual(allZero[0][100], allZero[3][100], "positions draw different noise");
    }

    [TestMethod]
    public void KeyAndIndexLabelsAgreeAndSurviveSaveAndLoad()
    {
        var mlContext = new MLContext(seed: 3);
        var train = TestImages.Noise(Shape, 64, classes: 4).ToDataView(mlContext);
        using var model = mlContext.Gan().Images.AcGan(TestImages.Small<AcGanOptions>(Shape, steps: 2)).Fit(train);
        var data = WithLabels(mlContext, 3, 0, 2, 1, 3);
        var withIndex = mlContext.Transforms.CustomMapping<KeyRow, IndexRow>((k, i) => i.LabelIndex = (int)k.Label - 1, null)
            .Fit(data).Transform(data);

        using var byKey = model.ConditionedOn("Label");
        using var byIndex = model.ConditionedOn("LabelIndex", GanConditionKind.Index);
        var expected = Generated(byKey.Transform(data));
        var actual = Generated(byIndex.Transform(withIndex));
        for (int p = 0; p < expected.Length; p++)
            CollectionAssert.AreEqual(expected[p], actual[p], $"row {p}");

        string path = Path.Combine(Path.GetTempPath(), $"imagegan-label-{Guid.NewGuid():N}.zip");
        try
        {
            mlContext.Model.Save(byKey, data.Schema, path);
            var loaded = Generated(new MLContext().Model.Load(path, out _).Transform(data));
            using var typed = ImageGanTransformer.Load(new MLContext(), path);
            var typedRows = Generated(typed.Transform(data));
            for (int p = 0; p < expected.Length; p++)
            {
                CollectionAssert.AreEqual(expected[p], loaded[p], $"loaded row {p}");
                CollectionAssert.AreEqual(expected[p], typedRows[p], $"typed row {p}");
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public void UnconditionalModelsAndBadLabelColumnsGiveClearErrors()
    {
        var mlContext = new MLContext(seed: 4);
        var train = TestImages.Noise(Shape, 32, classes: 4).ToDataView(mlContext);
        using var unconditional = mlContext.Gan().Images.Dcgan(TestImages.Small<ImageGanOptions>(Shape, steps: 1)).Fit(train);
        StringAssert.Contains(Assert.ThrowsExactly<InvalidOperationException>(() => unconditional.ConditionedOn("Label")).Message, "unconditional");

        using var model = mlContext.Gan().Images.ConditionalGan(TestImages.Small<ConditionalGanOptions>(Shape, steps: 1)).Fit(train);
        Assert.ThrowsExactly<ArgumentException>(() => model.ConditionedOn("Label", GanConditionKind.Vector));
        using var byLabel = model.ConditionedOn("Label");
        var fiveClasses = new ImageSet(Shape, TestImages.Noise(Shape, 2, classes: 5).Pixels, [0, 4], classCount: 5).ToDataView(mlContext);
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => byLabel.Transform(fiveClasses)).Message, "key type with 4 values");
    }

    private sealed class KeyRow
    {
        [KeyType(4)]
        public uint Label { get; set; }
    }

    private sealed class IndexRow
    {
        public int LabelIndex { get; set; }
    }
}
