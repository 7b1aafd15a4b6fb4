namespace Microsoft.ML.Gan.Images.StyleGan;

/// <summary>
/// StyleGAN2's synthesis network with skip outputs: a learned constant 4×4 input, then per resolution 4, 8, …, R one
/// (at 4×4) or two (upsampling first) modulated layers and a ToRGB whose outputs are upsampled and summed. Layer i
/// reads the intermediate latent ws[:, i]; each ToRGB reads the latent of the next block's first layer (the last one
/// an extra latent), so there are 2·log2(R) − 2 latents, and style mixing swaps a suffix of them.
/// </summary>
internal sealed class SynthesisNetwork : nn.Module
{
    private readonly Parameter constant;
    private readonly ModuleList<SynthesisLayer> layers = new();
    private readonly ModuleList<ToRgbLayer> torgb = new();
    private readonly List<int> _layersPerBlock = new();

    public SynthesisNetwork(StyleGanSpec spec) : base(nameof(SynthesisNetwork))
    {
        int channels = spec.Channels(4);
        constant = nn.Parameter(randn(1, channels, 4, 4));
        for (int resolution = 4; resolution <= spec.Resolution; resolution *= 2)
        {
            int output = spec.Channels(resolution);
            bool first = resolution == 4;
            if (!first)
                layers.Add(new SynthesisLayer(channels, output, spec.StyleDimension, resolution, upsample: true));
            layers.Add(new SynthesisLayer(first ? channels : output, output, spec.StyleDimension, resolution, upsample: false));
            torgb.Add(new ToRgbLayer(output, spec.Shape.Channels, spec.StyleDimension));
            _layersPerBlock.Add(first ? 1 : 2);
            channels = output;
        }
        register_parameter(nameof(constant), constant);
        register_module(nameof(layers), layers);
        register_module(nameof(torgb), torgb);
    }

    /// <param name="styles">[N, StyleLayerCount, w].</param>
    /// <param name="noise">Per-layer noise.</param>
    /// <param name="random">Seeded CPU generator for random noise (generation), or null for torch's default one (training).</param>
    /// <returns>[N, C, R, R], roughly in [−1, 1] (not clamped).</returns>
    public Tensor Forward(Tensor styles, NoiseMode noise, Generator? random)
    {
        using var scope = NewDisposeScope();
        long n = styles.shape[0];
        var x = constant.expand(n, -1, -1, -1);
        Tensor? image = null;
        int index = 0, layer = 0;
        for (int block = 0; block < torgb.Count; block++)
        {
            for (int i = 0; i < _layersPerBlock[block]; i++)
                x = layers[layer++].Forward(x, styles.select(1, index++), noise, random);
            var rgb = torgb[block].call(x, styles.select(1, index));
            image = image is null ? rgb
                : nn.functional.interpolate(image, scale_factor: new[] { 2.0, 2.0 }, mode: InterpolationMode.Bilinear, align_corners: false) + rgb;
        }
        return image!.MoveToOuterDisposeScope();
    }
}
