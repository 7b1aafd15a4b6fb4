namespace Microsoft.ML.Gan.Images.Networks;

/// <summary>What the image GAN problem asks of a discriminator, whatever its architecture.</summary>
internal interface IImageDiscriminator
{
    /// <summary>Logits [N] and, for AC-GAN, class logits [N, K].</summary>
    /// <param name="images">[N, C, H, W] in [−1, 1].</param>
    /// <param name="oneHot">[N, K] one-hot labels, or null when unconditional.</param>
    (Tensor Logits, Tensor? ClassLogits) Judge(Tensor images, Tensor? oneHot);
}
