using Microsoft.ML.Data;
using Microsoft.ML.Gan.Persistence;
using static Microsoft.ML.Gan.Tests.Persistence.PersistenceTestData;

namespace Microsoft.ML.Gan.Tests.Persistence;

[TestClass]
public sealed class SaveLoadTests
{
    private readonly MLContext _ml = new(seed: 1);
    private string _directory = "";

    [TestInitialize]
    public void CreateDirectory() => _directory = NewTempDirectory();

    [TestCleanup]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    private ITransformer SaveAndLoad(ITransformer model, IDataView data, out string path)
    {
        path = Path.Combine(_directory, "model.zip");
        _ml.Model.Save(model, data.Schema, path);
        // A fresh context that never registered any assembly: the custom mappings' assembly loads by itself.
        return new MLContext().Model.Load(path, out _);
    }

    [TestMethod]
    public void LoadedStreamModelGeneratesTheSameRowsWithoutSideFiles()
    {
        using var model = TestGanTransformer.Create(_ml, outputLength: 3);
        var data = Rows(_ml, 700);
        var loaded = SaveAndLoad(model, data, out string path);

        var live = model.Transform(data);
        var reloaded = loaded.Transform(data);
        AssertSameRows(ReadVectors(live, "Generated"), ReadVectors(reloaded, "Generated"));
        CollectionAssert.AreEqual(ReadStrings(live, "Name"), ReadStrings(reloaded, "Name"));
        // A second cursor over the loaded view restarts the stream.
        AssertSameRows(ReadVectors(live, "Generated"), ReadVectors(reloaded, "Generated"));

        Assert.IsFalse(reloaded.Schema.Any(c => c.Name.StartsWith(GanChainColumns.ReservedPrefix, StringComparison.Ordinal)),
            "temporary columns must be dropped");
        // ML.NET's custom mappings cannot declare a vector size, so the loaded column is a variable-size vector.
        Assert.AreEqual(new VectorDataViewType(NumberDataViewType.Single), reloaded.Schema["Generated"].Type);
        CollectionAssert.AreEqual(new[] { path }, Directory.GetFiles(_directory), "no side files next to the zip");
        Assert.AreEqual(0, Directory.GetDirectories(_directory).Length);
    }

    [TestMethod]
    public void LoadedSeedColumnModelGeneratesTheSameRows()
    {
        using var model = TestGanTransformer.Create(_ml, outputLength: 4, new GanGenerationSettings("Out", seed: 9, seedColumnName: "RowSeed"));
        var data = Rows(_ml, 300);
        var loaded = SaveAndLoad(model, data, out _);

        var live = ReadVectors(model.Transform(data), "Out");
        var reloaded = ReadVectors(loaded.Transform(data), "Out");
        AssertSameRows(live, reloaded);
        CollectionAssert.AreEqual(reloaded[3], reloaded[53]);
        // Another input with the same seeds in another order gives the matching rows.
        var reversed = _ml.Data.LoadFromEnumerable(Enumerable.Range(0, 50).Reverse().Select(i => new InputRow { RowSeed = i }).ToArray());
        var reversedRows = ReadVectors(loaded.Transform(reversed), "Out");
        CollectionAssert.AreEqual(live[49], reversedRows[0]);
    }

    [TestMethod]
    public void LoadedModelDeserializesTheGeneratorOnce()
    {
        using var model = TestGanTransformer.Create(_ml, outputLength: 2, latentSize: 5);
        var data = Rows(_ml, 2000);
        var loaded = SaveAndLoad(model, data, out _);

        int before = LinearTestGenerator.Deserializations;
        for (int i = 0; i < 3; i++)
            Assert.HasCount(2000, ReadVectors(loaded.Transform(data), "Generated"));
        using (var engine = _ml.Model.CreatePredictionEngine<NoInput, GeneratedOutput>(loaded))
            Assert.HasCount(2, engine.Predict(new NoInput()).Generated);
        Assert.AreEqual(1, LinearTestGenerator.Deserializations - before);
    }

    [TestMethod]
    public void LoadedModelServesColumnSubsets()
    {
        using var model = TestGanTransformer.Create(_ml, outputLength: 2);
        var data = Rows(_ml, 300);
        var reloaded = SaveAndLoad(model, data, out _).Transform(data);

        CollectionAssert.AreEqual(ReadStrings(data, "Name"), ReadStrings(reloaded, "Name"));
        AssertSameRows(ReadVectors(model.Transform(data), "Generated"), ReadVectors(reloaded, "Generated"));
        // A plain single cursor (no parallel split) over both columns.
        using var cursor = reloaded.GetRowCursor(reloaded.Schema);
        var generated = cursor.GetGetter<VBuffer<float>>(reloaded.Schema["Generated"]);
        VBuffer<float> value = default;
        var stream = ReadVectors(model.Sample(300), "Generated");
        for (int i = 0; cursor.MoveNext(); i++)
        {
            generated(ref value);
            CollectionAssert.AreEqual(stream[i], value.DenseValues().ToArray(), $"row {i}");
        }
    }

    [TestMethod]
    public void LoadedModelOfUnregisteredFamilyNamesTheFamily()
    {
        using var model = TestGanTransformer.Create(_ml, outputLength: 2, family: "Tests.NeverRegistered");
        var data = Rows(_ml, 3);
        Assert.HasCount(3, ReadVectors(model.Transform(data), "Generated"), "the live model needs no registry");
        var loaded = SaveAndLoad(model, data, out _);

        // ML.NET wraps exceptions thrown on its parallel cursors; ours is the innermost.
        var e = Assert.Throws<InvalidOperationException>(() => ReadVectors(loaded.Transform(data), "Generated"));
        var inner = e;
        while (inner.InnerException is InvalidOperationException next)
            inner = next;
        StringAssert.Contains(inner.Message, "GAN family 'Tests.NeverRegistered'");
    }

    [TestMethod]
    public void ModelInsideAPipelineSavesAndLoads()
    {
        using var model = TestGanTransformer.Create(_ml, outputLength: 2);
        var data = Rows(_ml, 20);
        var copy = _ml.Transforms.CopyColumns("NameCopy", "Name").Fit(data);
        var pipeline = new TransformerChain<ITransformer>(copy, model);
        var loaded = SaveAndLoad(pipeline, data, out string path);

        AssertSameRows(ReadVectors(pipeline.Transform(data), "Generated"), ReadVectors(loaded.Transform(data), "Generated"));
        CollectionAssert.AreEqual(ReadStrings(data, "Name"), ReadStrings(loaded.Transform(data), "NameCopy"));
        Assert.AreEqual(model.Id, GanModelLoader.LoadPayload(_ml, path).Id);
    }
}
