namespace Microsoft.ML.Gan.Images.StyleGan;

/// <summary>
/// The StyleGAN generator: mapping network z → w and synthesis network ws → image (at the spec's resolution, before
/// cropping). Training draws its randomness from torch's default generator; generation passes seeded CPU generators.
/// </summary>
internal sealed class StyleGenerator : nn.Module
{
    private readonly MappingNetwork mapping;
    private readonly SynthesisNetwork synthesis;

    public StyleGenerator(StyleGanSpec spec) : base(nameof(StyleGenerator))
    {
        Spec = spec;
        mapping = new MappingNetwork(spec);
        synthesis = new SynthesisNetwork(spec);
        register_module(nameof(mapping), mapping);
        register_module(nameof(synthesis), synthesis);
    }

    public StyleGanSpec Spec { get; }

    /// <summary>The tracked average w.</summary>
    public Tensor AverageStyle => mapping.Average;

    /// <summary>w for each latent z ([N, z] → [N, w]), truncated towards the average w by ψ.</summary>
    public Tensor Map(Tensor latents, double truncation = 1)
    {
        using var scope = NewDisposeScope();
        return mapping.Truncate(mapping.call(latents), truncation).MoveToOuterDisposeScope();
    }

    /// <summary>One w per image repeated for every layer: [N, w] → [N, StyleLayerCount, w].</summary>
    public Tensor Broadcast(Tensor styles) => styles.unsqueeze(1).expand(-1, Spec.StyleLayerCount, -1);

    /// <summary>Images from per-layer latents [N, StyleLayerCount, w].</summary>
    public Tensor Synthesize(Tensor styles, NoiseMode noise, Generator? random) => synthesis.Forward(styles, noise, random);

    /// <summary>
    /// A training batch: z ~ N(0, I) mapped to w; with probability <paramref name="mixingProbability"/> a second z's w
    /// replaces the latents from a random crossover layer on (style mixing regularization, per batch as in StyleGAN2).
    /// </summary>
    /// <param name="count">Images.</param>
    /// <param name="mixingProbability">Style mixing probability (0.9 in the paper).</param>
    /// <param name="noise">Per-layer noise.</param>
    /// <param name="trackAverage">Update the tracked average w with this batch (the generator's own step).</param>
    public Tensor TrainingImages(int count, double mixingProbability, NoiseMode noise, bool trackAverage)
    {
        using var scope = NewDisposeScope();
        var device = AverageStyle.device;
        var styles = mapping.call(randn(count, Spec.LatentDimension, device: device));
        if (trackAverage)
            mapping.Track(styles);
        var perLayer = Broadcast(styles);
        // Both draws happen every batch so the random stream does not depend on the outcome.
        double draw = rand(1).item<float>();
        long crossover = randint(1, Spec.StyleLayerCount, new long[] { 1 }).item<long>();
        if (draw < mixingProbability)
        {
            var second = Broadcast(mapping.call(randn(count, Spec.LatentDimension, device: device)));
            perLayer = cat(new[] { perLayer.narrow(1, 0, crossover), second.narrow(1, crossover, Spec.StyleLayerCount - crossover) }, 1);
        }
        return synthesis.Forward(perLayer, noise, null).MoveToOuterDisposeScope();
    }
}
