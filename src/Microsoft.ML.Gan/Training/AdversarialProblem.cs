namespace Microsoft.ML.Gan.Training;

/// <summary>
/// The part of an <see cref="IAdversarialProblem"/> every family has alike: the two networks, created in a fixed order
/// on the training device and disposed with the problem, the replica for the EMA copy, and a random batch of row
/// indices. A family adds its data and its two losses.
/// </summary>
/// <typeparam name="TGenerator">The generator's module type.</typeparam>
/// <typeparam name="TDiscriminator">The discriminator's module type.</typeparam>
internal abstract class AdversarialProblem<TGenerator, TDiscriminator> : IAdversarialProblem, IDisposable
    where TGenerator : nn.Module
    where TDiscriminator : nn.Module
{
    private readonly Func<TGenerator> _createGenerator;

    /// <summary>
    /// Creates the generator, then the discriminator (in this order: both draw their initial weights from torch's
    /// default generator), and moves both to <paramref name="device"/>.
    /// </summary>
    /// <param name="rowCount">Real rows available (see <see cref="IAdversarialProblem.RowCount"/>).</param>
    /// <param name="device">Training device.</param>
    /// <param name="createGenerator">A new generator (also the EMA replica's).</param>
    /// <param name="createDiscriminator">A new discriminator.</param>
    protected AdversarialProblem(long rowCount, Device device, Func<TGenerator> createGenerator, Func<TDiscriminator> createDiscriminator)
    {
        RowCount = rowCount;
        Device = device;
        _createGenerator = createGenerator;
        GeneratorNetwork = createGenerator().to(device);
        DiscriminatorNetwork = createDiscriminator().to(device);
    }

    /// <summary>The generator, typed.</summary>
    public TGenerator GeneratorNetwork { get; }

    /// <summary>The discriminator, typed.</summary>
    protected TDiscriminator DiscriminatorNetwork { get; }

    /// <summary>The training device.</summary>
    protected Device Device { get; }

    /// <inheritdoc />
    public nn.Module Generator => GeneratorNetwork;

    /// <inheritdoc />
    public nn.Module Discriminator => DiscriminatorNetwork;

    /// <inheritdoc />
    public long RowCount { get; }

    /// <inheritdoc />
    public nn.Module CreateGeneratorReplica() => _createGenerator().to(Device);

    /// <inheritdoc />
    public abstract Tensor DiscriminatorLoss(AdversarialObjective objective, int batchSize);

    /// <inheritdoc />
    public abstract Tensor GeneratorLoss(AdversarialObjective objective, int batchSize);

    /// <summary><paramref name="count"/> row indices in [0, <see cref="RowCount"/>), drawn on the training device.</summary>
    protected Tensor RandomRows(long count) => randint(RowCount, count, dtype: ScalarType.Int64, device: Device);

    /// <summary>Disposes both networks.</summary>
    public virtual void Dispose()
    {
        GeneratorNetwork.Dispose();
        DiscriminatorNetwork.Dispose();
    }
}
