using Microsoft.ML.Data;
using Microsoft.ML.Gan.Persistence;
using Microsoft.ML.Gan.Torch;
using static Microsoft.ML.Gan.Tests.Persistence.PersistenceTestData;

namespace Microsoft.ML.Gan.Tests.Persistence;

/// <summary>A condition column conditions each generated row, live and after save/load, with clear errors.</summary>
[TestClass]
public sealed class ConditionColumnTests
{
    private static readonly string[] Colors = ["red", "green", "blue"];
    private readonly MLContext _ml = new(seed: 1);
    private string _directory = "";

    [TestInitialize]
    public void CreateDirectory()
    {
        _directory = NewTempDirectory();
        ConditionalTestGenerator.Register();
    }

    [TestCleanup]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    private sealed class ConditionRow
    {
        public string Color { get; set; } = "";

        public int RowSeed { get; set; }

        public long ColorIndex { get; set; }

        [VectorType(2)]
        public float[] Style { get; set; } = [];
    }

    private sealed class CategoryRow
    {
        public string Color { get; set; } = "";
    }

    private IDataView Data(params string[] colors) => _ml.Data.LoadFromEnumerable(colors.Select((c, i) =>
        new ConditionRow { Color = c, RowSeed = i % 4, ColorIndex = Array.IndexOf(Colors, c), Style = [i % 3, -(i % 2)] }).ToArray());

    private static ConditionalTestTransformer Model(MLContext ml, GanGenerationSettings settings, bool categorical = true) =>
        new(ml, new ConditionalTestGenerator(4, conditionLength: 2, categorical ? Colors : null), settings);

    private ITransformer SaveAndLoad(ITransformer model, IDataView data)
    {
        string path = Path.Combine(_directory, "model.zip");
        _ml.Model.Save(model, data.Schema, path);
        return new MLContext().Model.Load(path, out _);
    }

    [TestMethod]
    public void EachRowIsGeneratedForItsOwnTextCondition()
    {
        using var model = Model(_ml, new GanGenerationSettings("Out", seed: 3, condition: new GanConditionColumn("Color", GanConditionKind.Text)));
        string[] colors = ["blue", "red", "blue", "green", "red"];
        var rows = ReadVectors(model.Transform(Data(colors)), "Out");

        Assert.HasCount(colors.Length, rows);
        for (int p = 0; p < colors.Length; p++)
        {
            var expected = new float[4];
            model.TypedGenerator.GenerateConditioned(NoiseSeeds.ForPosition(3, p), [Array.IndexOf(Colors, colors[p])], expected);
            CollectionAssert.AreEqual(expected, rows[p], $"row {p}");
        }
        // Same position, other colour: another row (the condition matters, not only the noise).
        var red = ReadVectors(model.Transform(Data("red")), "Out")[0];
        CollectionAssert.AreNotEqual(rows[0], red);
    }

    [TestMethod]
    public void LoadedTextAndKeyConditionedModelsGenerateTheSameRows()
    {
        string[] colors = ["green", "blue", "red", "red", "blue", "green", "green"];
        var data = Data(colors);
        using var text = Model(_ml, new GanGenerationSettings("Out", seed: 8, condition: new GanConditionColumn("Color", GanConditionKind.Text)));
        var live = ReadVectors(text.Transform(data), "Out");
        AssertSameRows(live, ReadVectors(SaveAndLoad(text, data).Transform(data), "Out"));

        // A key column over the same categories (in the model's order) gives the same rows.
        var categories = _ml.Data.LoadFromEnumerable(Colors.Select(c => new CategoryRow { Color = c }).ToArray());
        var keyed = _ml.Transforms.Conversion.MapValueToKey("ColorKey", "Color", keyData: categories).Fit(data).Transform(data);
        using var key = new ConditionalTestTransformer(_ml, text.TypedGenerator.CloneForTest(),
            new GanGenerationSettings("Out", seed: 8, condition: new GanConditionColumn("ColorKey", GanConditionKind.Key)));
        AssertSameRows(live, ReadVectors(key.Transform(keyed), "Out"));
        AssertSameRows(live, ReadVectors(SaveAndLoad(key, keyed).Transform(keyed), "Out"));
    }

    [TestMethod]
    public void IndexConditionMatchesTheTextConditionLiveAndLoaded()
    {
        var data = Data("blue", "blue", "red", "green");
        using var text = Model(_ml, new GanGenerationSettings("Out", seed: 4, condition: new GanConditionColumn("Color", GanConditionKind.Text)));
        using var index = new ConditionalTestTransformer(_ml, text.TypedGenerator.CloneForTest(),
            new GanGenerationSettings("Out", seed: 4, condition: new GanConditionColumn("ColorIndex", GanConditionKind.Index)));
        var expected = ReadVectors(text.Transform(data), "Out");
        AssertSameRows(expected, ReadVectors(index.Transform(data), "Out"));
        AssertSameRows(expected, ReadVectors(SaveAndLoad(index, data).Transform(data), "Out"));

        var outOfRange = Data("red", "purple");
        var e = Assert.ThrowsExactly<InvalidOperationException>(() => ReadVectors(index.Transform(outOfRange), "Out"));
        StringAssert.Contains(e.Message, "'ColorIndex'");
        StringAssert.Contains(e.Message, "the index -1");
    }

    [TestMethod]
    public void SeededVectorConditionRowsSurviveSaveAndLoad()
    {
        var data = Data("a", "b", "c", "d", "e", "f");
        using var model = Model(_ml, new GanGenerationSettings("Out", seed: 1, seedColumnName: "RowSeed",
            condition: new GanConditionColumn("Style", GanConditionKind.Vector)), categorical: false);
        var live = ReadVectors(model.Transform(data), "Out");
        // Rows 0 and 3 share the seed (i % 4 = 0, 3 → no); rows 0 and 4 share seed 0 but not the style: different.
        CollectionAssert.AreNotEqual(live[0], live[4]);
        var expected = new float[4];
        model.TypedGenerator.GenerateConditioned(1, [1, -1], expected);
        CollectionAssert.AreEqual(expected, live[1]);
        AssertSameRows(live, ReadVectors(SaveAndLoad(model, data).Transform(data), "Out"));
    }

    [TestMethod]
    public void UnknownCategoryIsReportedLiveAndLoaded()
    {
        var data = Data("red", "purple");
        using var model = Model(_ml, new GanGenerationSettings("Out", condition: new GanConditionColumn("Color", GanConditionKind.Text)));
        var live = Assert.ThrowsExactly<InvalidOperationException>(() => ReadVectors(model.Transform(data), "Out"));
        StringAssert.Contains(live.Message, "'Color'");
        StringAssert.Contains(live.Message, "'purple'");
        StringAssert.Contains(live.Message, "'red', 'green', 'blue'");

        var loaded = SaveAndLoad(model, data);
        var e = Assert.Throws<Exception>(() => ReadVectors(loaded.Transform(data), "Out"));
        // ML.NET wraps exceptions of its parallel workers: find ours in the chain.
        var inner = e;
        while (inner is not null && !inner.Message.Contains("condition column", StringComparison.Ordinal))
            inner = inner.InnerException;
        Assert.IsNotNull(inner, e.ToString());
        StringAssert.Contains(inner.Message, "'Color'");
    }

    [TestMethod]
    public void WrongConditionColumnsGiveClearErrors()
    {
        var data = Data("red");
        using var missing = Model(_ml, new GanGenerationSettings(condition: new GanConditionColumn("Nope", GanConditionKind.Text)));
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => missing.GetOutputSchema(data.Schema)).Message, "'Nope' was not found");

        using var vectorAsText = Model(_ml, new GanGenerationSettings(condition: new GanConditionColumn("Style", GanConditionKind.Text)));
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => vectorAsText.GetOutputSchema(data.Schema)).Message, "expected text");

        using var wrongKind = Model(_ml, new GanGenerationSettings(condition: new GanConditionColumn("Color", GanConditionKind.Vector)));
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => wrongKind.GetOutputSchema(data.Schema)).Message, "must be of kind Text, Key or Index");

        using var wrongSize = new ConditionalTestTransformer(_ml, new ConditionalTestGenerator(4, conditionLength: 3, null),
            new GanGenerationSettings(condition: new GanConditionColumn("Style", GanConditionKind.Vector)));
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => wrongSize.GetOutputSchema(data.Schema)).Message, "vector of 3 Single");

        LinearTestGenerator.Register();
        using var unconditional = TestGanTransformer.Create(_ml, 2, new GanGenerationSettings(condition: new GanConditionColumn("Color", GanConditionKind.Text)));
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => unconditional.Transform(data)).Message, "cannot be conditioned");
    }
}
