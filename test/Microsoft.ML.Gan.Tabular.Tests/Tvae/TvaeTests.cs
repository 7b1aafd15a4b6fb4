using Microsoft.ML.Gan.Tabular.Ctgan;
using Microsoft.ML.Gan.Tabular.Data;
using Microsoft.ML.Gan.Tabular.Tests.Ctgan;
using Microsoft.ML.Gan.Tabular.Tvae;

namespace Microsoft.ML.Gan.Tabular.Tests.Tvae;

/// <summary>TVAE on CTGAN's test table (bimodal Amount, skewed Kind, Region tied to Amount's mode), save/load, options.</summary>
[TestClass]
public sealed class TvaeTests
{
    private static readonly Lazy<(MLContext Context, CtganModel Model)> Trained = new(() =>
    {
        var mlContext = new MLContext(seed: 1);
        var data = CtganTestData.Create(mlContext, 2000, seed: 3);
        var model = mlContext.Gan().Tabular.Tvae(new TvaeOptions { Epochs = 60, BatchSize = 200, Seed = 7 }).Fit(data);
        return (mlContext, model);
    });

    [TestMethod]
    public void LearnsBimodalColumnAndSkewedCategories()
    {
        var sample = Trained.Value.Model.SampleTable(5000, seed: 11);
        var amount = ((ContinuousColumn)sample["Amount"]).Values.ToArray();
        double lowTight = amount.Count(v => Math.Abs(v) < 3) / (double)amount.Length;
        double highTight = amount.Count(v => Math.Abs(v - 10) < 3) / (double)amount.Length;
        var kind = (DiscreteColumn)sample["Kind"];
        var shares = CtganTestData.Kinds.Select(k => CtganLearningTests.Share(kind, k)).ToArray();
        double tv = 0.5 * shares.Zip(CtganTestData.KindShares, (a, b) => Math.Abs(a - b)).Sum();
        string report = $"low mode {lowTight:P1}, high mode {highTight:P1}; Kind shares {string.Join(", ", shares.Select(s => s.ToString("P1")))}, TV {tv:F3}";

        Assert.IsTrue(lowTight >= 0.3 && highTight >= 0.3, "Both modes of Amount must hold at least 30 % of the rows: " + report);
        Assert.IsTrue(tv < 0.1, "Kind's distribution must be within total variation 0.1: " + report);
    }

    [TestMethod]
    public void LearnsTheLinkBetweenRegionAndAmount()
    {
        var sample = Trained.Value.Model.SampleTable(5000, seed: 12);
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
        Assert.IsTrue(share > 0.65, $"Region and Amount's mode agree in all real rows; generated rows agree in only {share:P1}.");
    }

    [TestMethod]
    public void SaveAndTypedLoadGiveIdenticalSamplesWithTheTrainingSchema()
    {
        var (mlContext, model) = Trained.Value;
        string path = Path.Combine(Path.GetTempPath(), $"tvae-{Guid.NewGuid():N}.zip");
        try
        {
            mlContext.Model.Save(model, null, path);
            using var loaded = CtganModel.Load(mlContext, path);
            var expected = model.SampleTable(300, seed: 5);
            var actual = loaded.SampleTable(300, seed: 5);
            CollectionAssert.AreEqual(((ContinuousColumn)expected["Amount"]).Values.ToArray(), ((ContinuousColumn)actual["Amount"]).Values.ToArray());
            CollectionAssert.AreEqual(((DiscreteColumn)expected["Kind"]).Codes.ToArray(), ((DiscreteColumn)actual["Kind"]).Codes.ToArray());
            var schema = model.SampleSchema;
            CollectionAssert.AreEqual(new[] { "Amount", "Kind", "Region", "Count", "Flag" }, schema.Select(c => c.Name).ToArray());
            Assert.AreEqual(typeof(int), schema["Count"].Type.RawType);
            Assert.IsNull(loaded.Privacy);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public void ConditionsAreRefusedAndBadOptionsNamed()
    {
        var model = Trained.Value.Model;
        Assert.ThrowsExactly<NotSupportedException>(() => model.SampleTable(10, condition: new SampleCondition("Kind", "A")));
        var catalog = new MLContext(seed: 1).Gan().Tabular;
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => catalog.Tvae(new TvaeOptions { BatchSize = 1 })).Message, "BatchSize");
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => catalog.Tvae(new TvaeOptions { EncoderLayers = [] })).Message, "EncoderLayers");
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => catalog.Tvae(new TvaeOptions { LossFactor = 0 })).Message, "LossFactor");
    }
}
