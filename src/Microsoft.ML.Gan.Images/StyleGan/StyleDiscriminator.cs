namespace Microsoft.ML.Gan.Images.StyleGan;

/// <summary>
/// StyleGAN2's residual discriminator with equalized learning rate: FromRGB (1×1), then per resolution R, …, 8 a
/// block of two 3×3 convolutions and a 2× average-pool downsample, added to a 1×1 skip of the downsampled input and
/// scaled by 1/√2; at 4×4 the minibatch-standard-deviation feature, a 3×3 convolution and two dense layers to one logit.
/// </summary>
internal sealed class StyleDiscriminator : nn.Module<Tensor, Tensor>
{
    private static readonly double ResidualGain = Math.Sqrt(0.5);
    private readonly EqualizedConv2d fromrgb;
    private readonly ModuleList<EqualizedConv2d> conv1 = new();
    private readonly ModuleList<EqualizedConv2d> conv2 = new();
    private readonly ModuleList<EqualizedConv2d> skip = new();
    private readonly MinibatchStdDev mbstd;
    private readonly EqualizedConv2d conv;
    private readonly EqualizedLinear fc;
    private readonly EqualizedLinear output;

    public StyleDiscriminator(StyleGanSpec spec) : base(nameof(StyleDiscriminator))
    {
        fromrgb = new EqualizedConv2d(spec.Shape.Channels, spec.Channels(spec.Resolution), 1, activate: true);
        for (int resolution = spec.Resolution; resolution > 4; resolution /= 2)
        {
            int input = spec.Channels(resolution), next = spec.Channels(resolution / 2);
            conv1.Add(new EqualizedConv2d(input, input, 3, activate: true));
            conv2.Add(new EqualizedConv2d(input, next, 3, activate: true));
            skip.Add(new EqualizedConv2d(input, next, 1, activate: false, hasBias: false));
        }
        int channels = spec.Channels(4);
        mbstd = new MinibatchStdDev(spec.MinibatchGroupSize);
        conv = new EqualizedConv2d(channels + 1, channels, 3, activate: true);
        fc = new EqualizedLinear(channels * 16, channels, activate: true);
        output = new EqualizedLinear(channels, 1);
        RegisterComponents();
    }

    /// <param name="input">[N, C, R, R] images in [−1, 1].</param>
    /// <returns>[N] logits.</returns>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = fromrgb.call(input);
        for (int i = 0; i < conv1.Count; i++)
        {
            var main = nn.functional.avg_pool2d(conv2[i].call(conv1[i].call(x)), 2);
            var shortcut = skip[i].call(nn.functional.avg_pool2d(x, 2));
            x = (main + shortcut) * ResidualGain;
        }
        x = conv.call(mbstd.call(x));
        return output.call(fc.call(x.flatten(1))).squeeze(1).MoveToOuterDisposeScope();
    }
}
