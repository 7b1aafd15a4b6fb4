using Microsoft.ML.Gan.Networks;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Images.Networks;

/// <summary>
/// DCGAN discriminator: 4×4 stride-2 convolutions with LeakyReLU(0.2) (no normalization on the input layer), then an
/// s<sub>h</sub>×s<sub>w</sub> convolution to one logit. Conditioning: label planes concatenated to the input (cGAN), an
/// auxiliary classifier head (AC-GAN) or a projection term ⟨embed(y), Σ<sub>spatial</sub> φ(x)⟩ (projection GAN).
/// </summary>
internal sealed class DcganDiscriminator : nn.Module
{
    private readonly ModuleList<nn.Module<Tensor, Tensor>> convs = new();
    private readonly ModuleList<nn.Module<Tensor, Tensor>> norms = new();
    private readonly nn.Module<Tensor, Tensor> head;
    private readonly nn.Module<Tensor, Tensor>? classifier;
    private readonly Linear? embedding;
    private readonly ImageConditioning _conditioning;

    public DcganDiscriminator(ImageNetworkSpec spec) : base(nameof(DcganDiscriminator))
    {
        var layout = spec.Layout;
        _conditioning = spec.Conditioning;
        int input = spec.Shape.Channels + (_conditioning == ImageConditioning.Concat ? spec.ClassCount : 0);
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
        var seed = (layout.SeedHeight, layout.SeedWidth);
        head = Conv(input, 1, seed, 1, 0, bias: true, spec.SpectralNorm);
        if (_conditioning == ImageConditioning.AuxiliaryClassifier)
            classifier = Conv(input, spec.ClassCount, seed, 1, 0, bias: true, spec.SpectralNorm);
        if (_conditioning == ImageConditioning.Projection)
            embedding = nn.Linear(spec.ClassCount, input, hasBias: false);
        RegisterComponents();
        DcganInit.Apply(this);
    }

    /// <summary>Logits [N] and, for AC-GAN, class logits [N, K].</summary>
    /// <param name="images">[N, C, H, W] in [−1, 1].</param>
    /// <param name="oneHot">[N, K] one-hot labels, or null when unconditional.</param>
    public (Tensor Logits, Tensor? ClassLogits) Judge(Tensor images, Tensor? oneHot)
    {
        using var scope = NewDisposeScope();
        var x = images;
        if (_conditioning == ImageConditioning.Concat)
        {
            var planes = oneHot!.unsqueeze(-1).unsqueeze(-1).expand(-1, -1, images.shape[2], images.shape[3]);
            x = cat(new[] { images, planes }, 1);
        }
        for (int i = 0; i < convs.Count; i++)
            x = nn.functional.leaky_relu(norms[i].call(convs[i].call(x)), 0.2);
        var logits = head.call(x).flatten();
        if (embedding is not null)
            logits = logits + (embedding.call(oneHot!) * x.sum(new long[] { 2, 3 })).sum(1);
        var classLogits = classifier?.call(x).flatten(1);
        return (logits.MoveToOuterDisposeScope(), classLogits?.MoveToOuterDisposeScope());
    }

    private static nn.Module<Tensor, Tensor> Conv(int input, int output, (long, long) kernel, long stride, long padding, bool bias, bool spectralNorm) =>
        spectralNorm
            ? new NormalizedConv2d(input, output, kernel, stride, padding, bias)
            : nn.Conv2d(input, output, kernel, stride: (stride, stride), padding: (padding, padding), bias: bias);
}
