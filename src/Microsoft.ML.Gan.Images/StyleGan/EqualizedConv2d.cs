namespace Microsoft.ML.Gan.Images.StyleGan;

/// <summary>
/// Square convolution (stride 1, "same" padding) with equalized learning rate: weights ~ N(0, 1) scaled at run time by
/// 1/√(in·k·k). Optionally followed by LeakyReLU(0.2)·√2. Used throughout the StyleGAN discriminator.
/// </summary>
internal sealed class EqualizedConv2d : nn.Module<Tensor, Tensor>
{
    private readonly Parameter weight;
    private readonly Parameter? bias;
    private readonly double _gain;
    private readonly long _padding;
    private readonly bool _activate;

    public EqualizedConv2d(long inputChannels, long outputChannels, long kernel, bool activate, bool hasBias = true)
        : base(nameof(EqualizedConv2d))
    {
        weight = nn.Parameter(randn(outputChannels, inputChannels, kernel, kernel));
        bias = hasBias ? nn.Parameter(zeros(outputChannels)) : null;
        _gain = 1 / Math.Sqrt(inputChannels * kernel * kernel);
        _padding = kernel / 2;
        _activate = activate;
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var output = nn.functional.conv2d(input, weight * _gain, bias, padding: new[] { _padding, _padding });
        return (_activate ? StyleActivation.Apply(output) : output).MoveToOuterDisposeScope();
    }
}
