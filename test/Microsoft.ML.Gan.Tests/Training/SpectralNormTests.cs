using Microsoft.ML.Gan.Networks;
using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Tests.Training;

[TestClass]
public sealed class SpectralNormTests
{
    [TestMethod]
    public void PowerIterationDrivesTheLargestSingularValueToOne()
    {
        manual_seed(3);
        using var layer = new NormalizedLinear(16, 8);
        using var input = randn(4, 16);
        layer.train();
        for (int i = 0; i < 30; i++)
            layer.call(input).Dispose();

        // The layer is linear in its input: recover the effective weight from the identity and take its largest singular value.
        layer.eval();
        using var identity = eye(16);
        using var bias = layer.call(zeros(1, 16));
        using var effective = (layer.call(identity) - bias).t();
        using var singular = linalg.svdvals(effective);
        Assert.AreEqual(1.0, singular.max().item<float>(), 1e-3);
    }

    [TestMethod]
    public void EvalModeDoesNotAdvanceThePowerIteration()
    {
        manual_seed(3);
        using var layer = new NormalizedLinear(6, 5);
        layer.eval();
        using var input = randn(2, 6);
        using var first = layer.call(input);
        using var second = layer.call(input);
        Assert.IsTrue(first.equal(second).all().item<bool>());
    }
}
