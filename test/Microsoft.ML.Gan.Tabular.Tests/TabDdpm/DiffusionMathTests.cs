using Microsoft.ML.Gan.Tabular.TabDdpm;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Tabular.Tests.TabDdpm;

/// <summary>The forward processes against their closed forms, the multinomial posterior against Bayes' rule, the samplers' timesteps.</summary>
[TestClass]
public sealed class DiffusionMathTests
{
    [TestMethod]
    [DataRow(NoiseSchedule.Cosine)]
    [DataRow(NoiseSchedule.Linear)]
    public void GaussianForwardChainMatchesTheClosedFormMarginal(NoiseSchedule kind)
    {
        var schedule = DiffusionSchedule.Create(kind, 200);
        using var scope = NewDisposeScope();
        manual_seed(3);
        var x = full([200_000], 2.0, dtype: ScalarType.Float64);
        foreach (int t in new[] { 0, 49, 149 })
        {
            var chain = x.clone();
            for (int step = 0; step <= t; step++)
                chain = Math.Sqrt(1 - schedule.Betas[step]) * chain + Math.Sqrt(schedule.Betas[step]) * randn_like(chain);
            double mean = chain.mean().item<double>(), variance = chain.var().item<double>();
            double expectedMean = 2 * Math.Sqrt(schedule.AlphaBars[t]), expectedVariance = 1 - schedule.AlphaBars[t];
            Assert.AreEqual(expectedMean, mean, 0.01, $"Mean after step {t}.");
            Assert.AreEqual(expectedVariance, variance, 0.01 + 0.02 * expectedVariance, $"Variance after step {t}.");
        }
        Assert.IsTrue(schedule.AlphaBars.Zip(schedule.AlphaBars.Skip(1)).All(p => p.Second < p.First), "ᾱ must decrease.");
        Assert.IsTrue(schedule.AlphaBars[^1] < 0.01, $"The last step must be close to pure noise; ᾱ = {schedule.AlphaBars[^1]:G3}.");
    }

    [TestMethod]
    public void MultinomialForwardChainMatchesTheClosedFormMarginal()
    {
        var schedule = DiffusionSchedule.Create(NoiseSchedule.Cosine, 100);
        using var scope = NewDisposeScope();
        using var diffusion = new MultinomialDiffusion([(0, 3), (3, 5)], CPU);
        var x0 = tensor(new float[] { 0, 1, 0, 0, 0, 0, 0, 1 }, [1, 8]);
        var logChain = MultinomialDiffusion.LogOneHot(x0);
        for (int t = 0; t < 60; t++)
            logChain = diffusion.Mix(logChain, Scalar(Math.Log(1 - schedule.Betas[t])), Scalar(Math.Log(schedule.Betas[t])));
        var closed = diffusion.Mix(MultinomialDiffusion.LogOneHot(x0), Scalar(Math.Log(schedule.AlphaBars[59])), Scalar(Math.Log(1 - schedule.AlphaBars[59])));
        var difference = (logChain.exp() - closed.exp()).abs().max().item<float>();
        Assert.IsTrue(difference < 1e-5, $"Sixty one-step transitions must equal q(x₆₀ | x₀); largest difference {difference:G3}.");
    }

    [TestMethod]
    public void MultinomialPosteriorIsBayesRuleAndSumsToOnePerFeature()
    {
        var schedule = DiffusionSchedule.Create(NoiseSchedule.Cosine, 50);
        using var scope = NewDisposeScope();
        using var diffusion = new MultinomialDiffusion([(0, 4), (4, 2)], CPU);
        // A soft x₀ prediction, xₜ a one-hot; t = 30, s = 20 (the skipping posterior) and s = 29 (one step).
        var x0 = tensor(new float[] { 0.1f, 0.6f, 0.2f, 0.1f, 0.7f, 0.3f }, [1, 6]);
        var xt = tensor(new float[] { 0, 0, 1, 0, 1, 0 }, [1, 6]);
        foreach (int s in new[] { 20, 29 })
        {
            double alphaBarT = schedule.AlphaBars[30], alphaBarS = schedule.AlphaBars[s], gap = alphaBarT / alphaBarS;
            var posterior = diffusion.Posterior(x0.log(), MultinomialDiffusion.LogOneHot(xt), (Scalar(Math.Log(gap)), Scalar(Math.Log(1 - gap))),
                (Scalar(Math.Log(alphaBarS)), Scalar(Math.Log(1 - alphaBarS)))).exp();
            float[] p = posterior.data<float>().ToArray();
            Assert.AreEqual(1, p[..4].Sum(), 1e-5, "The first feature's posterior must sum to 1.");
            Assert.AreEqual(1, p[4..].Sum(), 1e-5, "The second feature's posterior must sum to 1.");
            float[] x0Values = x0.data<float>().ToArray(), xtValues = xt.data<float>().ToArray();
            foreach (var (start, k) in new[] { (0, 4), (4, 2) })
            {
                // Bayes: q(x_s = j | xₜ, x₀) ∝ q(xₜ | x_s = j) · q(x_s = j | x₀).
                var unnormalized = Enumerable.Range(0, k).Select(j =>
                    (gap * xtValues[start + j] + (1 - gap) / k) * (alphaBarS * x0Values[start + j] + (1 - alphaBarS) / k)).ToArray();
                double total = unnormalized.Sum();
                for (int j = 0; j < k; j++)
                    Assert.AreEqual(unnormalized[j] / total, p[start + j], 1e-5, $"s = {s}, feature at {start}, category {j}.");
            }
        }
    }

    [TestMethod]
    public void SamplersVisitDescendingDistinctTimesteps()
    {
        var schedule = DiffusionSchedule.Create(NoiseSchedule.Cosine, 1000);
        CollectionAssert.AreEqual(Enumerable.Range(0, 1000).Reverse().ToArray(), schedule.SamplingTimesteps(1000));
        int[] fast = schedule.SamplingTimesteps(50);
        Assert.AreEqual(50, fast.Length);
        Assert.AreEqual(999, fast[0]);
        Assert.AreEqual(0, fast[^1]);
        Assert.IsTrue(fast.Zip(fast.Skip(1)).All(p => p.First > p.Second), "Timesteps must strictly decrease.");
    }

    [TestMethod]
    public void TimestepEmbeddingIsSinusoidal()
    {
        using var scope = NewDisposeScope();
        var embedding = TabDdpmDenoiser.TimestepEmbedding(tensor(new float[] { 0, 10 }), 8);
        float[] values = embedding.data<float>().ToArray();
        CollectionAssert.AreEqual(new float[] { 1, 1, 1, 1, 0, 0, 0, 0 }, values[..8]);
        Assert.AreEqual(Math.Cos(10), values[8], 1e-5);
        Assert.AreEqual(Math.Sin(10 * Math.Pow(10000, -0.25)), values[13], 1e-5);
    }

    private static Tensor Scalar(double value) => tensor((float)value);
}
