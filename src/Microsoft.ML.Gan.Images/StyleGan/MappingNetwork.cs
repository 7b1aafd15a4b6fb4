namespace Microsoft.ML.Gan.Images.StyleGan;

/// <summary>
/// StyleGAN's mapping network z → w: z normalized to unit mean square (pixel norm), then fully connected layers with
/// LeakyReLU and a learning-rate multiplier (0.01 in the paper). Tracks the average w (decay 0.995 per training
/// batch) as a buffer, the centre of the truncation trick.
/// </summary>
internal sealed class MappingNetwork : nn.Module<Tensor, Tensor>
{
    private const string AverageName = "w_avg";
    private const double AverageDecay = 0.995;
    private readonly ModuleList<EqualizedLinear> layers = new();

    public MappingNetwork(StyleGanSpec spec) : base(nameof(MappingNetwork))
    {
        int inputs = spec.LatentDimension;
        for (int i = 0; i < spec.MappingLayers; i++)
        {
            layers.Add(new EqualizedLinear(inputs, spec.StyleDimension, activate: true, spec.MappingLearningRateMultiplier));
            inputs = spec.StyleDimension;
        }
        register_module(nameof(layers), layers);
        register_buffer(AverageName, zeros(spec.StyleDimension));
    }

    /// <summary>The tracked average w, [w].</summary>
    public Tensor Average => get_buffer(AverageName)!;

    public override Tensor forward(Tensor latent)
    {
        using var scope = NewDisposeScope();
        var x = latent * (latent.square().mean(new long[] { 1 }, keepdim: true) + 1e-8).rsqrt();
        foreach (var layer in layers)
            x = layer.call(x);
        return x.MoveToOuterDisposeScope();
    }

    /// <summary>Moves the tracked average towards the batch mean of <paramref name="styles"/> (w_avg ← mean + 0.995·(w_avg − mean)).</summary>
    public void Track(Tensor styles)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        Average.copy_(styles.detach().mean(new long[] { 0 }).lerp(Average, AverageDecay));
    }

    /// <summary>The truncation trick: w_avg + ψ(w − w_avg).</summary>
    public Tensor Truncate(Tensor styles, double psi) => psi == 1 ? styles.alias() : Average.lerp(styles, psi);
}
