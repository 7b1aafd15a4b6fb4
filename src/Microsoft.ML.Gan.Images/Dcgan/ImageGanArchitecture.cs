namespace Microsoft.ML.Gan.Images;

/// <summary>The networks of an image GAN.</summary>
internal enum ImageGanArchitecture
{
    /// <summary>DCGAN's convolutional stacks (Radford et al. 2016).</summary>
    Dcgan,

    /// <summary>
    /// Fully connected networks on the flattened pixels (the vanilla GAN of Goodfellow et al. 2014; with label
    /// concatenation the cGAN of Mirza and Osindero 2014). Any image size; unconditional or <see cref="ImageConditioning.Concat"/>.
    /// </summary>
    Mlp,
}
