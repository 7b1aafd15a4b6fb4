using Microsoft.ML.Gan.Tabular.Data;

namespace Microsoft.ML.Gan.Tabular.Tests.Data;

[TestClass]
public sealed class VariationalGaussianMixtureTests
{
    private static readonly (double Weight, double Mean, double Deviation)[] ThreeModes = [(0.5, -5, 1), (0.3, 2, 0.5), (0.2, 10, 2)];

    [TestMethod]
    public void RecoversThreeModesAndDropsUnusedComponentsWhenRunToConvergence()
    {
        var values = Gaussian.Mixture(6000, seed: 1, ThreeModes);

        var mixture = VariationalGaussianMixture.Fit(values, new VariationalGaussianMixtureOptions { Seed = 3, MaxIterations = 1000 });

        Assert.IsTrue(mixture.Converged);
        Assert.HasCount(10, mixture.ComponentWeights);
        Assert.AreEqual(3, mixture.ModeCount, $"kept weights: {string.Join(", ", mixture.Weights)}");
        var modes = Enumerable.Range(0, 3).OrderBy(k => mixture.Means[k]).ToArray();
        for (int i = 0; i < 3; i++)
        {
            int k = modes[i];
            Assert.AreEqual(ThreeModes[i].Mean, mixture.Means[k], 0.1, $"mean of mode {i}");
            Assert.AreEqual(ThreeModes[i].Deviation, mixture.StandardDeviations[k], 0.1 * ThreeModes[i].Deviation, $"deviation of mode {i}");
            Assert.AreEqual(ThreeModes[i].Weight, mixture.Weights[k], 0.02, $"weight of mode {i}");
        }
    }

    [TestMethod]
    public void DefaultHundredIterationsKeepModesOnlyWhereTheDataIs()
    {
        var values = Gaussian.Mixture(6000, seed: 1, ThreeModes);

        var mixture = VariationalGaussianMixture.Fit(values, new VariationalGaussianMixtureOptions { Seed = 3 });

        Assert.AreEqual(100, mixture.Iterations);
        Assert.IsLessThan(10, mixture.ModeCount, "unused components are dropped");
        Assert.AreEqual(1.0, mixture.Weights.Sum(), 1e-12);
        foreach (var (weight, mean, deviation) in ThreeModes)
        {
            double nearby = Enumerable.Range(0, mixture.ModeCount)
                .Where(k => Math.Abs(mixture.Means[k] - mean) < 2 * deviation)
                .Sum(k => mixture.Weights[k]);
            Assert.AreEqual(weight, nearby, 0.02, $"weight of the modes near {mean}");
        }
    }

    [TestMethod]
    public void ResponsibilitiesFavourTheNearestModeAndSumToOne()
    {
        var values = Gaussian.Mixture(3000, seed: 2, (0.5, 0, 1), (0.5, 20, 1));
        var mixture = VariationalGaussianMixture.Fit(values, new VariationalGaussianMixtureOptions { MaxIterations = 1000 });
        var responsibilities = new double[mixture.ModeCount];

        mixture.GetResponsibilities(19.5, responsibilities);

        Assert.AreEqual(1.0, responsibilities.Sum(), 1e-12);
        int best = Array.IndexOf(responsibilities, responsibilities.Max());
        Assert.AreEqual(20, mixture.Means[best], 0.2);
        Assert.IsGreaterThan(0.999, responsibilities[best]);
    }

    [TestMethod]
    public void SameSeedGivesTheSameFit()
    {
        var values = Gaussian.Mixture(2000, seed: 5, (0.6, 0, 1), (0.4, 8, 2));

        var first = VariationalGaussianMixture.Fit(values, new VariationalGaussianMixtureOptions { Seed = 7 });
        var second = VariationalGaussianMixture.Fit(values, new VariationalGaussianMixtureOptions { Seed = 7 });

        CollectionAssert.AreEqual(first.ComponentWeights.ToArray(), second.ComponentWeights.ToArray());
        CollectionAssert.AreEqual(first.Means.ToArray(), second.Means.ToArray());
    }

    [TestMethod]
    public void RejectsNaNAndSingleValues()
    {
        var nan = Assert.ThrowsExactly<ArgumentException>(() => VariationalGaussianMixture.Fit([1.0, double.NaN, 2.0]));
        StringAssert.Contains(nan.Message, "finite");
        var single = Assert.ThrowsExactly<ArgumentException>(() => VariationalGaussianMixture.Fit([4.0, 4.0, 4.0]));
        StringAssert.Contains(single.Message, "two distinct values");
        var options = Assert.ThrowsExactly<ArgumentOutOfRangeException>(
            () => VariationalGaussianMixture.Fit([1.0, 2.0], new VariationalGaussianMixtureOptions { Components = 0 }));
        Assert.AreEqual("Components", options.ParamName);
    }
}
