using Microsoft.ML.Data;
using Microsoft.ML.Gan.Persistence;
using static Microsoft.ML.Gan.Tests.Persistence.PersistenceTestData;

namespace Microsoft.ML.Gan.Tests.Persistence;

[TestClass]
public sealed class PredictionEngineTests
{
    private readonly MLContext _ml = new(seed: 1);
    private string _directory = "";

    [TestInitialize]
    public void CreateDirectory() => _directory = NewTempDirectory();

    [TestCleanup]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    // ML.NET cannot save an input schema without columns, so a model whose input has none is saved with a null schema.
    private ITransformer SaveAndLoad(ITransformer model, DataViewSchema? schema)
    {
        string path = Path.Combine(_directory, "model.zip");
        _ml.Model.Save(model, schema, path);
        return new MLContext().Model.Load(path, out _);
    }

    [TestMethod]
    public void LiveAndLoadedEnginesReturnTheStreamRowsInOrder()
    {
        using var model = TestGanTransformer.Create(_ml, outputLength: 3);
        var stream = ReadVectors(model.Sample(300), "Generated");
        var loaded = SaveAndLoad(model, schema: null);

        using var live = _ml.Model.CreatePredictionEngine<NoInput, GeneratedOutput>(model, new PredictionEngineOptions { OwnsTransformer = false });
        using var reloaded = _ml.Model.CreatePredictionEngine<NoInput, GeneratedOutput>(loaded);
        // 300 predictions cross a block boundary (BlockSize = 256).
        for (int i = 0; i < 300; i++)
        {
            CollectionAssert.AreEqual(stream[i], live.Predict(new NoInput()).Generated, $"live prediction {i}");
            CollectionAssert.AreEqual(stream[i], reloaded.Predict(new NoInput()).Generated, $"loaded prediction {i}");
        }
    }

    [TestMethod]
    public void LiveAndLoadedEnginesGenerateFromTheSeedColumn()
    {
        using var model = TestGanTransformer.Create(_ml, outputLength: 2, new GanGenerationSettings("Generated", seedColumnName: "RowSeed"));
        var schema = _ml.Data.LoadFromEnumerable(Array.Empty<SeedInput>()).Schema;
        var loaded = SaveAndLoad(model, schema);

        using var live = _ml.Model.CreatePredictionEngine<SeedInput, GeneratedOutput>(model, new PredictionEngineOptions { OwnsTransformer = false });
        using var reloaded = _ml.Model.CreatePredictionEngine<SeedInput, GeneratedOutput>(loaded);
        var expected = new float[2];
        foreach (int seed in new[] { 42, 7, 42, -3 })
        {
            model.TypedGenerator.GenerateFromSeed(seed, expected);
            CollectionAssert.AreEqual(expected, live.Predict(new SeedInput { RowSeed = seed }).Generated);
            CollectionAssert.AreEqual(expected, reloaded.Predict(new SeedInput { RowSeed = seed }).Generated);
        }
    }

    [TestMethod]
    public void EngineOverAPipelineEndingInTheGanWorksLiveAndLoaded()
    {
        using var model = TestGanTransformer.Create(_ml, outputLength: 2, new GanGenerationSettings("Generated", seedColumnName: "RowSeed"));
        var data = _ml.Data.LoadFromEnumerable(Array.Empty<SeedInput>());
        var pipeline = new TransformerChain<ITransformer>(_ml.Transforms.CopyColumns("SeedCopy", "RowSeed").Fit(data), model);
        var loaded = SaveAndLoad(pipeline, data.Schema);

        using var live = _ml.Model.CreatePredictionEngine<SeedInput, GeneratedOutput>(pipeline, new PredictionEngineOptions { OwnsTransformer = false });
        using var reloaded = _ml.Model.CreatePredictionEngine<SeedInput, GeneratedOutput>(loaded);
        var expected = new float[2];
        model.TypedGenerator.GenerateFromSeed(11, expected);
        CollectionAssert.AreEqual(expected, live.Predict(new SeedInput { RowSeed = 11 }).Generated);
        CollectionAssert.AreEqual(expected, reloaded.Predict(new SeedInput { RowSeed = 11 }).Generated);
    }
}
