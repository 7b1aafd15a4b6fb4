namespace Microsoft.ML.Gan.Images.StyleGan;

/// <summary>
/// StyleGAN2's modulated convolution (Karras et al. 2020, §2.2): an affine map of w gives one scale s per input channel;
/// each sample's weight is w'_ijk = s_i·w_ijk, optionally demodulated to w''_ijk = w'_ijk / √(Σ_ik w'_ijk² + ε) so that
/// every output channel of every sample has unit expected variance for unit-variance input. It is computed in the
/// equivalent form StyleGAN2 itself uses for training (fused_modconv = False), which runs one ordinary convolution for
/// the whole batch instead of a grouped one: scale the input channels by s, convolve with the shared weight, multiply each
/// output channel by its demodulation coefficient 1/√(Σ_ik (s_i w_ijk)² + ε). Optionally upsamples the input ×2 (bilinear) first.
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
        var scaled = weight * _gain;
        var x = input * scales.view(n, -1, 1, 1);
        if (_upsample)
            x = nn.functional.interpolate(x, scale_factor: new[] { 2.0, 2.0 }, mode: InterpolationMode.Bilinear, align_corners: false);
        var output = nn.functional.conv2d(x, scaled, padding: new[] { _kernel / 2, _kernel / 2 });
        if (_demodulate)
        {
            // Σ_ik (s_i w_ijk)² = Σ_i s_i² Σ_k w_ijk²: [N, in] @ [in, out].
            var energy = scales.square().matmul(scaled.square().sum(new long[] { 2, 3 }).t());
            output = output * (energy + 1e-8).rsqrt().view(n, -1, 1, 1);
        }
        return output.MoveToOuterDisposeScope();
    }
}
