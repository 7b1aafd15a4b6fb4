using Microsoft.ML.Gan.Tabular.Ctgan;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Tabular.Tests.Ctgan;

[TestClass]
public sealed class FoldedResidualGeneratorTests
{
    [TestMethod]
    public void GivesTheEvalNetworksOutputsForEveryCondition()
    {
        var architecture = new CtganArchitecture(8, [16, 12], 6, 5);
        using var network = CtganNetworks.CreateGenerator(architecture);
        manual_seed(3);
        using (no_grad())
        {
            // Running statistics and BatchNorm affine parameters far from their initial 0/1, so a wrong fold shows.
            foreach (var (name, buffer) in network.named_buffers())
            {
                if (name.EndsWith("running_mean", StringComparison.Ordinal))
                    buffer.copy_(randn(buffer.shape));
                else if (name.EndsWith("running_var", StringComparison.Ordinal))
                    buffer.copy_(rand(buffer.shape) + 0.5);
            }
            foreach (var (name, parameter) in network.named_parameters())
            {
                if (name.Contains(".bn.", StringComparison.Ordinal))
                    parameter.copy_(randn(parameter.shape));
            }
        }
        network.eval();
        using var folded = new FoldedResidualGenerator(network, architecture);
        using var scope = NewDisposeScope();
        var noise = randn(40, 8);
        var slots = arange(40, dtype: ScalarType.Int64) % 5;
        var oneHot = nn.functional.one_hot(slots, 5).to_type(ScalarType.Float32);
        using var noGrad = no_grad();
        var expected = network.call(cat([noise, oneHot], 1));
        var actual = folded.Forward(noise, slots);

        CollectionAssert.AreEqual(expected.shape, actual.shape);
        float worst = (expected - actual).abs().max().item<float>();
        Assert.IsTrue(worst < 1e-4f, $"the folded network differs from the network by {worst}");
        Assert.IsTrue(expected.abs().max().item<float>() > 0.1f, "the outputs are not trivially zero");
    }

    [TestMethod]
    public void WithoutAConditionalVectorUsesTheBiasAlone()
    {
        var architecture = new CtganArchitecture(8, [16], 6, 0);
        using var network = CtganNetworks.CreateGenerator(architecture);
        network.eval();
        using var folded = new FoldedResidualGenerator(network, architecture);
        using var scope = NewDisposeScope();
        manual_seed(4);
        var noise = randn(10, 8);
        using var noGrad = no_grad();
        float worst = (network.call(noise) - folded.Forward(noise, null)).abs().max().item<float>();
        Assert.IsTrue(worst < 1e-5f, $"the folded network differs from the network by {worst}");
    }
}
