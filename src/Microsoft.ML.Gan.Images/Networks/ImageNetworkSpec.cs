namespace Microsoft.ML.Gan.Images.Networks;

/// <summary>Everything that fixes the networks' shapes: saved with a fitted model so that the generator can be rebuilt.</summary>
internal sealed record ImageNetworkSpec(ImageShape Shape, int LatentDimension, int GeneratorFeatures, int DiscriminatorFeatures,
    ImageConditioning Conditioning, int ClassCount, DiscriminatorNormalization DiscriminatorNormalization, bool SpectralNorm)
{
    public DcganLayout Layout { get; } = DcganLayout.Create(Shape);

    /// <summary>Width of the label part of G's input (one-hot), 0 when unconditional.</summary>
    public int LabelWidth => Conditioning == ImageConditioning.None ? 0 : ClassCount;

    public static ImageNetworkSpec From(ImageGanOptions options, int classCount) =>
        new(options.ResolveShape(), options.LatentDimension, options.GeneratorFeatures, options.DiscriminatorFeatures,
            options.Conditioning, options.Conditioning == ImageConditioning.None ? 0 : classCount,
            options.DiscriminatorNormalization, options.SpectralNorm);

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
    }

    public static ImageNetworkSpec Read(BinaryReader reader)
    {
        var shape = new ImageShape(reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32());
        var spec = new ImageNetworkSpec(shape, reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(),
            (ImageConditioning)reader.ReadInt32(), reader.ReadInt32(), (DiscriminatorNormalization)reader.ReadInt32(), reader.ReadBoolean());
        if (shape.Channels is not (1 or 3) || spec.LatentDimension < 1 || spec.GeneratorFeatures < 1 || spec.ClassCount < 0
            || !Enum.IsDefined(spec.Conditioning))
            throw new InvalidDataException($"Impossible image GAN record: {spec}.");
        return spec;
    }
}
