namespace Microsoft.ML.Gan.Images.StyleGan;

/// <summary>
/// A fitted StyleGAN generator in eval mode. A row seeded with s draws z (and then, layer by layer, its random noise)
/// from a CPU generator seeded with NoiseSeeds.ForRow(s); a stream block does the same for its 256 rows with
/// NoiseSeeds.ForBlock. The truncation ψ and noise mode of row-to-row generation are saved with the model; the
/// explicit methods take them as arguments.
/// </summary>
internal sealed class StyleGanImageGenerator : ImageGenerator, ISpecifiedGenerator<StyleGanSpec>
{
    private readonly StyleGenerator _network;
    private readonly Device _device;

    public StyleGanImageGenerator(StyleGenerator network, float pixelMin, float pixelMax, double truncation, NoiseMode noise, Device device)
        : base(network.Spec.Shape, pixelMin, pixelMax)
    {
        _network = network;
        _network.eval();
        _device = device;
        Truncation = truncation;
        Noise = noise;
    }

    public StyleGanSpec Spec => _network.Spec;

    public StyleGenerator Network => _network;

    /// <summary>ψ of row-to-row generation.</summary>
    public double Truncation { get; }

    /// <summary>Noise of row-to-row generation.</summary>
    public NoiseMode Noise { get; }

    public override string FamilyName => StyleGanFamily.Name;

    public override byte[] WriteBody() => StyleGanFamily.Instance.Write(this);

    public override void GenerateBlock(long seed, long blockIndex, Span<float> destination) =>
        GenerateStreamBlock(seed, blockIndex, Truncation, Noise, destination);

    public override void GenerateFromSeed(long rowSeed, Span<float> destination) =>
        GenerateMixed(rowSeed, rowSeed, Spec.StyleLayerCount, Truncation, Noise, destination);

    /// <summary>A stream block with explicit ψ and noise.</summary>
    public void GenerateStreamBlock(long seed, long blockIndex, double truncation, NoiseMode noise, Span<float> destination)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using var random = new Generator((ulong)NoiseSeeds.ForBlock(seed, blockIndex), CPU);
        var latents = randn(new long[] { GanRowStream.BlockSize, Spec.LatentDimension }, generator: random).to(_device);
        var styles = _network.Broadcast(_network.Map(latents, truncation));
        Write(_network.Synthesize(styles, noise, random), destination);
    }

    /// <summary>
    /// One image whose latents before <paramref name="crossover"/> are those of <paramref name="coarseSeed"/> and from
    /// it on those of <paramref name="fineSeed"/> (random noise from the coarse seed's generator). With crossover =
    /// StyleLayerCount this is the image of the coarse seed (what <see cref="GenerateFromSeed"/> gives).
    /// </summary>
    public void GenerateMixed(long coarseSeed, long fineSeed, int crossover, double truncation, NoiseMode noise, Span<float> destination)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using var coarseRandom = new Generator((ulong)NoiseSeeds.ForRow(coarseSeed), CPU);
        var coarse = _network.Broadcast(_network.Map(randn(new long[] { 1, Spec.LatentDimension }, generator: coarseRandom).to(_device), truncation));
        var styles = coarse;
        if (crossover < Spec.StyleLayerCount)
        {
            using var fineRandom = new Generator((ulong)NoiseSeeds.ForRow(fineSeed), CPU);
            var fine = _network.Broadcast(_network.Map(randn(new long[] { 1, Spec.LatentDimension }, generator: fineRandom).to(_device), truncation));
            styles = cat(new[] { coarse.narrow(1, 0, crossover), fine.narrow(1, crossover, Spec.StyleLayerCount - crossover) }, 1);
        }
        Write(_network.Synthesize(styles, noise, coarseRandom), destination);
    }

    /// <summary>Crops the padding, clamps to [−1, 1] and writes the images in the user's pixel range.</summary>
    private void Write(Tensor images, Span<float> destination)
    {
        var cropped = images.narrow(2, Spec.PadTop, Shape.Height).narrow(3, Spec.PadLeft, Shape.Width).clamp(-1, 1);
        TensorCopy.CopyTo(ToPixelRange(cropped).to(CPU), destination);
    }

    public override void Dispose() => _network.Dispose();
}
