namespace Microsoft.ML.Gan.Images;

/// <summary>
/// The descriptor of one image family: the payload names it writes, how a payload body becomes its fitted generator
/// again, and the typed transformer that wraps that generator. <see cref="ImageFamilies"/> registers every descriptor
/// with the core and rebuilds typed models from saved ones; a family's folder holds its descriptor.
/// </summary>
/// <remarks>
/// Body versions (<see cref="VersionedBody"/>): 1, the raw fields of the first releases; 2, the same fields behind the
/// version header. Every image family shares the layout (network record, pixel range, then the family's weights and
/// settings) and moves in step; a new layout gets the next version and its own branch in
/// <see cref="ImageFamily{TGenerator, TSpec, TTransformer}"/>.
/// </remarks>
internal abstract class ImageFamily
{
    /// <summary>The body version every image family writes.</summary>
    public const ushort FormatVersion = 2;

    /// <summary>The payload family names this family writes (and reads).</summary>
    public abstract IReadOnlyList<string> PayloadNames { get; }

    /// <summary>Rebuilds a generator from a payload body written under <paramref name="payloadName"/>.</summary>
    public abstract ImageGenerator Read(string payloadName, byte[] body, Device device);

    /// <summary>The family's typed transformer around <paramref name="generator"/> (one of its own).</summary>
    public abstract ImageGanTransformerBase Wrap(MLContext mlContext, ImageGenerator generator, GanGenerationSettings settings,
        TrainingSummary? summary, Guid id);
}

/// <summary>
/// An image family with its generator, network record and transformer types: the shared body codec (record, pixel
/// range, then <see cref="WriteRest"/>) and the typed wrapping. A family supplies its payload names, its transformer's
/// constructor, how its record is read and how its weights and settings are written and read.
/// </summary>
/// <param name="payloadNames">The payload family names it writes (and reads).</param>
/// <param name="create">The family's transformer around a fitted or loaded generator.</param>
internal abstract class ImageFamily<TGenerator, TSpec, TTransformer>(IReadOnlyList<string> payloadNames,
    Func<MLContext, TGenerator, GanGenerationSettings, TrainingSummary?, Guid, TTransformer> create) : ImageFamily
    where TGenerator : ImageGenerator, ISpecifiedGenerator<TSpec>
    where TSpec : INetworkSpec<TSpec>
    where TTransformer : ImageGanTransformerBase
{
    /// <inheritdoc />
    public sealed override IReadOnlyList<string> PayloadNames { get; } = payloadNames;

    /// <summary>The payload body of <paramref name="generator"/>.</summary>
    public byte[] Write(TGenerator generator) => VersionedBody.Write(FormatVersion, writer =>
    {
        generator.Spec.Write(writer);
        writer.Write(generator.PixelMin);
        writer.Write(generator.PixelMax);
        WriteRest(generator, writer);
    });

    /// <summary>The generator of a body written under <paramref name="payloadName"/>, on <paramref name="device"/>.</summary>
    public TGenerator ReadGenerator(string payloadName, byte[] body, Device device) =>
        VersionedBody.Read(body, payloadName, FormatVersion, (reader, version) => version switch
        {
            1 or 2 => ReadFields(payloadName, reader, device),
            _ => throw new InvalidDataException($"No reader for '{payloadName}' body version {version}."),
        });

    /// <summary>An independent copy of <paramref name="generator"/> (same weights, same device).</summary>
    public TGenerator Copy(TGenerator generator, Device device) => ReadGenerator(generator.FamilyName, Write(generator), device);

    /// <inheritdoc />
    public sealed override ImageGenerator Read(string payloadName, byte[] body, Device device) => ReadGenerator(payloadName, body, device);

    /// <inheritdoc />
    public sealed override ImageGanTransformerBase Wrap(MLContext mlContext, ImageGenerator generator, GanGenerationSettings settings,
        TrainingSummary? summary, Guid id) => Create(mlContext, (TGenerator)generator, settings, summary, id);

    /// <summary>The typed transformer of a fitted or loaded generator.</summary>
    public TTransformer Create(MLContext mlContext, TGenerator generator, GanGenerationSettings settings, TrainingSummary? summary, Guid id) =>
        create(mlContext, generator, settings, summary, id);

    /// <summary>Reads the network record of a body written under <paramref name="payloadName"/> (by default the record's own reader).</summary>
    protected virtual TSpec ReadSpec(string payloadName, BinaryReader reader) => TSpec.Read(reader);

    /// <summary>Writes what follows the pixel range: the family's generation settings and weights.</summary>
    protected abstract void WriteRest(TGenerator generator, BinaryWriter writer);

    /// <summary>Reads what <see cref="WriteRest"/> wrote and builds the generator on <paramref name="device"/>.</summary>
    protected abstract TGenerator ReadRest(TSpec spec, float pixelMin, float pixelMax, BinaryReader reader, Device device);

    private TGenerator ReadFields(string payloadName, BinaryReader reader, Device device)
    {
        var spec = ReadSpec(payloadName, reader);
        float min = reader.ReadSingle(), max = reader.ReadSingle();
        return ReadRest(spec, min, max, reader, device);
    }
}

/// <summary>A network record that a payload body starts with.</summary>
/// <typeparam name="TSelf">The record's type.</typeparam>
internal interface INetworkSpec<TSelf> where TSelf : INetworkSpec<TSelf>
{
    /// <summary>Writes the record.</summary>
    void Write(BinaryWriter writer);

    /// <summary>Reads a record written by <see cref="Write"/>.</summary>
    static abstract TSelf Read(BinaryReader reader);
}

/// <summary>A generator built from a network record of type <typeparamref name="TSpec"/>.</summary>
/// <typeparam name="TSpec">The record's type.</typeparam>
internal interface ISpecifiedGenerator<out TSpec>
{
    /// <summary>The network record.</summary>
    TSpec Spec { get; }
}
