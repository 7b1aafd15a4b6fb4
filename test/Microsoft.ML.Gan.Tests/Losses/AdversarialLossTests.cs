using Microsoft.ML.Gan.Losses;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Tests.Losses;

[TestClass]
public sealed class AdversarialLossTests
{
    private static float D(AdversarialLoss loss, float real, float fake, double realTarget = 1)
    {
        using var r = tensor(new[] { real });
        using var f = tensor(new[] { fake });
        using var value = AdversarialLosses.Discriminator(loss, r, f, realTarget);
        return value.item<float>();
    }

    private static float G(AdversarialLoss loss, float fake)
    {
        using var f = tensor(new[] { fake });
        using var value = AdversarialLosses.Generator(loss, f);
        return value.item<float>();
    }

    private static double Softplus(double x) => Math.Log(1 + Math.Exp(x));

    [TestMethod]
    public void ProbabilisticLossesMatchTheirFormulasOnLogits()
    {
        // −log σ(2) − log(1 − σ(−1)) = softplus(−2) + softplus(−1).
        Assert.AreEqual(Softplus(-2) + Softplus(-1), D(AdversarialLoss.NonSaturating, 2, -1), 1e-5);
        Assert.AreEqual(Softplus(-2) + Softplus(-1), D(AdversarialLoss.Minimax, 2, -1), 1e-5);
        Assert.AreEqual(Softplus(1), G(AdversarialLoss.NonSaturating, -1), 1e-5);
        Assert.AreEqual(-Softplus(-1), G(AdversarialLoss.Minimax, -1), 1e-5);
    }

    [TestMethod]
    public void LabelSmoothingChangesOnlyTheRealTarget()
    {
        // Target 0.9 for real: 0.9·softplus(−2) + 0.1·softplus(2), plus the fake term.
        double expected = 0.9 * Softplus(-2) + 0.1 * Softplus(2) + Softplus(-1);
        Assert.AreEqual(expected, D(AdversarialLoss.NonSaturating, 2, -1, realTarget: 0.9), 1e-5);
    }

    [TestMethod]
    public void WassersteinHingeAndLeastSquaresMatchTheirFormulas()
    {
        Assert.AreEqual(-1 - 2, D(AdversarialLoss.Wasserstein, 2, -1), 1e-6);
        Assert.AreEqual(1, G(AdversarialLoss.Wasserstein, -1), 1e-6);
        Assert.AreEqual(0 + 0, D(AdversarialLoss.Hinge, 2, -1), 1e-6);
        Assert.AreEqual(0.5 + 1.5, D(AdversarialLoss.Hinge, 0.5f, 0.5f), 1e-6);
        Assert.AreEqual(0.5 * (0.25 + 0.25), D(AdversarialLoss.LeastSquares, 0.5f, 0.5f), 1e-6);
        Assert.AreEqual(0.5 * 4, G(AdversarialLoss.LeastSquares, -1), 1e-6);
    }
}
