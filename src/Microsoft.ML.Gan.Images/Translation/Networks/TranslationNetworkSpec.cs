namespace Microsoft.ML.Gan.Images.Networks.Translation;

/// <summary>
/// Everything needed to rebuild an image-to-image generator (and, for training, its discriminator): the family,
/// the input and output image shapes and the network sizes. Written into a saved model before the weights.
/// </summary>
internal sealed record TranslationNetworkSpec(
    ImageTranslationKind Kind,
    ImageShape InputShape,
    ImageShape OutputShape,
    int GeneratorFeatures,
    int DiscriminatorFeatures,
    int ResidualBlocks,
    double Dropout,
    int PatchLayers) : INetworkSpec<TranslationNetworkSpec>
{
    /// <summary>Output size / input size (the upscaling factor of super-resolution, 1 otherwise).</summary>
    public int Scale => OutputShape.Height / InputShape.Height;

    /// <summary>The spec of the opposite direction (CycleGAN's second generator).</summary>
    public TranslationNetworkSpec Reversed() => this with { InputShape = OutputShape, OutputShape = InputShape };

    /// <summary>A new generator of this architecture (on the CPU).</summary>
    public nn.Module<Tensor, Tensor> CreateGenerator() => Kind switch
    {
        ImageTranslationKind.Pix2Pix => new UNetGenerator(this),
        ImageTranslationKind.SuperResolution => new SrResNetGenerator(InputShape.Channels, GeneratorFeatures, ResidualBlocks, Scale),
        ImageTranslationKind.CycleGan => new ResnetGenerator(InputShape, OutputShape, GeneratorFeatures, ResidualBlocks),
        _ => throw new InvalidDataException($"Unknown image translation kind {Kind}."),
    };

    public void Write(BinaryWriter writer)
    {
        writer.Write((int)Kind);
        foreach (var shape in new[] { InputShape, OutputShape })
        {
            writer.Write(shape.Channels);
            writer.Write(shape.Height);
            writer.Write(shape.Width);
        }
        writer.Write(GeneratorFeatures);
        writer.Write(DiscriminatorFeatures);
        writer.Write(ResidualBlocks);
        writer.Write(Dropout);
        writer.Write(PatchLayers);
    }

    public static TranslationNetworkSpec Read(BinaryReader reader)
    {
        var kind = (ImageTranslationKind)reader.ReadInt32();
        if (!Enum.IsDefined(kind))
            throw new InvalidDataException($"Unknown image translation kind {(int)kind} in a saved model.");
        var input = new ImageShape(reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32());
        var output = new ImageShape(reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32());
        return new TranslationNetworkSpec(kind, input, output, reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(),
            reader.ReadDouble(), reader.ReadInt32());
    }
}
