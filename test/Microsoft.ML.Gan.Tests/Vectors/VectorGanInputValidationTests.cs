using Microsoft.ML.Gan.Vectors;

namespace Microsoft.ML.Gan.Tests.Vectors;

[TestClass]
public sealed class VectorGanInputValidationTests
{
    private sealed class ScalarRow
    {
        public float Features { get; set; }
    }

    // SchemaShape.Create is internal to ML.NET; pipelines call it for users, a test has to reach it by reflection.
    private static SchemaShape ShapeOf(DataViewSchema schema) => (SchemaShape)typeof(SchemaShape)
        .GetMethod("Create", System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic, new[] { typeof(DataViewSchema) })!
        .Invoke(null, new object[] { schema })!;

    private static VanillaGanOptions Quick() => new() { MaxSteps = 2, BatchSize = 4, GeneratorLayers = new[] { 4 }, DiscriminatorLayers = new[] { 4 } };

    [TestMethod]
    public void MissingColumnIsNamed()
    {
        var mlContext = new MLContext();
        var options = Quick();
        options.FeatureColumnName = "Pixels";
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => mlContext.Gan().VanillaGan(options).Fit(VectorData.Ring(mlContext, 16)));
        StringAssert.Contains(error.Message, "'Pixels'");
        StringAssert.Contains(error.Message, "Features");
    }

    [TestMethod]
    public void NonVectorColumnIsRejected()
    {
        var mlContext = new MLContext();
        var data = mlContext.Data.LoadFromEnumerable(new[] { new ScalarRow { Features = 1 }, new ScalarRow { Features = 2 } });
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => mlContext.Gan().VanillaGan(Quick()).Fit(data));
        StringAssert.Contains(error.Message, "known-size vector of Single");
    }

    [TestMethod]
    public void EmptyDataIsRejected()
    {
        var mlContext = new MLContext();
        var error = Assert.ThrowsExactly<ArgumentException>(() => mlContext.Gan().VanillaGan(Quick()).Fit(VectorData.FromFlat(mlContext, Array.Empty<float>())));
        StringAssert.Contains(error.Message, "no rows");
    }

    [TestMethod]
    public void NaNInFeaturesIsRejectedWithItsRow()
    {
        var mlContext = new MLContext();
        var data = VectorData.FromFlat(mlContext, new[] { 1f, 2f, 3f, float.NaN });
        var error = Assert.ThrowsExactly<ArgumentException>(() => mlContext.Gan().VanillaGan(Quick()).Fit(data));
        StringAssert.Contains(error.Message, "row 1");
    }

    [TestMethod]
    public void BatchLargerThanDataIsRejected()
    {
        var mlContext = new MLContext();
        var options = Quick();
        options.BatchSize = 64;
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => mlContext.Gan().VanillaGan(options).Fit(VectorData.Ring(mlContext, 16)));
        StringAssert.Contains(error.Message, "BatchSize");
    }

    [TestMethod]
    public void InvalidOptionsAreNamed()
    {
        var mlContext = new MLContext();
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => mlContext.Gan().WganGp(new WganGpOptions { CriticSteps = -1 }));
        Assert.AreEqual("CriticSteps", error.ParamName);
        var device = Assert.ThrowsExactly<ArgumentException>(() => mlContext.Gan().WganGp(new WganGpOptions { Device = "tpu" }));
        StringAssert.Contains(device.Message, "'tpu'");
        var pack = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => mlContext.Gan().VanillaGan(new VanillaGanOptions { Pac = 3, BatchSize = 64 }));
        Assert.AreEqual("BatchSize", pack.ParamName);
    }

    [TestMethod]
    public void CudaWithoutCudaIsAClearError()
    {
        if (TorchSharp.torch.cuda.is_available())
            Assert.Inconclusive("A CUDA device is present: this test checks the message when none is.");
        var error = Assert.ThrowsExactly<ArgumentException>(() => new MLContext().Gan().WganGp(new WganGpOptions { Device = "cuda" }));
        StringAssert.Contains(error.Message, "CUDA is not available");
    }

    [TestMethod]
    public void OutputSchemaNamesTheMissingColumn()
    {
        var mlContext = new MLContext();
        var options = Quick();
        var estimator = mlContext.Gan().VanillaGan(options);
        var shape = estimator.GetOutputSchema(ShapeOf(VectorData.Ring(mlContext, 4).Schema));
        Assert.IsTrue(shape.Any(c => c.Name == "Generated"));
        options.FeatureColumnName = "Nope";
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => mlContext.Gan().VanillaGan(options).GetOutputSchema(ShapeOf(VectorData.Ring(mlContext, 4).Schema)));
        StringAssert.Contains(error.Message, "'Nope'");
    }
}
