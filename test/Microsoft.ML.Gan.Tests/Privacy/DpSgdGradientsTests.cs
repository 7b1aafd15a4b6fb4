using Microsoft.ML.Gan.Privacy;
using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Tests.Privacy;

/// <summary>
/// The vectorized DP-SGD gradients against a naive loop that differentiates each sample alone: per-sample norms, the
/// clipped sum, the noise scale, and the layers it refuses.
/// </summary>
[TestClass]
public sealed class DpSgdGradientsTests
{
    private const int Samples = 6;

    private static nn.Module<Tensor, Tensor> TinyCritic() => nn.Sequential(
        ("l0", nn.Linear(5, 4)), ("a0", nn.LeakyReLU(0.2)), ("l1", nn.Linear(4, 3)), ("a1", nn.LeakyReLU(0.2)), ("out", nn.Linear(3, 1)));

    /// <summary>Sample i is a real row and a generated row: softplus(−D(xᵢ)) + softplus(D(yᵢ)).</summary>
    private static Tensor PairLoss(Func<Tensor, Tensor> critic, Tensor real, Tensor fake) =>
        (nn.functional.softplus(-critic(real)) + nn.functional.softplus(critic(fake))).sum();

    /// <summary>Each sample's full gradient, flattened, from its own backward pass.</summary>
    private static Tensor[] NaiveGradients(nn.Module<Tensor, Tensor> critic, Tensor real, Tensor fake)
    {
        var result = new Tensor[Samples];
        for (int i = 0; i < Samples; i++)
        {
            critic.zero_grad();
            PairLoss(critic.call, real.narrow(0, i, 1), fake.narrow(0, i, 1)).backward();
            result[i] = cat(critic.parameters().Select(p => p.grad!.flatten()).ToArray()).clone();
        }
        return result;
    }

    private static (Tensor Real, Tensor Fake) Batch()
    {
        var generator = new Generator(11);
        return (randn([Samples, 5], generator: generator) * 2, randn([Samples, 5], generator: generator));
    }

    [TestMethod]
    public void PerSampleNormsMatchANaiveLoopOverRows()
    {
        using var scope = NewDisposeScope();
        random.manual_seed(3);
        var critic = TinyCritic();
        var (real, fake) = Batch();
        var expected = NaiveGradients(critic, real, fake).Select(g => g.norm().item<float>()).ToArray();

        var dp = new DpSgdGradients(critic, 1.0, 0);
        var loss = PairLoss(dp.Forward, real, fake);
        var norms = dp.PerSampleNorms(loss).data<float>().ToArray();

        for (int i = 0; i < Samples; i++)
            Assert.AreEqual(expected[i], norms[i], 1e-4 * Math.Max(1, expected[i]), $"sample {i}");
        Assert.IsTrue(expected.Distinct().Count() == Samples, "the samples must differ for the check to mean anything");
    }

    [TestMethod]
    public void GradientIsTheSumOfPerSampleGradientsEachClippedToC()
    {
        using var scope = NewDisposeScope();
        random.manual_seed(4);
        var critic = TinyCritic();
        var (real, fake) = Batch();
        var naive = NaiveGradients(critic, real, fake);
        double clip = 0.5 * naive.Min(g => g.norm().item<float>());
        var clipped = naive.Select(g => g * Math.Min(1, clip / (g.norm().item<float>() + 1e-6))).ToArray();
        foreach (var g in clipped)
            Assert.IsTrue(g.norm().item<float>() <= clip * (1 + 1e-5), "each clipped sample is within C");
        var expected = stack(clipped).sum(dim: 0) / 4.0;

        critic.zero_grad();
        var dp = new DpSgdGradients(critic, clip, 0);
        dp.WriteGradients(PairLoss(dp.Forward, real, fake), expectedBatchSize: 4);
        var actual = cat(critic.parameters().Select(p => p.grad!.flatten()).ToArray());

        Assert.IsTrue(allclose(actual, expected, rtol: 1e-4, atol: 1e-6),
            $"max difference {(actual - expected).abs().max().item<float>()}");
        Assert.IsTrue(actual.norm().item<float>() <= Samples * clip / 4.0 * (1 + 1e-5), "the sum of clipped gradients is bounded by B·C");
    }

    [TestMethod]
    public void NoiseHasStandardDeviationSigmaTimesCOverTheBatchSize()
    {
        using var scope = NewDisposeScope();
        random.manual_seed(5);
        var critic = nn.Sequential(("l0", nn.Linear(100, 50)), ("a0", nn.ReLU()), ("out", nn.Linear(50, 1)));
        var dp = new DpSgdGradients(critic, maxGradNorm: 0.5, noiseMultiplier: 3.0);
        var output = dp.Forward(randn(8, 100));
        dp.WriteGradients(output.sum() * 0, expectedBatchSize: 2);
        var noise = cat(critic.parameters().Select(p => p.grad!.flatten()).ToArray());

        double expected = 3.0 * 0.5 / 2;
        long count = noise.shape[0];
        double std = noise.std().item<float>();
        double mean = noise.mean().item<float>();
        // 5151 draws: the sample std is within ±3·σ/√(2n) ≈ ±3 % of σ, the mean within ±3·σ/√n.
        Assert.AreEqual(expected, std, 3 * expected / Math.Sqrt(2.0 * count));
        Assert.AreEqual(0, mean, 3 * expected / Math.Sqrt(count));
    }

    [TestMethod]
    public void RefusesLayersThatMixRowsAndBadArguments()
    {
        var withNorm = nn.Sequential(("l0", nn.Linear(3, 3)), ("n0", nn.BatchNorm1d(3)), ("out", nn.Linear(3, 1)));
        var error = Assert.ThrowsExactly<ArgumentException>(() => new DpSgdGradients(withNorm, 1, 1));
        StringAssert.Contains(error.Message, "BatchNorm1d");
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new DpSgdGradients(TinyCritic(), 0, 1));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new DpSgdGradients(TinyCritic(), 1, -1));
        Assert.ThrowsExactly<ArgumentException>(() => new DpSgdGradients(nn.Linear(3, 1), 1, 1));
    }
}
