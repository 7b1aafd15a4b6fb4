using Microsoft.ML.Gan.Penalties;
using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Tests.Losses;

[TestClass]
public sealed class PenaltyTests
{
    [TestMethod]
    public void GradientPenaltyOfLinearCriticIsWeightTimesSquaredNormExcess()
    {
        // D(x) = w·x has gradient w everywhere, so the penalty is λ(‖w‖ − 1)² = 10·(5 − 1)² = 160.
        using var weight = tensor(new float[] { 3, 4 });
        using var real = randn(16, 2);
        using var fake = randn(16, 2);
        using var penalty = GradientPenalties.Interpolated(x => (x * weight).sum(1), real, fake, weight: 10);
        Assert.AreEqual(160f, penalty.item<float>(), 1e-3f);
    }

    [TestMethod]
    public void GradientPenaltyOnPackedCriticTakesOneNormPerPack()
    {
        // Packs of 2 rows: the gradient of w·x over a pack of two 2-D rows is (w, w), norm 5·√2.
        using var weight = tensor(new float[] { 3, 4 });
        using var real = randn(8, 2);
        using var fake = randn(8, 2);
        Func<Tensor, Tensor> critic = x => (x.reshape(-1, 2, 2) * weight).sum(new long[] { 1, 2 });
        using var penalty = GradientPenalties.Interpolated(critic, real, fake, weight: 1, groupSize: 2);
        double expected = Math.Pow(5 * Math.Sqrt(2) - 1, 2);
        Assert.AreEqual(expected, penalty.item<float>(), 1e-3);
    }

    [TestMethod]
    public void GradientPenaltyIsDifferentiableInCriticWeights()
    {
        using var weight = tensor(new float[] { 3, 4 }).requires_grad_(true);
        using var real = randn(4, 2);
        using var fake = randn(4, 2);
        using var penalty = GradientPenalties.Interpolated(x => (x * weight).sum(1), real, fake, weight: 10);
        penalty.backward();
        // d/dw λ(‖w‖ − 1)² = 2λ(‖w‖ − 1)·w/‖w‖ = 2·10·4·(0.6, 0.8) = (48, 64).
        var gradient = weight.grad!.data<float>().ToArray();
        Assert.AreEqual(48f, gradient[0], 1e-2f);
        Assert.AreEqual(64f, gradient[1], 1e-2f);
    }

    [TestMethod]
    public void R1PenaltyIsHalfGammaTimesSquaredGradientNorm()
    {
        using var weight = tensor(new float[] { 3, 4 });
        using var real = randn(8, 2);
        using var penalty = GradientPenalties.R1(x => (x * weight).sum(1), real, gamma: 2);
        Assert.AreEqual(25f, penalty.item<float>(), 1e-3f);
    }
}
