using Microsoft.ML.Data;
using Microsoft.ML.Gan.Tabular.Ctgan;
using Microsoft.ML.Gan.Tabular.Data;
using Microsoft.ML.Gan.Tabular.TabDdpm;

namespace Microsoft.ML.Gan.Tabular.Tests.TabDdpm;

/// <summary>A fitted TabDDPM saves into one zip and loads typed or generic with the same rows; bad options and columns are named.</summary>
[TestClass]
public sealed class TabDdpmPersistenceTests
{
    [TestMethod]
    public void TypedLoadGivesIdenticalSamplesAndConditions()
    {
        var model = TrainedTabDdpm.Model;
        string path = Path.Combine(Path.GetTempPath(), $"tabddpm-{Guid.NewGuid():N}.zip");
        try
        {
            TrainedTabDdpm.Context.Model.Save(model, null, path);
            using var loaded = CtganModel.Load(new MLContext(), path);
            CollectionAssert.AreEqual(Amounts(model.SampleTable(600, seed: 5)), Amounts(loaded.SampleTable(600, seed: 5)));
            CollectionAssert.AreEqual(Amounts(model.SampleTable(300, seed: 6, condition: ("Kind", "C"))),
                Amounts(loaded.SampleTable(300, seed: 6, condition: ("Kind", "C"))));
            CollectionAssert.AreNotEqual(Amounts(model.SampleTable(300, seed: 5)), Amounts(model.SampleTable(300, seed: 6)));
            CollectionAssert.AreEqual(new[] { "Amount", "Kind", "Region", "Count", "Flag" }, loaded.SampleSchema.Select(c => c.Name).ToArray());
            Assert.AreEqual(typeof(int), loaded.SampleSchema["Count"].Type.RawType);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public void GenericLoadGivesTheSameRowsAsTheLiveModel()
    {
        var mlContext = TrainedTabDdpm.Context;
        var input = mlContext.Data.LoadFromEnumerable(Enumerable.Range(0, 300).Select(i => new IdRow { Id = i }));
        string path = Path.Combine(Path.GetTempPath(), $"tabddpm-{Guid.NewGuid():N}.zip");
        try
        {
            mlContext.Model.Save(TrainedTabDdpm.Model, input.Schema, path);
            var loaded = new MLContext(seed: 99).Model.Load(path, out _);
            var expected = TrainedTabDdpm.Model.Transform(input);
            var actual = loaded.Transform(input);
            CollectionAssert.AreEqual(expected.GetColumn<double>("Amount").ToArray(), actual.GetColumn<double>("Amount").ToArray());
            CollectionAssert.AreEqual(expected.GetColumn<bool>("Flag").ToArray(), actual.GetColumn<bool>("Flag").ToArray());
            CollectionAssert.AreEqual(Amounts(TrainedTabDdpm.Model.SampleTable(300, seed: TrainedTabDdpm.Model.Seed)),
                actual.GetColumn<double>("Amount").ToArray(), "Transform's rows must be the stream Sample gives for the model's seed.");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public void DataFrameHasTheTrainingColumns()
    {
        var frame = TrainedTabDdpm.Model.SampleDataFrame(50, seed: 3);
        Assert.AreEqual(50, frame.Rows.Count);
        CollectionAssert.AreEqual(new[] { "Amount", "Kind", "Region", "Count", "Flag" }, frame.Columns.Select(c => c.Name).ToArray());
    }

    [TestMethod]
    public void BadOptionsAndColumnsAreNamed()
    {
        var mlContext = new MLContext(seed: 1);
        var catalog = mlContext.Gan().Tabular;
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => catalog.TabDdpm(new TabDdpmOptions { Timesteps = 0 })).Message, "Timesteps");
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentOutOfRangeException>(
            () => catalog.TabDdpm(new TabDdpmOptions { Timesteps = 50, SamplingSteps = 51 })).Message, "SamplingSteps");
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => catalog.TabDdpm(new TabDdpmOptions { HiddenLayers = [] })).Message, "HiddenLayers");
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => catalog.TabDdpm(new TabDdpmOptions { Dropout = 1 })).Message, "Dropout");
        var data = Ctgan.CtganTestData.Create(mlContext, 50, seed: 1);
        var unknown = Assert.ThrowsExactly<ArgumentException>(() => catalog.TabDdpm(new TabDdpmOptions { LabelColumn = "Income", Steps = 1 }).Fit(data));
        StringAssert.Contains(unknown.Message, "'Income'");
    }

    [TestMethod]
    public void MissingValuesAreModelledAndNumericLabelIsLearnedJointly()
    {
        var mlContext = new MLContext(seed: 2);
        var random = new Random(4);
        var rows = Enumerable.Range(0, 600).Select(_ =>
        {
            bool missing = random.NextDouble() < 0.3;
            return new GappyRow { Score = missing ? float.NaN : (float)(random.NextDouble() * 10), Group = missing ? "gap" : "full" };
        }).ToArray();
        var options = TrainedTabDdpm.Options();
        options.LabelColumn = "Score";
        options.Steps = 600;
        using var model = mlContext.Gan().Tabular.TabDdpm(options).Fit(mlContext.Data.LoadFromEnumerable(rows));
        var sample = model.SampleTable(2000, seed: 1);
        var score = ((ContinuousColumn)sample["Score"]).Values.ToArray();
        var group = (DiscreteColumn)sample["Group"];
        double missingShare = score.Count(double.IsNaN) / (double)score.Length;
        int agree = Enumerable.Range(0, score.Length).Count(i => double.IsNaN(score[i]) == ((string)group.Categories[group.Codes[i]] == "gap"));
        Assert.IsTrue(Math.Abs(missingShare - 0.3) < 0.06, $"30 % of Score is missing in training; {missingShare:P1} of the sampled rows.");
        Assert.IsTrue(agree > 0.9 * score.Length, $"Group = gap exactly when Score is missing; {agree} of {score.Length} sampled rows keep it.");
        Assert.IsTrue(score.Where(v => !double.IsNaN(v)).All(v => v >= 0 && v <= 10), "Present scores must stay in the training range.");
    }

    [TestMethod]
    public void NumbersWithACategoricalLabelOnlySampleEveryClass()
    {
        // The label is the condition, so nothing categorical is diffused: the reverse process has numbers only.
        var mlContext = new MLContext(seed: 3);
        var random = new Random(5);
        var rows = Enumerable.Range(0, 400).Select(i => new LabelledNumbers
        {
            Length = (float)(random.NextDouble() + (i % 3)),
            Width = (float)random.NextDouble(),
            Kind = $"class{i % 3}",
        }).ToArray();
        var options = TrainedTabDdpm.Options(samplingSteps: 10);
        options.LabelColumn = "Kind";
        options.Steps = 100;
        using var model = mlContext.Gan().Tabular.TabDdpm(options).Fit(mlContext.Data.LoadFromEnumerable(rows));
        var sample = model.SampleTable(300, seed: 2);
        var kind = (DiscreteColumn)sample["Kind"];
        CollectionAssert.AreEquivalent(new[] { "class0", "class1", "class2" },
            kind.Codes.ToArray().Select(c => (string)kind.Categories[c]).Distinct().ToArray());
        Assert.IsTrue(((ContinuousColumn)sample["Length"]).Values.ToArray().All(double.IsFinite));
    }

    internal static double[] Amounts(TabularTable table) => ((ContinuousColumn)table["Amount"]).Values.ToArray();

    private sealed class IdRow
    {
        public int Id { get; set; }
    }

    private sealed class GappyRow
    {
        public float Score { get; set; }

        public string Group { get; set; } = "";
    }

    private sealed class LabelledNumbers
    {
        public float Length { get; set; }

        public float Width { get; set; }

        public string Kind { get; set; } = "";
    }
}
