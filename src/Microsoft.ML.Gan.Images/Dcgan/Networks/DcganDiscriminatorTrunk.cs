using Microsoft.ML.Gan.Networks;

namespace Microsoft.ML.Gan.Images.Networks;

/// <summary>
/// The convolutional stack of the DCGAN discriminator: 4×4 stride-2 convolutions with LeakyReLU(0.2), normalized as the
/// spec says except on the input layer, down to the layout's s<sub>h</sub>×s<sub>w</sub> seed. Heads are added by the
/// discriminators that use it (class-conditional DCGAN, text-conditioned GAN).
/// </summary>
internal sealed class DcganDiscriminatorTrunk : nn.Module<Tensor, Tensor>
{
    private readonly ModuleList<nn.Module<Tensor, Tensor>> convs = new();
    private readonly ModuleList<nn.Module<Tensor, Tensor>> norms = new();

    public DcganDiscriminatorTrunk(ImageNetworkSpec spec, int inputChannels) : base(nameof(DcganDiscriminatorTrunk))
    {
        var layout = spec.Layout;
        int input = inputChannels;
        for (int stage = 0; stage < layout.Stages; stage++)
        {
            int channels = layout.DiscriminatorChannels(spec.DiscriminatorFeatures, stage);
            bool normalized = stage > 0 && spec.DiscriminatorNormalization != DiscriminatorNormalization.None;
            convs.Add(Conv(input, channels, (4, 4), 2, 1, bias: !normalized, spec.SpectralNorm));
            norms.Add(!normalized ? nn.Identity()
                : spec.DiscriminatorNormalization == DiscriminatorNormalization.BatchNorm ? nn.BatchNorm2d(channels)
                : new SampleLayerNorm(channels));
            input = channels;
        }
        OutputChannels = input;
        RegisterComponents();
    }

    /// <summary>Feature maps of the last stage.</summary>
    public int OutputChannels { get; }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = input;
        for (int i = 0; i < convs.Count; i++)
            x = nn.functional.leaky_relu(norms[i].call(convs[i].call(x)), 0.2);
        return x.MoveToOuterDisposeScope();
    }

    /// <summary>A plain or spectrally normalized convolution.</summary>
    public static nn.Module<Tensor, Tensor> Conv(int input, int output, (long, long) kernel, long stride, long padding, bool bias, bool spectralNorm) =>
        spectralNorm
            ? new NormalizedConv2d(input, output, kernel, stride, padding, bias)
            : nn.Conv2d(input, output, kernel, stride: (stride, stride), padding: (padding, padding), bias: bias);
}
