using Microsoft.ML.Gan.Vectors;

namespace Microsoft.ML.Gan.Tests.Vectors;

[TestClass]
public sealed class VectorGanPersistenceTests
{
    public TestContext TestContext { get; set; } = null!;

    private string TempPath(string name) => Path.Combine(TestContext.TestRunDirectory ?? Path.GetTempPath(), $"{Guid.NewGuid():N}-{name}");

    private static (MLContext, IDataView, VectorGanTransformer) Fitted()
    {
        var mlContext = new MLContext(seed: 2);
        var data = VectorData.Ring(mlContext, 512);
        var options = new VanillaGanOptions { MaxSteps = 20, BatchSize = 64, GeneratorLayers = new[] { 16 }, DiscriminatorLayers = new[] { 16 }, Threads = 1 };
        return (mlContext, data, mlContext.Gan().VanillaGan(options).Fit(data));
    }

    [TestMethod]
    public void SavedModelLoadsWithMLNetAndGeneratesTheSameRows()
    {
        var (mlContext, data, model) = Fitted();
        string path = TempPath("vector-gan.zip");
        mlContext.Model.Save(model, data.Schema, path);

        var loaded = new MLContext().Model.Load(path, out _);
        CollectionAssert.AreEqual(VectorData.Generated(model.Transform(data)), VectorData.Generated(loaded.Transform(data)));
        Assert.AreEqual(1, Directory.GetFiles(Path.GetDirectoryName(path)!, Path.GetFileName(path) + "*").Length, "no side files");
    }

    [TestMethod]
    public void TypedLoadGivesIdenticalSamples()
    {
        var (mlContext, data, model) = Fitted();
        string path = TempPath("vector-gan.zip");
        mlContext.Model.Save(model, data.Schema, path);
        using var loaded = VectorGanTransformer.Load(new MLContext(), path);
        CollectionAssert.AreEqual(VectorData.Generated(model.Sample(600, seed: 8)), VectorData.Generated(loaded.Sample(600, seed: 8)));
    }

    [TestMethod]
    public void LoadingACorruptedOrForeignZipFailsClearly()
    {
        var mlContext = new MLContext();
        string corrupted = TempPath("corrupted.zip");
        File.WriteAllBytes(corrupted, new byte[] { 0x50, 0x4B, 3, 4, 1, 2, 3 });
        var error = Assert.ThrowsExactly<InvalidDataException>(() => VectorGanTransformer.Load(mlContext, corrupted));
        StringAssert.Contains(error.Message, "zip");

        string foreign = TempPath("normalizer.zip");
        var data = VectorData.Ring(mlContext, 16);
        var normalizer = mlContext.Transforms.NormalizeMinMax("Features").Fit(data);
        mlContext.Model.Save(normalizer, data.Schema, foreign);
        error = Assert.ThrowsExactly<InvalidDataException>(() => VectorGanTransformer.Load(mlContext, foreign));
        StringAssert.Contains(error.Message, "not a GAN model");
    }
}
