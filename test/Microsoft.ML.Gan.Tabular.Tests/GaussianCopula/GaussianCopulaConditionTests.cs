using Microsoft.ML.Gan.Tabular.Data;
using Microsoft.ML.Gan.Tabular.GaussianCopula;
using static Microsoft.ML.Gan.Tabular.Tests.GaussianCopula.GaussianCopulaLearningTests;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Tabular.Tests.GaussianCopula;

/// <summary>
/// Conditions are exact: every row holds the condition's value, a correlated column moves the right way, and the
/// conditioned rows follow the same distribution as the model's own unconditioned rows that happen to hold the value.
/// </summary>
[TestClass]
public sealed class GaussianCopulaConditionTests
{
    [TestMethod]
    public void ConditionGivesOnlyItsValueAndShiftsTheCorrelatedColumn()
    {
        var model = CopulaTestData.Model;
        double overall = Values(model.SampleTable(4000, seed: 1), "Spend").Average();
        var gold = model.SampleTable(4000, seed: 2, condition: ("Plan", "gold"));
        var basic = model.SampleTable(4000, seed: 3, condition: ("Plan", "basic"));
        Assert.IsTrue(Frequencies(gold, "Plan").Keys.SequenceEqual(["gold"]), "only gold rows");
        Assert.IsTrue(Frequencies(basic, "Plan").Keys.SequenceEqual(["basic"]), "only basic rows");
        // Real means: basic 20, silver 35, gold 50; overall 32.5.
        Assert.IsGreaterThan(overall + 8, Values(gold, "Spend").Average(), "gold rows spend more");
        Assert.IsLessThan(overall - 5, Values(basic, "Spend").Average(), "basic rows spend less");
        // Real conditional means are 50 and 20; a Gaussian copula's dependence blurs the plans' separated modes, so its
        // exact conditionals sit closer to the overall mean (gold 44.6, basic 22.8 with these seeds).
        Assert.AreEqual(50, Values(gold, "Spend").Average(), 7, "gold's mean spend");
        Assert.AreEqual(20, Values(basic, "Spend").Average(), 7, "basic's mean spend");
    }

    [TestMethod]
    public void ConditionedRowsFollowTheModelsOwnRowsWithThatValue()
    {
        var model = CopulaTestData.Model;
        var all = model.SampleTable(60_000, seed: 4);
        var plans = Codes(all, "Plan");
        var categories = ((DiscreteColumn)all["Plan"]).Categories;
        int silver = Enumerable.Range(0, categories.Count).Single(c => categories[c].ToString() == "silver");
        var rejected = Values(all, "Spend").Where((_, r) => plans[r] == silver).ToArray();
        var conditioned = Values(model.SampleTable(20_000, seed: 5, condition: ("Plan", "silver")), "Spend");
        foreach (double p in new[] { 0.1, 0.5, 0.9 })
            Assert.AreEqual(Quantile(rejected, p), Quantile(conditioned, p), 0.6, $"silver Spend's {p:P0} quantile: conditioned vs the model's silver rows");
    }

    [TestMethod]
    public void LatentNormalDrawsTheConditionalNormal()
    {
        // Σ with ρ(0,1) = 0.8, ρ(0,2) = −0.5, ρ(1,2) = −0.3; given z₀ = 1.5 the others are
        // N((1.2, −0.75), [[0.36, 0.1], [0.1, 0.75]]).
        double[] correlation = [1, 0.8, -0.5, 0.8, 1, -0.3, -0.5, -0.3, 1];
        using var normal = new LatentNormal(correlation, 3);
        using var scope = NewDisposeScope();
        using var generator = new TorchSharp.torch.Generator(11);
        var normals = randn([200_000, 3], dtype: ScalarType.Float64, generator: generator);
        var scores = normal.SampleGiven(0, full([200_000], 1.5, dtype: ScalarType.Float64), normals);
        Assert.IsTrue(scores.select(1, 0).eq(1.5).all().item<bool>(), "the given variable keeps its value");
        var others = scores.narrow(1, 1, 2);
        var mean = others.mean([0]).data<double>().ToArray();
        Assert.AreEqual(1.2, mean[0], 0.01);
        Assert.AreEqual(-0.75, mean[1], 0.01);
        var centered = others - others.mean([0], keepdim: true);
        var covariance = (centered.t().mm(centered) / 200_000).data<double>().ToArray();
        double[] expected = [0.36, 0.1, 0.1, 0.75];
        for (int i = 0; i < 4; i++)
            Assert.AreEqual(expected[i], covariance[i], 0.01, $"conditional covariance entry {i}");
        var unconditioned = normal.Sample(normals);
        var sample = (unconditioned.t().mm(unconditioned) / 200_000).data<double>().ToArray();
        for (int i = 0; i < 9; i++)
            Assert.AreEqual(correlation[i], sample[i], 0.01, $"unconditioned Σ entry {i}");
    }

    [TestMethod]
    public void ConditionsOnContinuousColumnsOrUnseenValuesAreRefusedByName()
    {
        var model = CopulaTestData.Model;
        var continuous = Assert.ThrowsExactly<ArgumentException>(() => model.SampleTable(10, condition: ("Spend", "30")));
        StringAssert.Contains(continuous.Message, "'Spend'");
        var unseen = Assert.ThrowsExactly<ArgumentException>(() => model.SampleTable(10, condition: ("Plan", "platinum")));
        StringAssert.Contains(unseen.Message, "platinum");
    }
}
