using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Tabular.Ctgan;

/// <summary>
/// CTGAN's residual generator (<see cref="CtganNetworks.CreateGenerator"/>) in eval mode, rewritten for sampling:
/// each BatchNorm, with its running statistics, is folded into the preceding Linear; the conditional vector, a one-hot,
/// enters each layer as a looked-up row of that layer's weights (plus its bias) instead of a product with the one-hot;
/// and the features every layer passes on (its output next to its input) live in one buffer, laid out
/// [h_L−1 … h_1, h_0, noise], so each layer's input is a suffix of it and nothing is concatenated. The same function
/// as the network up to float rounding, with about a quarter fewer multiply-adds on adult (its 104 condition slots
/// are in every layer's input).
/// </summary>
internal sealed class FoldedResidualGenerator : IDisposable
{
    private readonly Layer[] _layers;     // the residual layers, then the output layer (no ReLU)
    private readonly long[] _offsets;     // per layer, where its input starts in the buffer (its output sits before)
    private readonly long _bufferWidth;
    private readonly long _noiseWidth;

    /// <param name="network">A generator built by <see cref="CtganNetworks.CreateGenerator"/> for <paramref name="architecture"/>.</param>
    /// <param name="architecture">Its shape (<see cref="GeneratorKind.CtganResidual"/>).</param>
    public FoldedResidualGenerator(nn.Module<Tensor, Tensor> network, CtganArchitecture architecture)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var state = network.state_dict();
        using Scalar epsilon = BatchNormEpsilon; // held: a temporary Scalar can be finalized during the native call
        int count = architecture.GeneratorLayers.Length;
        _noiseWidth = architecture.EmbeddingDimension;
        _bufferWidth = _noiseWidth + architecture.GeneratorLayers.Sum(w => (long)w);
        _offsets = new long[count + 1];
        _layers = new Layer[count + 1];
        long inputStart = _bufferWidth - _noiseWidth;
        for (int i = 0; i <= count; i++)
        {
            _offsets[i] = inputStart;
            bool output = i == count;
            string prefix = output ? "output." : $"residual{i}.fc.";
            var weight = state[prefix + "weight"];
            var bias = state[prefix + "bias"];
            if (!output)
            {
                // BatchNorm1d in eval: (x − mean) / √(var + ε) · γ + β, an affine map folded into the Linear.
                string bn = $"residual{i}.bn.";
                var scale = state[bn + "weight"] / (state[bn + "running_var"] + epsilon).sqrt();
                weight = weight * scale.unsqueeze(1);
                bias = (bias - state[bn + "running_mean"]) * scale + state[bn + "bias"];
            }
            long features = _bufferWidth - inputStart;
            _layers[i] = new Layer(
                weight.narrow(1, 0, features).t().contiguous().DetachFromDisposeScope(),
                (weight.narrow(1, features, weight.shape[1] - features).t() + bias.unsqueeze(0)).contiguous().DetachFromDisposeScope(),
                bias.contiguous().DetachFromDisposeScope(),
                !output);
            if (!output)
                inputStart -= architecture.GeneratorLayers[i];
        }
    }

    /// <summary>The default ε of TorchSharp's BatchNorm1d, which <see cref="ResidualLayer"/> uses.</summary>
    private const double BatchNormEpsilon = 1e-5;

    /// <summary>The raw outputs [rows, data width] for noise [rows, embedding] and each row's condition (a slot of the conditional vector, or null without one).</summary>
    public Tensor Forward(Tensor noise, Tensor? condition)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        long rows = noise.shape[0];
        var buffer = empty([rows, _bufferWidth], noise.dtype, noise.device);
        buffer.narrow(1, _bufferWidth - _noiseWidth, _noiseWidth).copy_(noise);
        Tensor result = null!;
        for (int i = 0; i < _layers.Length; i++)
        {
            var layer = _layers[i];
            var input = buffer.narrow(1, _offsets[i], _bufferWidth - _offsets[i]);
            var output = condition is null ? addmm(layer.Bias, input, layer.Weight, 1, 1) : layer.Condition.index_select(0, condition).addmm_(input, layer.Weight);
            if (!layer.Relu)
            {
                result = output;
                break;
            }
            long width = output.shape[1];
            buffer.narrow(1, _offsets[i] - width, width).copy_(output.relu_());
        }
        return result.MoveToOuterDisposeScope();
    }

    public void Dispose()
    {
        foreach (var layer in _layers)
        {
            layer.Weight.Dispose();
            layer.Condition.Dispose();
            layer.Bias.Dispose();
        }
    }

    /// <param name="Weight">[features, outputs]: the folded weights of the layer's dense input (earlier outputs and noise).</param>
    /// <param name="Condition">[condition slots, outputs]: the folded weights of each condition slot plus the folded bias.</param>
    /// <param name="Bias">[outputs]: the folded bias (used without a conditional vector).</param>
    /// <param name="Relu">Whether the layer is a residual block (ReLU, output kept) rather than the output layer.</param>
    private sealed record Layer(Tensor Weight, Tensor Condition, Tensor Bias, bool Relu);
}
