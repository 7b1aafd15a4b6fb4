using Microsoft.ML.Gan.Networks;
using Microsoft.ML.Gan.Training;

namespace Microsoft.ML.Gan.Vectors;

/// <summary>The vector GAN as the engine sees it: standardized real rows, an MLP generator and an MLP critic.</summary>
internal sealed class VectorGanProblem : AdversarialProblem<nn.Module<Tensor, Tensor>, nn.Module<Tensor, Tensor>>
{
    private readonly VectorGanOptions _options;
    private readonly Tensor _data;
    private readonly Func<Tensor, Tensor> _critic;

    /// <param name="options">Network shapes.</param>
    /// <param name="standardized">Real rows, already standardized, [rows, dimension] on <paramref name="device"/>.</param>
    /// <param name="device">Training device.</param>
    public VectorGanProblem(VectorGanOptions options, Tensor standardized, Device device)
        : base(standardized.shape[0], device, () => VectorGanNetworks.CreateGenerator(options, (int)standardized.shape[1]),
            () => VectorGanNetworks.CreateDiscriminator(options, (int)standardized.shape[1]))
    {
        _options = options;
        _data = standardized;
        _critic = Packing.Critic(DiscriminatorNetwork, options.Pac);
    }

    public override Tensor DiscriminatorLoss(AdversarialObjective objective, int batchSize)
    {
        var real = _data.index_select(0, RandomRows(batchSize));
        var fake = GeneratorNetwork.call(Noise(batchSize));
        return objective.Discriminator(_critic, real, fake, _options.Pac);
    }

    public override Tensor GeneratorLoss(AdversarialObjective objective, int batchSize) =>
        objective.Generator(_critic(GeneratorNetwork.call(Noise(batchSize))));

    private Tensor Noise(int rows) => randn(rows, _options.LatentDimension, device: Device);
}
