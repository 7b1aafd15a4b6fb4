namespace Microsoft.ML.Gan.Images;

/// <summary>The image-to-image GAN family of a fitted <see cref="ImageTranslationTransformer"/>.</summary>
internal enum ImageTranslationKind
{
    /// <summary>pix2pix (Isola et al. 2017): paired translation with a U-Net generator.</summary>
    Pix2Pix = 0,

    /// <summary>SRGAN (Ledig et al. 2017): super-resolution with an SRResNet generator.</summary>
    SuperResolution = 1,

    /// <summary>CycleGAN (Zhu et al. 2017): unpaired translation with ResNet generators.</summary>
    CycleGan = 2,
}
