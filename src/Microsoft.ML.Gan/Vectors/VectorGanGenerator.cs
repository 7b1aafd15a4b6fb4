using Microsoft.ML.Gan.Persistence;
using Microsoft.ML.Gan.Torch;

namespace Microsoft.ML.Gan.Vectors;

/// <summary>
/// A fitted vector generator: noise z ~ N(0, I) drawn from a generator seeded per block (or per row), the MLP, and
/// the inverse of the standardization applied to the training data.
/// </summary>
internal sealed class VectorGanGenerator : IRowGenerator
{
    private readonly nn.Module<Tensor, Tensor> _network;
    private readonly Device _device;
    private readonly Tensor _mean;
    private readonly Tensor _scale;

    public VectorGanGenerator(VectorGanArchitecture architecture, nn.Module<Tensor, Tensor> network, Device device)
    {
        Architecture = architecture;
        _network = network;
        _network.eval();
        _device = device;
        _mean = tensor(architecture.Mean, device: device);
        _scale = tensor(architecture.Scale, device: device);
    }

    public VectorGanArchitecture Architecture { get; }

    public nn.Module<Tensor, Tensor> Network => _network;

    public int OutputLength => Architecture.Dimension;

    public void GenerateBlock(long seed, long blockIndex, Span<float> destination) =>
        Generate(NoiseSeeds.ForBlock(seed, blockIndex), GanRowStream.BlockSize, destination);

    public void GenerateFromSeed(long rowSeed, Span<float> destination) =>
        Generate(NoiseSeeds.ForRow(rowSeed), 1, destination);

    private void Generate(long noiseSeed, int rows, Span<float> destination)
    {
        using var scope = NewDisposeScope();
        using var noiseGenerator = new Generator((ulong)noiseSeed, CPU);
        using var noGrad = no_grad();
        // Noise is drawn on the CPU so that the same seed gives the same rows on every device.
        var noise = randn(new long[] { rows, Architecture.LatentDimension }, generator: noiseGenerator).to(_device);
        var rowsOut = (_network.call(noise) * _scale + _mean).to(CPU).contiguous();
        TensorCopy.CopyTo(rowsOut, destination);
    }

    public void Dispose()
    {
        _network.Dispose();
        _mean.Dispose();
        _scale.Dispose();
    }
}
