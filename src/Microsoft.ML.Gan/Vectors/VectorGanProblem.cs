using TorchSharp;
using Microsoft.ML.Gan.Networks;
using Microsoft.ML.Gan.Training;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Vectors;

/// <summary>The vector GAN as the engine sees it: standardized real rows, an MLP generator and an MLP critic.</summary>
internal sealed class VectorGanProblem : IAdversarialProblem, IDisposable
{
    private readonly VectorGanOptions _options;
    private readonly Tensor _data;
    private readonly Device _device;
    private readonly nn.Module<Tensor, Tensor> _generator;
    private readonly nn.Module<Tensor, Tensor> _discriminator;
    private readonly Func<Tensor, Tensor> _critic;

    /// <param name="options">Network shapes.</param>
    /// <param name="standardized">Real rows, already standardized, [rows, dimension] on <paramref name="device"/>.</param>
    /// <param name="device">Training device.</param>
    public VectorGanProblem(VectorGanOptions options, Tensor standardized, Device device)
    {
        _options = options;
        _data = standardized;
        _device = device;
        int dimension = (int)standardized.shape[1];
        _generator = VectorGanNetworks.CreateGenerator(options, dimension).to(device);
        _discriminator = VectorGanNetworks.CreateDiscriminator(options, dimension).to(device);
        _critic = Packing.Critic(_discriminator, options.Pac);
    }

    public nn.Module Generator => _generator;

    public nn.Module Discriminator => _discriminator;

    public long RowCount => _data.shape[0];

    public nn.Module CreateGeneratorReplica() =>
        VectorGanNetworks.CreateGenerator(_options, (int)_data.shape[1]).to(_device);

    public Tensor DiscriminatorLoss(AdversarialObjective objective, int batchSize)
    {
        var rows = randint(RowCount, batchSize, dtype: ScalarType.Int64, device: _device);
        var real = _data.index_select(0, rows);
        var fake = _generator.call(Noise(batchSize));
        return objective.Discriminator(_critic, real, fake, _options.Pac);
    }

    public Tensor GeneratorLoss(AdversarialObjective objective, int batchSize) =>
        objective.Generator(_critic(_generator.call(Noise(batchSize))));

    private Tensor Noise(int rows) => randn(rows, _options.LatentDimension, device: _device);

    public void Dispose()
    {
        _generator.Dispose();
        _discriminator.Dispose();
    }
}
