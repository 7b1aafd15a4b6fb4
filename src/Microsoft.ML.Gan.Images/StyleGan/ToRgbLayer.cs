namespace Microsoft.ML.Gan.Images.StyleGan;

/// <summary>StyleGAN2's ToRGB: a modulated 1×1 convolution without demodulation, plus bias, no activation.</summary>
internal sealed class ToRgbLayer : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly ModulatedConv2d conv;
    private readonly Parameter bias;

    public ToRgbLayer(long inputChannels, int imageChannels, int styleDimension) : base(nameof(ToRgbLayer))
    {
        conv = new ModulatedConv2d(inputChannels, imageChannels, 1, styleDimension, demodulate: false, upsample: false);
        bias = nn.Parameter(zeros(imageChannels));
        RegisterComponents();
    }

    public override Tensor forward(Tensor input, Tensor style)
    {
        using var scope = NewDisposeScope();
        return (conv.call(input, style) + bias.view(1, -1, 1, 1)).MoveToOuterDisposeScope();
    }
}
