namespace Microsoft.ML.Gan.Images.Networks;

/// <summary>
/// DCGAN discriminator: 4×4 stride-2 convolutions with LeakyReLU(0.2) (no normalization on the input layer), then an
/// s<sub>h</sub>×s<sub>w</sub> convolution to one logit. Conditioning: label planes concatenated to the input (cGAN), an
/// auxiliary classifier head (AC-GAN) or a projection term ⟨embed(y), Σ<sub>spatial</sub> φ(x)⟩ (projection GAN).
/// </summary>
internal sealed class DcganDiscriminator : nn.Module, IImageDiscriminator
{
    private readonly DcganDiscriminatorTrunk trunk;
    private readonly nn.Module<Tensor, Tensor> head;
    private readonly nn.Module<Tensor, Tensor>? classifier;
    private readonly Linear? embedding;
    private readonly ImageConditioning _conditioning;

    public DcganDiscriminator(ImageNetworkSpec spec) : base(nameof(DcganDiscriminator))
    {
        var layout = spec.Layout;
        _conditioning = spec.Conditioning;
        trunk = new DcganDiscriminatorTrunk(spec, spec.Shape.Channels + (_conditioning == ImageConditioning.Concat ? spec.ClassCount : 0));
        int input = trunk.OutputChannels;
        var seed = (layout.SeedHeight, layout.SeedWidth);
        head = DcganDiscriminatorTrunk.Conv(input, 1, seed, 1, 0, bias: true, spec.SpectralNorm);
        if (_conditioning == ImageConditioning.AuxiliaryClassifier)
            classifier = DcganDiscriminatorTrunk.Conv(input, spec.ClassCount, seed, 1, 0, bias: true, spec.SpectralNorm);
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
        x = trunk.call(x);
        var logits = head.call(x).flatten();
        if (embedding is not null)
            logits = logits + (embedding.call(oneHot!) * x.sum(new long[] { 2, 3 })).sum(1);
        var classLogits = classifier?.call(x).flatten(1);
        return (logits.MoveToOuterDisposeScope(), classLogits?.MoveToOuterDisposeScope());
    }
}
