namespace Microsoft.ML.Gan.Images.StyleGan;

/// <summary>
/// One layer of the synthesis network: modulated 3×3 convolution with demodulation (optionally upsampling ×2), plus
/// per-pixel noise scaled by a learned strength (starting at 0), plus bias, then LeakyReLU(0.2)·√2.
/// The constant noise map of <see cref="NoiseMode.Const"/> is a buffer, saved with the weights.
/// </summary>
internal sealed class SynthesisLayer : nn.Module
{
    private const string ConstNoiseName = "noise_const";
    private readonly ModulatedConv2d conv;
    private readonly Parameter noise_strength;
    private readonly Parameter bias;
    private readonly int _resolution;

    public SynthesisLayer(long inputChannels, long outputChannels, int styleDimension, int resolution, bool upsample)
        : base(nameof(SynthesisLayer))
    {
        conv = new ModulatedConv2d(inputChannels, outputChannels, 3, styleDimension, demodulate: true, upsample);
        noise_strength = nn.Parameter(zeros(1));
        bias = nn.Parameter(zeros(outputChannels));
        _resolution = resolution;
        register_module(nameof(conv), conv);
        register_parameter(nameof(noise_strength), noise_strength);
        register_parameter(nameof(bias), bias);
        register_buffer(ConstNoiseName, randn(1, 1, resolution, resolution));
    }

    /// <param name="input">[N, in, h, w].</param>
    /// <param name="style">[N, w] this layer's intermediate latent.</param>
    /// <param name="noise">Which noise to add.</param>
    /// <param name="random">Draws random noise (on the CPU, then moved) when set; otherwise torch's default generator on the input's device.</param>
    public Tensor Forward(Tensor input, Tensor style, NoiseMode noise, Generator? random)
    {
        using var scope = NewDisposeScope();
        var x = conv.call(input, style);
        if (noise == NoiseMode.Const)
            x = x + get_buffer(ConstNoiseName)! * noise_strength;
        else if (noise == NoiseMode.Random)
            x = x + NoiseSource.Draw(new long[] { x.shape[0], 1, _resolution, _resolution }, random, x.device) * noise_strength;
        return StyleActivation.Apply(x + bias.view(1, -1, 1, 1)).MoveToOuterDisposeScope();
    }
}
