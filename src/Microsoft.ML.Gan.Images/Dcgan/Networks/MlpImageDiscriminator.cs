using Microsoft.ML.Gan.Networks;

namespace Microsoft.ML.Gan.Images.Networks;

/// <summary>
/// The vanilla GAN discriminator on pixels: the flattened image (and, for a cGAN, the one-hot label, as in Mirza and
/// Osindero 2014) → fully connected layers with LeakyReLU(0.2) and dropout → one logit.
/// </summary>
internal sealed class MlpImageDiscriminator : nn.Module, IImageDiscriminator
{
    private readonly nn.Module<Tensor, Tensor> layers;

    public MlpImageDiscriminator(ImageNetworkSpec spec) : base(nameof(MlpImageDiscriminator))
    {
        int labels = spec.Conditioning == ImageConditioning.Concat ? spec.ClassCount : 0;
        var options = new MlpOptions
        {
            HiddenLayers = spec.DiscriminatorLayers!, LeakyRelu = true, Dropout = 0.3, SpectralNorm = spec.SpectralNorm,
        };
        layers = Mlp.Create(spec.Shape.Length + labels, 1, options);
        RegisterComponents();
    }

    /// <summary>Logits [N] (no class head: the MLP family supports unconditional and label-concatenation GANs).</summary>
    /// <param name="images">[N, C, H, W] in [−1, 1].</param>
    /// <param name="oneHot">[N, K] one-hot labels for a cGAN, or null.</param>
    public (Tensor Logits, Tensor? ClassLogits) Judge(Tensor images, Tensor? oneHot)
    {
        var x = images.flatten(1);
        if (oneHot is not null)
            x = cat([x, oneHot], 1);
        return (layers.call(x).flatten(), null);
    }
}
