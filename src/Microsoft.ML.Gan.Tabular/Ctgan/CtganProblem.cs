using Microsoft.ML.Gan.Networks;

namespace Microsoft.ML.Gan.Tabular.Ctgan;

/// <summary>
/// CTGAN as the training engine sees it. Discriminator step: conditions and matching real rows from
/// training-by-sampling, generated rows for the same conditions, the PacGAN critic on (row ⊕ conditional vector),
/// WGAN-GP per pack. Generator step: the adversarial loss plus the cross-entropy of the conditioned span, plus, for
/// target-aware CTGAN, the auxiliary classifier's or regressor's loss on the generated rows.
/// </summary>
internal class CtganProblem : IAdversarialProblem, IDisposable
{
    private readonly CtganArchitecture _architecture;
    private readonly nn.Module<Tensor, Tensor> _generator;
    private readonly nn.Module<Tensor, Tensor> _discriminator;
    private readonly Func<Tensor, Tensor> _critic;
    private readonly AuxiliaryPredictor? _auxiliary;

    /// <param name="options">Training options.</param>
    /// <param name="architecture">The generator's shape.</param>
    /// <param name="data">Encoded training rows; each batch's float rows are built from them on <paramref name="device"/>.</param>
    /// <param name="sampler">Training-by-sampling, or null when the table has no discrete column.</param>
    /// <param name="activation">Span-wise activations.</param>
    /// <param name="device">Training device.</param>
    /// <param name="auxiliary">The label's auxiliary classifier or regressor (target-aware CTGAN), or null; not owned.</param>
    public CtganProblem(CtganOptions options, CtganArchitecture architecture, EncodedTable data, ConditionalSampler? sampler,
        SpanActivation activation, Device device, AuxiliaryPredictor? auxiliary = null)
    {
        _auxiliary = auxiliary;
        Options = options;
        _architecture = architecture;
        Data = data;
        Device = device;
        Sampler = sampler;
        Activation = activation;
        _generator = CtganNetworks.CreateGenerator(architecture).to(device);
        _discriminator = CtganNetworks.CreateDiscriminator(architecture, options.Pac, options.DiscriminatorLayers, options.DiscriminatorDropout).to(device);
        _critic = Packing.Critic(_discriminator, options.Pac);
    }

    private protected CtganOptions Options { get; }

    /// <summary>Encoded training rows.</summary>
    private protected EncodedTable Data { get; }

    private protected Device Device { get; }

    private protected ConditionalSampler? Sampler { get; }

    private protected SpanActivation Activation { get; }

    private protected nn.Module<Tensor, Tensor> Critic => _discriminator;

    public nn.Module Generator => _generator;

    public nn.Module Discriminator => _discriminator;

    public virtual long RowCount => Data.RowCount;

    public nn.Module CreateGeneratorReplica() => CtganNetworks.CreateGenerator(_architecture).to(Device);

    public Tensor DiscriminatorLoss(AdversarialObjective objective, int batchSize)
    {
        Tensor real, condition;
        if (Sampler is null)
        {
            real = Data.Gather(randint(Data.RowCount, [batchSize], dtype: ScalarType.Int64, device: Device), Device);
            condition = empty(batchSize, 0, device: Device);
        }
        else
        {
            var (_, category, rows) = Sampler.Sample(batchSize);
            real = Data.Gather(rows, Device);
            condition = Sampler.OneHot(category);
        }
        // The critic's loss does not reach the generator: no graph for its forward pass.
        Tensor fake;
        using (no_grad())
            fake = Activation.Activate(Generate(condition, batchSize), Options.GumbelTemperature);
        return objective.Discriminator(_critic, cat([real, condition], 1), cat([fake, condition], 1), Options.Pac);
    }

    public Tensor GeneratorLoss(AdversarialObjective objective, int batchSize)
    {
        if (Sampler is null)
        {
            var condition = empty(batchSize, 0, device: Device);
            var fake = Activation.Activate(Generate(condition, batchSize), Options.GumbelTemperature);
            return objective.Generator(_critic(cat([fake, condition], 1)));
        }
        var (column, category) = Sampler.SampleConditions(batchSize);
        var vectors = Sampler.OneHot(category);
        var raw = Generate(vectors, batchSize);
        var rows = Activation.Activate(raw, Options.GumbelTemperature);
        var loss = objective.Generator(_critic(cat([rows, vectors], 1))) + Activation.ConditionLoss(raw, column, category);
        return _auxiliary is null ? loss : loss + _auxiliary.Loss(rows);
    }

    /// <summary>Raw generator outputs for the conditions; the input noise comes from <paramref name="noise"/> (null: torch's default generator).</summary>
    private protected Tensor Generate(Tensor condition, int batchSize, Generator? noise = null) =>
        _generator.call(cat([randn([batchSize, _architecture.EmbeddingDimension], device: Device, generator: noise), condition], 1));

    public virtual void Dispose()
    {
        _generator.Dispose();
        _discriminator.Dispose();
    }
}
