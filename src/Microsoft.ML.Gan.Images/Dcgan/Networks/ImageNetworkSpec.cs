namespace Microsoft.ML.Gan.Images.Networks;

/// <summary>
/// Everything that fixes the networks' shapes: saved with a fitted model so that the generator can be rebuilt. The MLP
/// architecture adds its layer widths (written after the convolutional fields, read only for that architecture).
/// </summary>
internal sealed record ImageNetworkSpec(ImageShape Shape, int LatentDimension, int GeneratorFeatures, int DiscriminatorFeatures,
    ImageConditioning Conditioning, int ClassCount, DiscriminatorNormalization DiscriminatorNormalization, bool SpectralNorm,
    ImageGanArchitecture Architecture = ImageGanArchitecture.Dcgan, int[]? GeneratorLayers = null, int[]? DiscriminatorLayers = null) : INetworkSpec<ImageNetworkSpec>
{
    /// <summary>The convolutional stacks' layout (DCGAN architecture only: it requires even sizes of at least 8).</summary>
    public DcganLayout Layout => DcganLayout.Create(Shape);

    /// <summary>Width of the label part of G's input (one-hot), 0 when unconditional.</summary>
    public int LabelWidth => Conditioning == ImageConditioning.None ? 0 : ClassCount;

    public static ImageNetworkSpec From(ImageGanOptions options, int classCount) =>
        new(options.ResolveShape(), options.LatentDimension, options.GeneratorFeatures, options.DiscriminatorFeatures,
            options.Conditioning, options.Conditioning == ImageConditioning.None ? 0 : classCount,
            options.DiscriminatorNormalization, options.SpectralNorm, options.Architecture,
            [.. options.GeneratorLayers], [.. options.DiscriminatorLayers]);

    public void Write(BinaryWriter writer)
    {
        writer.Write(Shape.Channels);
        writer.Write(Shape.Height);
        writer.Write(Shape.Width);
        writer.Write(LatentDimension);
        writer.Write(GeneratorFeatures);
        writer.Write(DiscriminatorFeatures);
        writer.Write((int)Conditioning);
        writer.Write(ClassCount);
        writer.Write((int)DiscriminatorNormalization);
        writer.Write(SpectralNorm);
        if (Architecture == ImageGanArchitecture.Mlp)
        {
            WriteLayers(writer, GeneratorLayers!);
            WriteLayers(writer, DiscriminatorLayers!);
        }
    }

    /// <summary>Reads a DCGAN spec written by <see cref="Write"/>.</summary>
    static ImageNetworkSpec INetworkSpec<ImageNetworkSpec>.Read(BinaryReader reader) => Read(reader);

    /// <summary>Reads a spec written by <see cref="Write"/> for <paramref name="architecture"/>.</summary>
    public static ImageNetworkSpec Read(BinaryReader reader, ImageGanArchitecture architecture = ImageGanArchitecture.Dcgan)
    {
        var shape = new ImageShape(reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32());
        var spec = new ImageNetworkSpec(shape, reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(),
            (ImageConditioning)reader.ReadInt32(), reader.ReadInt32(), (DiscriminatorNormalization)reader.ReadInt32(), reader.ReadBoolean(),
            architecture);
        if (architecture == ImageGanArchitecture.Mlp)
            spec = spec with { GeneratorLayers = ReadLayers(reader), DiscriminatorLayers = ReadLayers(reader) };
        if (shape.Channels is not (1 or 3) || spec.LatentDimension < 1 || spec.GeneratorFeatures < 1 || spec.ClassCount < 0
            || !Enum.IsDefined(spec.Conditioning))
            throw new InvalidDataException($"Impossible image GAN record: {spec}.");
        return spec;
    }

    private static void WriteLayers(BinaryWriter writer, int[] layers)
    {
        writer.Write(layers.Length);
        foreach (int width in layers)
            writer.Write(width);
    }

    private static int[] ReadLayers(BinaryReader reader)
    {
        int count = reader.ReadInt32();
        if (count is < 0 or > 64)
            throw new InvalidDataException($"Impossible image GAN record: {count} hidden layers.");
        var layers = new int[count];
        for (int i = 0; i < count; i++)
            layers[i] = reader.ReadInt32() is > 0 and var width ? width : throw new InvalidDataException("Impossible image GAN record: a hidden layer of no width.");
        return layers;
    }
}
