namespace Microsoft.ML.Gan.Networks;

/// <summary>A 2-D convolution whose weight is spectrally normalized (the conv counterpart of <see cref="NormalizedLinear"/>).</summary>
internal sealed class NormalizedConv2d : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d conv;
    private readonly SpectralNorm spectral;
    private readonly long _stride;
    private readonly long _padding;

    /// <summary>Creates the layer (square stride and padding, kernel of any shape).</summary>
    public NormalizedConv2d(long inputChannels, long outputChannels, (long Height, long Width) kernel, long stride = 1,
        long padding = 0, bool bias = true) : base(nameof(NormalizedConv2d))
    {
        conv = nn.Conv2d(inputChannels, outputChannels, kernel, stride: (stride, stride), padding: (padding, padding), bias: bias);
        spectral = new SpectralNorm(conv.weight!);
        _stride = stride;
        _padding = padding;
        RegisterComponents();
    }

    /// <summary>The wrapped convolution (its weight is the unnormalized parameter).</summary>
    public Conv2d Convolution => conv;

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        using var weight = spectral.Normalized();
        return nn.functional.conv2d(input, weight, conv.bias, strides: new[] { _stride, _stride }, padding: new[] { _padding, _padding });
    }
}
