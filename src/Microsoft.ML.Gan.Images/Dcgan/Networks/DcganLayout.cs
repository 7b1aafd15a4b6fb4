namespace Microsoft.ML.Gan.Images.Networks;

/// <summary>
/// The size rule of the convolutional stacks: a SeedHeight×SeedWidth seed doubled <see cref="Stages"/> times.
/// Stages is the largest count of halvings that leaves both sides whole numbers of at least 4; at least 1 is needed.
/// </summary>
internal sealed record DcganLayout(ImageShape Shape, int Stages, int SeedHeight, int SeedWidth)
{
    public const int MinimumSeed = 4;

    /// <exception cref="ArgumentOutOfRangeException">The size cannot be built (names Height/Width and the rule).</exception>
    public static DcganLayout Create(ImageShape shape)
    {
        int stages = 0;
        while ((shape.Height >> (stages + 1)) >= MinimumSeed && (shape.Width >> (stages + 1)) >= MinimumSeed
               && shape.Height % (1 << (stages + 1)) == 0 && shape.Width % (1 << (stages + 1)) == 0)
            stages++;
        if (stages == 0)
            throw new ArgumentOutOfRangeException(nameof(ImageGanOptions.Height), $"{shape.Height}×{shape.Width}",
                $"Height×Width {shape.Height}×{shape.Width} is not supported: the convolutional GANs need H and W even and at least 8, " +
                "so that they halve at least once to a seed of at least 4×4 (e.g. 28×28, 32×32, 64×64). Resize the images.");
        return new DcganLayout(shape, stages, shape.Height >> stages, shape.Width >> stages);
    }

    /// <summary>Channels of generator stage j (0 = seed) for ngf: ngf·2^(Stages−1−j), capped at 8·ngf.</summary>
    public int GeneratorChannels(int ngf, int stage) => ngf * Math.Min(1 << (Stages - 1 - stage), 8);

    /// <summary>Channels of discriminator stage j (0 = input conv) for ndf: ndf·2^j, capped at 8·ndf.</summary>
    public int DiscriminatorChannels(int ndf, int stage) => ndf * Math.Min(1 << stage, 8);
}
