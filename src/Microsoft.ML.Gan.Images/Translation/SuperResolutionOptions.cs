using Microsoft.ML.Gan.Images.Metrics;
using Microsoft.ML.Gan.Images.Networks.Translation;

namespace Microsoft.ML.Gan.Images;

/// <summary>How low-resolution training inputs are made from high-resolution images.</summary>
public enum SuperResolutionDownsampling
{
    /// <summary>Bicubic interpolation with antialiasing (the SRGAN paper's bicubic kernel).</summary>
    Bicubic,

    /// <summary>Area averaging of each scale×scale block.</summary>
    Area,
}

/// <summary>
/// SRGAN (Ledig et al. 2017): super-resolution by <see cref="Scale"/> (2 or 4). Training reads high-resolution images
/// from <see cref="ImageTranslationOptions.TargetColumnName"/> (H×W, optionally randomly cropped to
/// <see cref="CropSize"/>) and makes each low-resolution input on the fly by downsampling. Phase 1 pre-trains the
/// SRResNet generator on pixel MSE for <see cref="PretrainingSteps"/>; phase 2 (the engine's adversarial training, its
/// <c>Epochs</c>/<c>MaxSteps</c>) adds a VGG-style discriminator: generator loss = content loss +
/// <see cref="AdversarialWeight"/>·adversarial loss. Adam(1e-4, β = (0.9, 0.999)), batch 16, 16 residual blocks.
/// The fitted model reads low-resolution images (H/scale × W/scale) from
/// <see cref="ImageTranslationOptions.InputColumnName"/>.
/// </summary>
public sealed class SuperResolutionOptions : ImageTranslationOptions
{
    /// <summary>Sets the paper's optimizer, batch size and column names ("LowResolution" → "Upscaled", trained on "Image").</summary>
    public SuperResolutionOptions()
    {
        GeneratorLearningRate = 1e-4;
        DiscriminatorLearningRate = 1e-4;
        GeneratorBeta1 = 0.9;
        DiscriminatorBeta1 = 0.9;
        BatchSize = 16;
        InputColumnName = "LowResolution";
        TargetColumnName = "Image";
        OutputColumnName = "Upscaled";
    }

    /// <summary>The upscaling factor: 2 or 4. Default 4.</summary>
    public int Scale { get; set; } = 4;

    /// <summary>Residual blocks of SRResNet. Default 16.</summary>
    public int ResidualBlocks { get; set; } = 16;

    /// <summary>Generator-only steps on pixel MSE before adversarial training (the paper's SRResNet-MSE
    /// initialisation ran 10⁶). Default 1000.</summary>
    public long PretrainingSteps { get; set; } = 1000;

    /// <summary>If false, stop after pre-training (SRResNet without the GAN phase). Default true.</summary>
    public bool Adversarial { get; set; } = true;

    /// <summary>Weight of the adversarial term in the generator loss. Default 1e-3.</summary>
    public double AdversarialWeight { get; set; } = 1e-3;

    /// <summary>
    /// Optional feature network for the content loss: MSE between its outputs on the upscaled and on the real image
    /// (the paper uses VGG19 features). It reads [N, C, H, W] images in [−1, 1] of the crop size; its weights are frozen.
    /// When neither this nor <see cref="ContentClassifier"/> is set, the content loss is pixel MSE.
    /// </summary>
    public nn.Module<Tensor, Tensor>? ContentNetwork { get; set; }

    /// <summary>Optional in-library feature network for the content loss: the penultimate features of a trained
    /// <see cref="DomainClassifier"/> (its image shape must be the crop shape).</summary>
    public DomainClassifier? ContentClassifier { get; set; }

    /// <summary>Side of the square random crop of each training batch (one offset per batch); null trains on whole images.</summary>
    public int? CropSize { get; set; }

    /// <summary>How low-resolution inputs are made. Default bicubic.</summary>
    public SuperResolutionDownsampling Downsampling { get; set; } = SuperResolutionDownsampling.Bicubic;

    /// <summary>H/scale × W/scale images of <see cref="ImageTranslationOptions.OutputChannels"/>.</summary>
    public override ImageShape InputShape => new(OutputChannels, Height / Math.Max(1, Scale), Width / Math.Max(1, Scale));

    /// <summary>The shape of a training crop (the whole image without <see cref="CropSize"/>).</summary>
    public ImageShape CropShape => CropSize is int side ? new(OutputChannels, side, side) : OutputShape;

    internal override ImageTranslationKind Kind => ImageTranslationKind.SuperResolution;

    internal override TranslationNetworkSpec NetworkSpec() =>
        new(Kind, InputShape, OutputShape, GeneratorFeatures, DiscriminatorFeatures, ResidualBlocks, 0, 0);

    /// <inheritdoc />
    public override void Validate()
    {
        base.Validate();
        Require(Scale is 2 or 4, nameof(Scale), Scale, "2 or 4");
        Require(InputChannels == OutputChannels, nameof(InputChannels), InputChannels, $"equal to OutputChannels ({OutputChannels}): super-resolution keeps the channels");
        Require(Height % Scale == 0 && Width % Scale == 0, nameof(Height), $"{Height}×{Width}", $"sizes divisible by Scale ({Scale})");
        Require(ResidualBlocks >= 0, nameof(ResidualBlocks), ResidualBlocks, "0 or more");
        Require(PretrainingSteps >= 0, nameof(PretrainingSteps), PretrainingSteps, "0 or more");
        Require(Adversarial || PretrainingSteps > 0, nameof(PretrainingSteps), PretrainingSteps, "positive when Adversarial is false");
        Require(AdversarialWeight >= 0, nameof(AdversarialWeight), AdversarialWeight, "non-negative");
        Require(CropSize is null || (CropSize >= 2 * Scale && CropSize % Scale == 0 && CropSize <= Math.Min(Height, Width)), nameof(CropSize), CropSize,
            $"a multiple of Scale ({Scale}), at least {2 * Scale} and at most min(Height, Width) when set");
        Require(ContentNetwork is null || ContentClassifier is null, nameof(ContentClassifier), ContentClassifier, "null when ContentNetwork is set");
        Require(ContentClassifier is null || ContentClassifier.Shape == CropShape, nameof(ContentClassifier), ContentClassifier?.Shape,
            $"a classifier of the training crop's shape {CropShape}");
    }
}
