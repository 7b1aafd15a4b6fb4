using Microsoft.ML.Data;
using Microsoft.ML.Gan.Tabular.Ctgan;
using Microsoft.ML.Gan.Tabular.Data;
using Microsoft.ML.Gan.Tabular.Tests.Ctgan;

namespace Microsoft.ML.Gan.Tabular.Tests.TabDdpm;

/// <summary>What a fitted TabDDPM learns on CTGAN's test table: marginals, the Region → Amount link, conditions, the fast sampler.</summary>
[TestClass]
public sealed class TabDdpmLearningTests
{
    [TestMethod]
    public void LearnsBimodalColumnAndSkewedCategories()
    {
        var sample = TrainedTabDdpm.Model.SampleTable(4000, seed: 11);
        var amount = ((ContinuousColumn)sample["Amount"]).Values.ToArray();
        double low = amount.Count(v => Math.Abs(v) < 3) / (double)amount.Length;
        double high = amount.Count(v => Math.Abs(v - 10) < 3) / (double)amount.Length;
        double tv = KindDistance((DiscreteColumn)sample["Kind"]);
        string report = $"low mode {low:P1}, high mode {high:P1}, Kind TV {tv:F3}";
        Assert.IsTrue(low >= 0.4 && high >= 0.4, "Both modes of Amount must hold at least 40 % of the rows: " + report);
        Assert.IsTrue(tv < 0.06, "Kind's distribution must be within total variation 0.06: " + report);
        var count = ((ContinuousColumn)sample["Count"]).Values.ToArray();
        Assert.IsTrue(count.All(v => v >= 0 && v <= 20 && v == Math.Floor(v)), "Count must stay whole numbers in the training range [0, 20].");
    }

    [TestMethod]
    public void KeepsTheLinkBetweenRegionAndAmount()
    {
        double agree = Agreement(TrainedTabDdpm.Model.SampleTable(4000, seed: 12));
        Assert.IsTrue(agree > 0.9, $"Region decides Amount's mode in every real row; generated rows agree in only {agree:P1}.");
    }

    [TestMethod]
    public void ConditionOnTheLabelGivesTheLabelAndItsMode()
    {
        var sample = TrainedTabDdpm.Model.SampleTable(1000, seed: 13, condition: ("Region", "east"));
        var region = (DiscreteColumn)sample["Region"];
        Assert.IsTrue(Enumerable.Range(0, sample.RowCount).All(i => (string)region.Categories[region.Codes[i]] == "east"), "Every row must have Region = east.");
        double high = ((ContinuousColumn)sample["Amount"]).Values.ToArray().Count(v => v > 5) / (double)sample.RowCount;
        Assert.IsTrue(high > 0.9, $"East rows have Amount in the high mode; only {high:P1} of the conditioned rows do.");
    }

    [TestMethod]
    public void ConditionOnAnotherColumnHoldsInEveryRowAndKeepsTheRest()
    {
        var sample = TrainedTabDdpm.Model.SampleTable(1000, seed: 14, condition: ("Kind", "D"));
        var kind = (DiscreteColumn)sample["Kind"];
        Assert.IsTrue(Enumerable.Range(0, sample.RowCount).All(i => (string)kind.Categories[kind.Codes[i]] == "D"), "Every row must have Kind = D.");
        double agree = Agreement(sample);
        Assert.IsTrue(agree > 0.85, $"Rows conditioned on Kind must still tie Amount to Region; they agree in {agree:P1}.");
    }

    [TestMethod]
    public void FastSamplerStaysInRangeAndKeepsTheLink()
    {
        var sample = TrainedTabDdpm.FastModel.SampleTable(3000, seed: 15);
        var amount = ((ContinuousColumn)sample["Amount"]).Values.ToArray();
        Assert.IsTrue(amount.All(double.IsFinite), "The fast sampler must give finite values.");
        Assert.IsTrue(amount.Min() >= -5 && amount.Max() <= 15, $"Amounts must stay in the training range; got [{amount.Min():F2}, {amount.Max():F2}].");
        double agree = Agreement(sample);
        double tv = KindDistance((DiscreteColumn)sample["Kind"]);
        Assert.IsTrue(agree > 0.85 && tv < 0.1, $"10 sampling steps must still keep the Region link and Kind's shares: agreement {agree:P1}, Kind TV {tv:F3}.");
    }

    [TestMethod]
    public void ConditionColumnPerRowGeneratesEachRequestedValue()
    {
        var mlContext = TrainedTabDdpm.Context;
        using var byRegion = TrainedTabDdpm.Model.ConditionedOn("Region", inputColumnName: "Asked");
        string[] asked = [.. Enumerable.Range(0, 40).Select(i => i % 2 == 0 ? "north" : "west")];
        var rows = byRegion.Transform(mlContext.Data.LoadFromEnumerable(asked.Select(a => new AskedRow { Asked = a })));
        var regions = rows.GetColumn<ReadOnlyMemory<char>>("Region").Select(v => v.ToString()).ToArray();
        CollectionAssert.AreEqual(asked, regions);
    }

    /// <summary>The share of rows whose Amount mode matches their Region (north/south low, east/west high).</summary>
    internal static double Agreement(TabularTable sample)
    {
        var amount = ((ContinuousColumn)sample["Amount"]).Values;
        var region = (DiscreteColumn)sample["Region"];
        int agree = 0;
        for (int i = 0; i < sample.RowCount; i++)
        {
            if ((region.Categories[region.Codes[i]] is "east" or "west") == amount[i] > 5)
                agree++;
        }
        return agree / (double)sample.RowCount;
    }

    private static double KindDistance(DiscreteColumn kind)
    {
        var shares = CtganTestData.Kinds.Select(k => CtganLearningTests.Share(kind, k)).ToArray();
        return 0.5 * shares.Zip(CtganTestData.KindShares, (a, b) => Math.Abs(a - b)).Sum();
    }

    private sealed class AskedRow
    {
        public string Asked { get; set; } = "";
    }
}
