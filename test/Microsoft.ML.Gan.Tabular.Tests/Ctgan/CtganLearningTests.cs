using Microsoft.ML.Gan.Tabular.Data;

namespace Microsoft.ML.Gan.Tabular.Tests.Ctgan;

[TestClass]
public sealed class CtganLearningTests
{
    [TestMethod]
    public void LearnsBimodalColumnAndSkewedCategories()
    {
        var sample = TrainedCtgan.Model.SampleTable(5000, seed: 11);
        var amount = ((ContinuousColumn)sample["Amount"]).Values.ToArray();
        double low = amount.Count(v => v < 5) / (double)amount.Length;
        double lowTight = amount.Count(v => Math.Abs(v) < 3) / (double)amount.Length;
        double highTight = amount.Count(v => Math.Abs(v - 10) < 3) / (double)amount.Length;
        var kind = (DiscreteColumn)sample["Kind"];
        var shares = CtganTestData.Kinds.Select(k => Share(kind, k)).ToArray();
        double tv = 0.5 * shares.Zip(CtganTestData.KindShares, (a, b) => Math.Abs(a - b)).Sum();
        string report = $"low mode {lowTight:P1}, high mode {highTight:P1}, below 5: {low:P1}; Kind shares {string.Join(", ", shares.Select(s => s.ToString("P1")))}, TV {tv:F3}";

        Assert.IsTrue(lowTight >= 0.3 && highTight >= 0.3, "Both modes of Amount must hold at least 30 % of the rows: " + report);
        Assert.IsTrue(tv < 0.1, "Kind's distribution must be within total variation 0.1: " + report);
    }

    [TestMethod]
    public void LearnsTheLinkBetweenRegionAndAmount()
    {
        var sample = TrainedCtgan.Model.SampleTable(5000, seed: 12);
        var amount = ((ContinuousColumn)sample["Amount"]).Values;
        var region = (DiscreteColumn)sample["Region"];
        int agree = 0;
        for (int i = 0; i < sample.RowCount; i++)
        {
            bool highRegion = region.Categories[region.Codes[i]] is "east" or "west";
            if (highRegion == amount[i] > 5)
                agree++;
        }
        double share = agree / (double)sample.RowCount;
        // Independent columns would agree in half the rows.
        Assert.IsTrue(share > 0.65, $"Region and Amount's mode agree in all real rows; generated rows agree in only {share:P1}.");
    }

    [TestMethod]
    public void SameSeedSameModel()
    {
        double[] Train()
        {
            var mlContext = new MLContext(seed: 4);
            var options = CtganTestData.QuickOptions(epochs: 3);
            options.Seed = null; // taken from the MLContext
            using var model = mlContext.Gan().Tabular.Ctgan(options).Fit(CtganTestData.Create(mlContext, 600, seed: 1));
            return CtganSamplingTests.Amounts(model.SampleTable(300, seed: 1));
        }

        CollectionAssert.AreEqual(Train(), Train());
    }

    internal static double Share(DiscreteColumn column, object value)
    {
        int code = column.Categories.ToList().IndexOf(value);
        return code < 0 ? 0 : column.Codes.ToArray().Count(c => c == code) / (double)column.Length;
    }
}
