using Microsoft.ML.Gan.Images.StyleGan;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Images.Tests;

/// <summary>The StyleGAN building blocks on their own: modulated convolution, minibatch standard deviation, mapping.</summary>
[TestClass]
public sealed class StyleGanNetworkTests
{
    [TestMethod]
    public void ModulatedConvolutionKeepsShapesAndDemodulatesToUnitVariance()
    {
        using var scope = NewDisposeScope();
        random.manual_seed(11);
        using var demodulated = new ModulatedConv2d(64, 32, 3, styleDimension: 16, demodulate: true, upsample: false);
        using var upsampling = new ModulatedConv2d(64, 32, 3, styleDimension: 16, demodulate: true, upsample: true);
        using var plain = new ModulatedConv2d(64, 32, 3, styleDimension: 16, demodulate: false, upsample: false);
        using var noGrad = no_grad();
        var input = randn(16, 64, 12, 12);
        // Styles far from the identity, so that without demodulation the output scale drifts.
        var style = randn(16, 16) * 3;

        var output = demodulated.call(input, style);
        CollectionAssert.AreEqual(new long[] { 16, 32, 12, 12 }, output.shape);
        CollectionAssert.AreEqual(new long[] { 16, 32, 24, 24 }, upsampling.call(input, style).shape);
        // Border pixels see zero padding; the interior has the full receptive field.
        var interior = output.narrow(2, 1, 10).narrow(3, 1, 10);
        double variance = interior.var().item<float>();
        Assert.IsTrue(Math.Abs(variance - 1) < 0.1, $"demodulated output variance {variance:F3} should be 1 for unit-variance input");
        var perSampleVariance = interior.reshape(16, -1).var(1);
        Assert.IsTrue(perSampleVariance.min().item<float>() > 0.75 && perSampleVariance.max().item<float>() < 1.25,
            "every sample keeps unit variance whatever its style");

        double plainVariance = plain.call(input, style).narrow(2, 1, 10).narrow(3, 1, 10).var().item<float>();
        Assert.IsTrue(Math.Abs(plainVariance - 1) > 0.5, $"without demodulation the style scales the output (variance {plainVariance:F2})");
    }

    [TestMethod]
    public void ModulatedConvolutionEqualsAGroupedConvolutionWithPerSampleDemodulatedWeights()
    {
        using var scope = NewDisposeScope();
        random.manual_seed(3);
        using var conv = new ModulatedConv2d(4, 5, 3, styleDimension: 6, demodulate: true, upsample: false);
        using var noGrad = no_grad();
        var input = randn(3, 4, 8, 8);
        var style = randn(3, 6);
        var parameters = conv.named_parameters().ToDictionary(p => p.name, p => (Tensor)p.parameter);

        // The paper's definition: per-sample weights w' = s·w, demodulated, applied with groups = batch.
        var scales = nn.functional.linear(style, parameters["affine.weight"] / Math.Sqrt(6), parameters["affine.bias"]);
        var weights = (parameters["weight"] / Math.Sqrt(4 * 9)).unsqueeze(0) * scales.view(3, 1, 4, 1, 1);
        weights = weights / (weights.square().sum(new long[] { 2, 3, 4 }, keepdim: true) + 1e-8).sqrt();
        var expected = nn.functional.conv2d(input.reshape(1, 12, 8, 8), weights.reshape(15, 4, 3, 3), padding: new long[] { 1, 1 }, groups: 3)
            .reshape(3, 5, 8, 8);

        Assert.IsTrue(conv.call(input, style).allclose(expected, rtol: 1e-4, atol: 1e-5));
    }

    [TestMethod]
    public void MinibatchStdDevAppendsTheGroupDeviation()
    {
        using var scope = NewDisposeScope();
        using var layer = new MinibatchStdDev(4);
        var same = ones(4, 3, 2, 2);
        var output = layer.call(same);
        CollectionAssert.AreEqual(new long[] { 4, 4, 2, 2 }, output.shape);
        Assert.IsTrue(output.select(1, 3).max().item<float>() < 1e-3, "identical samples have no deviation");

        var varied = cat(new[] { zeros(2, 3, 2, 2), full(2, 3, 2, 2, 2f) }, 0);
        // Groups of 4 hold samples {0, 1, 2, 3}: values 0, 0, 2, 2 → standard deviation 1.
        Assert.AreEqual(1.0, layer.call(varied).select(1, 3).mean().item<float>(), 1e-3);
        Assert.AreEqual(7, layer.call(randn(6, 3, 2, 2)).shape[1] + 3, "a batch of 6 uses groups of 3 and still works");
    }
}
