namespace Microsoft.ML.Gan.Images.StyleGan;

/// <summary>
/// Everything that fixes the StyleGAN networks' shapes (saved with a fitted model). The networks work at
/// <see cref="Resolution"/>, the smallest power of two holding the image; smaller images are centred in it (padded
/// with black) and cropped back.
/// </summary>
internal sealed record StyleGanSpec(ImageShape Shape, int LatentDimension, int StyleDimension, int MappingLayers,
    double MappingLearningRateMultiplier, int ChannelBase, int MaxChannels, int MinibatchGroupSize) : INetworkSpec<StyleGanSpec>
{
    public int Resolution { get; } = ResolutionFor(Shape);

    /// <summary>log2 of the resolution: blocks at 4, 8, …, Resolution.</summary>
    public int BlockCount => (int)Math.Log2(Resolution) - 1;

    /// <summary>Intermediate latents the synthesis network reads: one per layer plus one for the last ToRGB.</summary>
    public int StyleLayerCount => 2 * BlockCount;

    /// <summary>Rows of padding above the image (columns left of it: <see cref="PadLeft"/>).</summary>
    public int PadTop => (Resolution - Shape.Height) / 2;

    public int PadLeft => (Resolution - Shape.Width) / 2;

    /// <summary>Feature maps at a resolution: min(ChannelBase / resolution, MaxChannels), at least 1.</summary>
    public int Channels(int resolution) => Math.Max(1, Math.Min(ChannelBase / resolution, MaxChannels));

    /// <summary>The smallest power of two ≥ max(H, W), at least 8.</summary>
    public static int ResolutionFor(ImageShape shape)
    {
        int side = Math.Max(shape.Height, shape.Width), resolution = 8;
        while (resolution < side)
            resolution *= 2;
        return resolution;
    }

    public static StyleGanSpec From(StyleGanOptions options) =>
        new(options.ResolveShape(), options.LatentDimension, options.StyleDimension, options.MappingLayers,
            options.MappingLearningRateMultiplier, options.ChannelBase, options.MaxChannels, options.MinibatchStdGroupSize);

    public void Write(BinaryWriter writer)
    {
        writer.Write(Shape.Channels);
        writer.Write(Shape.Height);
        writer.Write(Shape.Width);
        writer.Write(LatentDimension);
        writer.Write(StyleDimension);
        writer.Write(MappingLayers);
        writer.Write(MappingLearningRateMultiplier);
        writer.Write(ChannelBase);
        writer.Write(MaxChannels);
        writer.Write(MinibatchGroupSize);
    }

    public static StyleGanSpec Read(BinaryReader reader)
    {
        var shape = new ImageShape(reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32());
        var spec = new StyleGanSpec(shape, reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadDouble(),
            reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32());
        if (shape.Channels is not (1 or 3) || shape.Height < 1 || shape.Width < 1 || spec.Resolution > StyleGanOptions.MaxResolution
            || spec.LatentDimension < 1 || spec.StyleDimension < 1 || spec.MappingLayers < 1 || spec.ChannelBase < 1 || spec.MaxChannels < 1)
            throw new InvalidDataException($"Impossible StyleGAN record: {spec}.");
        return spec;
    }
}
