using Microsoft.ML.Data;
using Microsoft.ML.Gan.Persistence;
using Microsoft.ML.Gan.Tabular.Ctgan;

namespace Microsoft.ML.Gan.Tabular.Tests.Ctgan;

/// <summary>A condition column in the input conditions each generated row of a CTGAN transform.</summary>
[TestClass]
public sealed class CtganConditionColumnTests
{
    private sealed class AskRow
    {
        public string Asked { get; set; } = "";
    }

    private static IDataView Asked(MLContext mlContext, params string[] values) =>
        mlContext.Data.LoadFromEnumerable(values.Select(v => new AskRow { Asked = v }).ToArray());

    private static string[] Texts(IDataView view, string column) =>
        view.GetColumn<ReadOnlyMemory<char>>(column).Select(v => v.ToString()).ToArray();

    [TestMethod]
    public void EachRowHasTheValueItsInputRowAsksFor()
    {
        var mlContext = TrainedCtgan.Context;
        string[] asked = [.. Enumerable.Range(0, 400).Select(i => i % 4 == 0 ? "east" : i % 4 == 1 ? "north" : i % 4 == 2 ? "west" : "south")];
        using var model = TrainedCtgan.Model.ConditionedOn("Region", inputColumnName: "Asked");
        Assert.AreEqual(new GanConditionColumn("Asked", GanConditionKind.Text).ToString(), model.ConditionColumn!.ToString());

        var output = model.Transform(Asked(mlContext, asked));
        CollectionAssert.AreEqual(asked, Texts(output, "Region"), "every generated row has the asked region");
        CollectionAssert.AreEqual(asked, Texts(output, "Asked"), "the input column passes through");
        // The other columns follow the condition: in the real data east/west only occur with the high mode of Amount.
        var amount = output.GetColumn<double>("Amount").ToArray();
        double highWhenEast = Enumerable.Range(0, asked.Length).Where(i => asked[i] == "east").Average(i => amount[i] > 5 ? 1.0 : 0.0);
        double highWhenNorth = Enumerable.Range(0, asked.Length).Where(i => asked[i] == "north").Average(i => amount[i] > 5 ? 1.0 : 0.0);
        Assert.IsTrue(highWhenEast > 0.7 && highWhenNorth < 0.3, $"Amount > 5: {highWhenEast:P0} of east rows, {highWhenNorth:P0} of north rows");
        // The unconditioned model is unchanged.
        Assert.IsNull(TrainedCtgan.Model.ConditionColumn);
    }

    [TestMethod]
    public void ConditionedModelSavesAndLoadsWithItsConditionColumn()
    {
        var mlContext = TrainedCtgan.Context;
        var input = Asked(mlContext, "west", "north", "north", "east", "south", "west");
        using var model = TrainedCtgan.Model.ConditionedOn("Region", inputColumnName: "Asked");
        string path = Path.Combine(Path.GetTempPath(), $"ctgan-cond-{Guid.NewGuid():N}.zip");
        try
        {
            mlContext.Model.Save(model, input.Schema, path);
            var live = model.Transform(input);
            var generic = new MLContext(seed: 5).Model.Load(path, out _).Transform(input);
            using var typed = CtganModel.Load(new MLContext(seed: 6), path);
            Assert.AreEqual("Asked", typed.ConditionColumn?.Name);
            var typedOutput = typed.Transform(input);
            var expected = live.GetColumn<double>("Amount").ToArray();
            CollectionAssert.AreEqual(expected, generic.GetColumn<double>("Amount").ToArray());
            CollectionAssert.AreEqual(expected, typedOutput.GetColumn<double>("Amount").ToArray());
            CollectionAssert.AreEqual(Texts(live, "Region"), Texts(generic, "Region"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public void BooleanColumnIsConditionedByItsInvariantText()
    {
        var mlContext = TrainedCtgan.Context;
        using var model = TrainedCtgan.Model.ConditionedOn("Flag", inputColumnName: "Asked");
        var output = model.Transform(Asked(mlContext, "True", "False", "True"));
        CollectionAssert.AreEqual(new[] { true, false, true }, output.GetColumn<bool>("Flag").ToArray());
    }

    [TestMethod]
    public void BadConditionColumnsAreNamed()
    {
        var mlContext = TrainedCtgan.Context;
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => TrainedCtgan.Model.ConditionedOn("Amount")).Message, "continuous");
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => TrainedCtgan.Model.ConditionedOn("Colour")).Message, "'Colour'");

        using var model = TrainedCtgan.Model.ConditionedOn("Region", inputColumnName: "Asked");
        var thrown = Assert.Throws<Exception>(() => Texts(model.Transform(Asked(mlContext, "east", "up")), "Region"));
        // ML.NET's parallel cursors wrap the exception of the generation step: find it in the chain.
        var unknown = thrown;
        while (unknown is not null && !unknown.Message.Contains("condition column", StringComparison.Ordinal))
            unknown = unknown.InnerException;
        Assert.IsNotNull(unknown, thrown.ToString());
        StringAssert.Contains(unknown.Message, "'Asked'");
        StringAssert.Contains(unknown.Message, "'up'");
        var missing = mlContext.Data.LoadFromEnumerable(new[] { new CtganSamplingTests.IdRow { Id = 1 } });
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => model.GetOutputSchema(missing.Schema)).Message, "'Asked' was not found");
    }
}
