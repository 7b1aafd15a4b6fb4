using Microsoft.ML.Gan.Networks;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Images.Tests;

[TestClass]
public sealed class NormalizedConv2dTests
{
    [TestMethod]
    public void ConvolutionIsDividedByTheLargestSingularValueOfItsWeight()
    {
        random.manual_seed(4);
        using var layer = new NormalizedConv2d(3, 8, (4, 4), stride: 2, padding: 1, bias: false);
        using var x = randn(2, 3, 16, 16);
        for (int i = 0; i < 50; i++)
            layer.call(x).Dispose(); // power iteration advances in training mode

        using var scope = NewDisposeScope();
        var weight = layer.Convolution.weight!;
        double sigma = linalg.svdvals(weight.reshape(8, -1))[0].item<float>();
        var raw = nn.functional.conv2d(x, weight, strides: new long[] { 2, 2 }, padding: new long[] { 1, 1 });
        var normalized = layer.call(x);
        CollectionAssert.AreEqual(raw.shape, normalized.shape);
        Assert.AreEqual(sigma, (raw.norm() / normalized.norm()).item<float>(), sigma * 1e-3);
    }
}
