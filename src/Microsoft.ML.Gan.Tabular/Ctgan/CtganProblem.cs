using Microsoft.ML.Gan.Networks;
using Microsoft.ML.Gan.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Tabular.Ctgan;

/// <summary>
/// CTGAN as the training engine sees it. Discriminator step: conditions and matching real rows from
/// training-by-sampling, generated rows for the same conditions, the PacGAN critic on (row ⊕ conditional vector),
/// WGAN-GP per pack. Generator step: the adversarial loss plus the cross-entropy of the conditioned span.
/// </summary>
internal sealed class CtganProblem : IAdversarialProblem, IDisposable
{
    private readonly CtganOptions _options;
    private readonly CtganArchitecture _architecture;
    private readonly Tensor _data;
    private readonly Device _device;
    private readonly ConditionalSampler? _sampler;
    private readonly SpanActivation _activation;
    private readonly nn.Module<Tensor, Tensor> _generator;
    private readonly nn.Module<Tensor, Tensor> _discriminator;
    private readonly Func<Tensor, Tensor> _critic;

    /// <param name="options">Training options.</param>
    /// <param name="architecture">The generator's shape.</param>
    /// <param name="data">Encoded training rows [rows, width] on <paramref name="device"/>; the problem owns it.</param>
    /// <param name="sampler">Training-by-sampling, or null when the table has no discrete column.</param>
    /// <param name="activation">Span-wise activations.</param>
    /// <param name="device">Training device.</param>
    public CtganProblem(CtganOptions options, CtganArchitecture architecture, Tensor data, ConditionalSampler? sampler,
        SpanActivation activation, Device device)
    {
        _options = options;
        _architecture = architecture;
        _data = data;
        _device = device;
        _sampler = sampler;
        _activation = activation;
        _generator = CtganNetworks.CreateGenerator(architecture).to(device);
        _discriminator = CtganNetworks.CreateDiscriminator(architecture, options.Pac, options.DiscriminatorLayers, options.DiscriminatorDropout).to(device);
        _critic = Packing.Critic(_discriminator, options.Pac);
    }

    public nn.Module Generator => _generator;

    public nn.Module Discriminator => _discriminator;

    public long RowCount => _data.shape[0];

    public nn.Module CreateGeneratorReplica() => CtganNetworks.CreateGenerator(_architecture).to(_device);

    public Tensor DiscriminatorLoss(AdversarialObjective objective, int batchSize)
    {
        Tensor real, condition;
        if (_sampler is null)
        {
            real = _data.index_select(0, randint(RowCount, [batchSize], dtype: ScalarType.Int64, device: _device));
            condition = empty(batchSize, 0, device: _device);
        }
        else
        {
            var (_, category, rows) = _sampler.Sample(batchSize);
            real = _data.index_select(0, rows);
            condition = _sampler.OneHot(category);
        }
        // The critic's loss does not reach the generator: no graph for its forward pass.
        Tensor fake;
        using (no_grad())
            fake = _activation.Activate(Generate(condition, batchSize), _options.GumbelTemperature);
        return objective.Discriminator(_critic, cat([real, condition], 1), cat([fake, condition], 1), _options.Pac);
    }

    public Tensor GeneratorLoss(AdversarialObjective objective, int batchSize)
    {
        if (_sampler is null)
        {
            var condition = empty(batchSize, 0, device: _device);
            var fake = _activation.Activate(Generate(condition, batchSize), _options.GumbelTemperature);
            return objective.Generator(_critic(cat([fake, condition], 1)));
        }
        var (column, category) = _sampler.SampleConditions(batchSize);
        var vectors = _sampler.OneHot(category);
        var raw = Generate(vectors, batchSize);
        var adversarial = objective.Generator(_critic(cat([_activation.Activate(raw, _options.GumbelTemperature), vectors], 1)));
        return adversarial + _activation.ConditionLoss(raw, column, category);
    }

    private Tensor Generate(Tensor condition, int batchSize) =>
        _generator.call(cat([randn(batchSize, _architecture.EmbeddingDimension, device: _device), condition], 1));

    public void Dispose()
    {
        _generator.Dispose();
        _discriminator.Dispose();
        _data.Dispose();
    }
}
