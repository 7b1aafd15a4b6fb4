using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Images.StyleGan;

/// <summary>
/// StyleGAN2's modulated convolution (Karras et al. 2020, §2.2): an affine map of w gives one scale per input channel,
/// the (equalized) weight is multiplied by it per sample, optionally demodulated so that each output channel of each
/// sample has unit expected variance for unit-variance input (w'' = w' / √(Σ w'² + ε)), and applied to each sample with
/// its own weights as one grouped convolution (groups = batch). Optionally upsamples the input ×2 (bilinear) first.
/// </summary>
internal sealed class ModulatedConv2d : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly EqualizedLinear affine;
    private readonly Parameter weight;
    private readonly double _gain;
    private readonly long _kernel;
    private readonly bool _demodulate;
    private readonly bool _upsample;

    public ModulatedConv2d(long inputChannels, long outputChannels, long kernel, int styleDimension, bool demodulate, bool upsample)
        : base(nameof(ModulatedConv2d))
    {
        // The affine's bias starts at 1 so that styles start as identity scales.
        affine = new EqualizedLinear(styleDimension, inputChannels, biasInit: 1);
        weight = nn.Parameter(randn(outputChannels, inputChannels, kernel, kernel));
        _gain = 1 / Math.Sqrt(inputChannels * kernel * kernel);
        _kernel = kernel;
        _demodulate = demodulate;
        _upsample = upsample;
        RegisterComponents();
    }

    public long InputChannels => weight.shape[1];

    public long OutputChannels => weight.shape[0];

    /// <param name="input">[N, in, H, W].</param>
    /// <param name="style">[N, w] intermediate latents.</param>
    /// <returns>[N, out, H, W] (2H × 2W when upsampling).</returns>
    public override Tensor forward(Tensor input, Tensor style)
    {
        using var scope = NewDisposeScope();
        long n = input.shape[0];
        var scales = affine.call(style);
        var weights = (weight * _gain).unsqueeze(0) * scales.view(n, 1, -1, 1, 1);
        if (_demodulate)
            weights = weights * (weights.square().sum(new long[] { 2, 3, 4 }, keepdim: true) + 1e-8).rsqrt();
        var x = _upsample
            ? nn.functional.interpolate(input, scale_factor: new[] { 2.0, 2.0 }, mode: InterpolationMode.Bilinear, align_corners: false)
            : input;
        long height = x.shape[2], width = x.shape[3];
        var grouped = nn.functional.conv2d(x.reshape(1, n * InputChannels, height, width),
            weights.reshape(n * OutputChannels, InputChannels, _kernel, _kernel),
            padding: new[] { _kernel / 2, _kernel / 2 }, groups: n);
        return grouped.reshape(n, OutputChannels, height, width).MoveToOuterDisposeScope();
    }
}
