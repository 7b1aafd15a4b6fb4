using Microsoft.ML.Gan.Images.Networks.Translation;

namespace Microsoft.ML.Gan.Images;

/// <summary>
/// pix2pix (Isola et al. 2017): paired translation of <see cref="ImageTranslationOptions.InputColumnName"/> (A) into
/// <see cref="ImageTranslationOptions.TargetColumnName"/> (B). U-Net generator, PatchGAN discriminator on (A, B)
/// pairs, generator loss = adversarial + λ·L1 with λ = 100, Adam(2e-4, β = (0.5, 0.999)), batch 1, dropout 0.5 in the
/// decoder as the noise source. H and W must be even.
/// </summary>
public sealed class Pix2PixOptions : ImageTranslationOptions
{
    /// <summary>Sets the paper's batch size of 1 (the engine's defaults are already Adam 2e-4, β₁ 0.5, non-saturating loss).</summary>
    public Pix2PixOptions()
    {
        BatchSize = 1;
    }

    /// <summary>λ of the L1 term of the generator loss. Default 100.</summary>
    public double L1Weight { get; set; } = 100;

    /// <summary>Dropout in the three innermost decoder stages (active during training only). Default 0.5.</summary>
    public double Dropout { get; set; } = 0.5;

    /// <summary>Stride-2 stages of the PatchGAN (3 gives 70×70 patches), reduced for small images. Default 3.</summary>
    public int PatchLayers { get; set; } = 3;

    /// <summary>
    /// If true, training derives each input image from its target as grayscale (ITU-R BT.601 luma): the colorization
    /// recipe, which needs only an RGB column. The fitted model then reads a 1-channel column named
    /// <see cref="ImageTranslationOptions.InputColumnName"/>. Default false.
    /// </summary>
    public bool InputFromTargetGrayscale { get; set; }

    /// <summary>
    /// The colorization recipe: learn grayscale → RGB from the RGB image column <paramref name="rgbColumnName"/> alone;
    /// the fitted model colorizes the 1-channel float-vector column <paramref name="grayscaleColumnName"/> into "Colorized".
    /// </summary>
    /// <param name="rgbColumnName">RGB images (MLImage, or 3×H×W planar floats) to learn from.</param>
    /// <param name="grayscaleColumnName">The 1×H×W column the fitted model reads.</param>
    /// <param name="height">Image height.</param>
    /// <param name="width">Image width.</param>
    public static Pix2PixOptions Colorization(string rgbColumnName, string grayscaleColumnName, int height, int width) => new()
    {
        TargetColumnName = rgbColumnName,
        InputColumnName = grayscaleColumnName,
        InputChannels = 1,
        OutputChannels = 3,
        Height = height,
        Width = width,
        InputFromTargetGrayscale = true,
        OutputColumnName = "Colorized",
    };

    internal override ImageTranslationKind Kind => ImageTranslationKind.Pix2Pix;

    internal override TranslationNetworkSpec NetworkSpec() =>
        new(Kind, InputShape, OutputShape, GeneratorFeatures, DiscriminatorFeatures, 0, Dropout, PatchLayers);

    /// <inheritdoc />
    public override void Validate()
    {
        base.Validate();
        Require(L1Weight >= 0, nameof(L1Weight), L1Weight, "non-negative");
        Require(Dropout is >= 0 and < 1, nameof(Dropout), Dropout, "in [0, 1)");
        Require(PatchLayers >= 1, nameof(PatchLayers), PatchLayers, "at least 1");
        Require(Height % 2 == 0 && Width % 2 == 0 && Math.Min(Height, Width) >= 4, nameof(Height), $"{Height}×{Width}",
            "even sizes of at least 4 (the U-Net halves them)");
        Require(!InputFromTargetGrayscale || (InputChannels == 1 && OutputChannels == 3), nameof(InputFromTargetGrayscale), InputFromTargetGrayscale,
            "false unless InputChannels is 1 and OutputChannels is 3 (grayscale → RGB)");
    }
}
