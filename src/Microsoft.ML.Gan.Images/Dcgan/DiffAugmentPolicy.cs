namespace Microsoft.ML.Gan.Images;

/// <summary>Which differentiable augmentations (DiffAugment, Zhao et al. 2020) the discriminator sees.</summary>
[Flags]
public enum DiffAugmentPolicy
{
    /// <summary>No augmentation.</summary>
    None = 0,

    /// <summary>Random brightness, saturation and contrast.</summary>
    Color = 1,

    /// <summary>Random translation by up to 1/8 of the image size, zero-filled.</summary>
    Translation = 2,

    /// <summary>A random square of half the image size set to zero.</summary>
    Cutout = 4,

    /// <summary>Colour, translation and cutout: the paper's recommended policy.</summary>
    All = Color | Translation | Cutout,
}
