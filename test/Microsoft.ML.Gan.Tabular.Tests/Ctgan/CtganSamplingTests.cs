using Microsoft.ML.Data;
using Microsoft.ML.Gan.Tabular.Data;

namespace Microsoft.ML.Gan.Tabular.Tests.Ctgan;

[TestClass]
public sealed class CtganSamplingTests
{
    [TestMethod]
    public void SampleHasExactlyTheTrainingSchema()
    {
        var expected = TrainedCtgan.Data.Schema;
        var actual = TrainedCtgan.Model.Sample(10, seed: 1).Schema;
        CollectionAssert.AreEqual(expected.Select(c => (c.Name, c.Type)).ToArray(), actual.Select(c => (c.Name, c.Type)).ToArray());
        Assert.AreEqual(10L, TrainedCtgan.Model.Sample(10, seed: 1).GetRowCount());
    }

    [TestMethod]
    public void ConditionOnASecondDiscreteColumnHoldsForEveryRow()
    {
        var sample = TrainedCtgan.Model.SampleTable(2000, seed: 3, condition: ("Region", "east"));
        var region = (DiscreteColumn)sample["Region"];
        Assert.IsTrue(region.Codes.ToArray().All(c => (string)region.Categories[c] == "east"), "every row has Region = east");
        var amount = ((ContinuousColumn)sample["Amount"]).Values.ToArray();
        double high = amount.Count(v => v > 5) / (double)amount.Length;
        // In the real data, Region = east only occurs with the high mode of Amount.
        Assert.IsTrue(high > 0.7, $"the other columns follow the condition: Amount > 5 in {high:P1} of rows");
    }

    [TestMethod]
    public void ConditionOnABooleanColumn()
    {
        var sample = TrainedCtgan.Model.SampleTable(500, seed: 4, condition: ("Flag", true));
        var flag = (DiscreteColumn)sample["Flag"];
        Assert.IsTrue(flag.Codes.ToArray().All(c => (bool)flag.Categories[c]));
    }

    [TestMethod]
    public void SameSeedSameRowsOtherSeedOtherRows()
    {
        var a = Amounts(TrainedCtgan.Model.SampleTable(700, seed: 21));
        var b = Amounts(TrainedCtgan.Model.SampleTable(700, seed: 21));
        var c = Amounts(TrainedCtgan.Model.SampleTable(700, seed: 22));
        CollectionAssert.AreEqual(a, b);
        CollectionAssert.AreNotEqual(a, c);
        // A shorter sample is a prefix of the stream.
        CollectionAssert.AreEqual(a[..300], Amounts(TrainedCtgan.Model.SampleTable(300, seed: 21)));
    }

    [TestMethod]
    public void TransformGivesTheStreamRowsAppendedToEachInputRow()
    {
        var mlContext = TrainedCtgan.Context;
        var input = mlContext.Data.LoadFromEnumerable(Enumerable.Range(0, 600).Select(i => new IdRow { Id = i }));
        var output = TrainedCtgan.Model.Transform(input);
        CollectionAssert.AreEqual(new[] { "Id", "Amount", "Kind", "Region", "Count", "Flag" },
            output.Schema.Where(c => !c.IsHidden).Select(c => c.Name).ToArray());
        var transformed = output.GetColumn<double>("Amount").ToArray();
        var sampled = Amounts(TrainedCtgan.Model.SampleTable(600, seed: TrainedCtgan.Model.Seed));
        CollectionAssert.AreEqual(sampled, transformed);
        CollectionAssert.AreEqual(
            TrainedCtgan.Model.Sample(600).GetColumn<ReadOnlyMemory<char>>("Kind").Select(k => k.ToString()).ToArray(),
            output.GetColumn<ReadOnlyMemory<char>>("Kind").Select(k => k.ToString()).ToArray());
    }

    [TestMethod]
    public void PredictionEngineGeneratesOneRowPerCall()
    {
        var engine = TrainedCtgan.Context.Model.CreatePredictionEngine<IdRow, GeneratedRow>(TrainedCtgan.Model);
        var first = engine.Predict(new IdRow { Id = 1 });
        Assert.IsTrue(CtganTestData.Kinds.Contains(first.Kind));
        Assert.IsTrue(first.Count is >= 0 and <= 20);
    }

    internal static double[] Amounts(TabularTable table) => ((ContinuousColumn)table["Amount"]).Values.ToArray();

    internal sealed class IdRow
    {
        public int Id { get; set; }
    }

    internal sealed class GeneratedRow
    {
        public double Amount { get; set; }

        public string Kind { get; set; } = "";

        public string Region { get; set; } = "";

        public int Count { get; set; }

        public bool Flag { get; set; }
    }
}
