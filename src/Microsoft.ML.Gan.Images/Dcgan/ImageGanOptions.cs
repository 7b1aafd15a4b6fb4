namespace Microsoft.ML.Gan.Images;

/// <summary>How the generator and discriminator use the class label.</summary>
public enum ImageConditioning
{
    /// <summary>Unconditional (the label column, if any, is ignored).</summary>
    None,

    /// <summary>cGAN (Mirza &amp; Osindero 2014): one-hot label concatenated to G's noise and, as constant planes, to D's input.</summary>
    Concat,

    /// <summary>AC-GAN (Odena et al. 2017): label concatenated to G's noise; D has an auxiliary classifier head trained
    /// with cross-entropy on real and generated images, and G is also trained to make its images classifiable.</summary>
    AuxiliaryClassifier,

    /// <summary>Projection discriminator (Miyato &amp; Koyama 2018) with conditional batch normalization in G.</summary>
    Projection,
}

/// <summary>Normalization inside the discriminator's hidden convolutions (never on its input layer).</summary>
public enum DiscriminatorNormalization
{
    /// <summary>Batch normalization (DCGAN).</summary>
    BatchNorm,

    /// <summary>Layer normalization over (C, H, W) of each sample (the WGAN-GP paper's suggestion for critics).</summary>
    LayerNorm,

    /// <summary>No normalization.</summary>
    None,
}

/// <summary>
/// Options of the convolutional image GANs (DCGAN, Radford et al. 2016, and its WGAN, WGAN-GP and conditional
/// variants). Defaults are DCGAN's: Adam(2e-4, β₁ = 0.5), non-saturating loss, batch 64, z of 100, ngf = ndf = 64,
/// batch norm in G and D except G's output and D's input layers, weights ~ N(0, 0.02).
/// </summary>
/// <remarks>
/// <para><b>Sizes.</b> G starts from an s<sub>h</sub>×s<sub>w</sub> seed (a transposed convolution of the noise) and doubles
/// it k times with 4×4 stride-2 transposed convolutions; D mirrors it with 4×4 stride-2 convolutions and ends with an
/// s<sub>h</sub>×s<sub>w</sub> convolution to one logit. k is the largest count of halvings that leaves both H and W
/// whole numbers of at least 4, and must be at least 1 (H and W even, both ≥ 8). Examples: 28×28 → 7×7 seed, k = 2;
/// 32×32 → 4×4, k = 3; 64×64 → 4×4, k = 4; 48×80 → 6×10, k = 3. Stage widths are ngf·2<sup>j</sup> (capped at 8·ngf).</para>
/// <para><b>Pixels.</b> A float-vector image column holds planar C×H×W values in [<see cref="ImageColumnOptions.PixelMin"/>,
/// <see cref="ImageColumnOptions.PixelMax"/>] (default [0, 1]; use 0 and 255 after ExtractPixels without scaling); an MLImage column is
/// read as bytes / 255. Networks see [−1, 1] (tanh output); generated vectors come back in [PixelMin, PixelMax].</para>
/// </remarks>
public class ImageGanOptions : ImageColumnOptions
{
    /// <summary>Optional class label column (key, or integer/Single index 0..ClassCount−1); required when
    /// <see cref="Conditioning"/> is not None. Default null.</summary>
    public string? LabelColumnName { get; set; }

    /// <summary>Number of classes of a non-key label column; null infers max label + 1. Key columns use their key count.</summary>
    public int? ClassCount { get; set; }

    /// <summary>The networks: DCGAN's convolutional stacks (default), or fully connected layers on the pixels (<see cref="ImageVanillaGanOptions"/>).</summary>
    internal ImageGanArchitecture Architecture { get; set; } = ImageGanArchitecture.Dcgan;

    /// <summary>Hidden layer widths of the MLP generator (batch norm, LeakyReLU 0.2). Default (256, 512, 1024).</summary>
    public IReadOnlyList<int> GeneratorLayers { get; set; } = [256, 512, 1024];

    /// <summary>Hidden layer widths of the MLP discriminator (LeakyReLU 0.2, dropout 0.3). Default (512, 256).</summary>
    public IReadOnlyList<int> DiscriminatorLayers { get; set; } = [512, 256];

    /// <summary>ngf: channels of the generator's last hidden stage (doubling towards the seed). Default 64.</summary>
    public int GeneratorFeatures { get; set; } = 64;

    /// <summary>ndf: channels of the discriminator's first stage (doubling towards the head). Default 64.</summary>
    public int DiscriminatorFeatures { get; set; } = 64;

    /// <summary>Normalization in the discriminator's hidden stages. Default batch norm.</summary>
    public DiscriminatorNormalization DiscriminatorNormalization { get; set; } = DiscriminatorNormalization.BatchNorm;

    /// <summary>Spectral normalization of every discriminator convolution (Miyato et al. 2018). Default false.</summary>
    public bool SpectralNorm { get; set; }

    /// <summary>How the label conditions the networks. Default None.</summary>
    public ImageConditioning Conditioning { get; set; } = ImageConditioning.None;

    /// <summary>Weight of AC-GAN's classification losses. Default 1.</summary>
    public double AuxiliaryLossWeight { get; set; } = 1.0;

    internal override string? LabelColumnToRead => Conditioning == ImageConditioning.None ? null : LabelColumnName;

    /// <summary>
    /// Differentiable augmentation (DiffAugment, Zhao et al. 2020) of every image the discriminator judges, real and
    /// generated, in both networks' steps; <see cref="DiffAugmentPolicy.All"/> (colour, translation, cutout) is the
    /// paper's choice for small datasets. Default None.
    /// </summary>
    public DiffAugmentPolicy DiffAugment { get; set; } = DiffAugmentPolicy.None;

    internal override int? DeclaredClassCount => ClassCount;

    /// <inheritdoc />
    public override void Validate()
    {
        base.Validate();
        Require(Enum.IsDefined(Architecture), nameof(Architecture), Architecture, "Dcgan or Mlp");
        bool mlp = Architecture == ImageGanArchitecture.Mlp;
        if (mlp)
        {
            Require(GeneratorLayers is { Count: > 0 } g && g.All(w => w > 0), nameof(GeneratorLayers), GeneratorLayers, "at least one positive width");
            Require(DiscriminatorLayers is { Count: > 0 } d && d.All(w => w > 0), nameof(DiscriminatorLayers), DiscriminatorLayers, "at least one positive width");
            Require(Conditioning is ImageConditioning.None or ImageConditioning.Concat, nameof(Conditioning), Conditioning,
                "None or Concat with the Mlp architecture (AC-GAN and projection need the convolutional discriminator)");
        }
        else
        {
            Networks.DcganLayout.Create(ResolveShape());
        }
        Require(ClassCount is null or >= 2, nameof(ClassCount), ClassCount, "at least 2 when set");
        Require(GeneratorFeatures >= 1, nameof(GeneratorFeatures), GeneratorFeatures, "at least 1");
        Require(DiscriminatorFeatures >= 1, nameof(DiscriminatorFeatures), DiscriminatorFeatures, "at least 1");
        Require((DiffAugment & ~DiffAugmentPolicy.All) == 0, nameof(DiffAugment), DiffAugment, "a combination of Color, Translation and Cutout");
        Require(AuxiliaryLossWeight >= 0, nameof(AuxiliaryLossWeight), AuxiliaryLossWeight, "non-negative");
        Require(Conditioning == ImageConditioning.None || LabelColumnName is not null, nameof(LabelColumnName), LabelColumnName,
            $"a label column because Conditioning is {Conditioning}");
        Require(mlp || !(Penalty == Penalties.PenaltyKind.GradientPenalty && DiscriminatorNormalization == DiscriminatorNormalization.BatchNorm),
            nameof(DiscriminatorNormalization), DiscriminatorNormalization,
            "LayerNorm or None with a gradient penalty (batch norm makes each critic output depend on the whole batch)");
    }
}

/// <summary>
/// Vanilla GAN on pixels (Goodfellow et al. 2014): fully connected G (256, 512, 1024; batch norm, LeakyReLU, tanh) and
/// D (512, 256; LeakyReLU, dropout), non-saturating loss, Adam(2e-4, β₁ = 0.5). Set <see cref="ImageGanOptions.Conditioning"/>
/// to Concat (and a label column) for the MLP cGAN of Mirza and Osindero (2014).
/// </summary>
public sealed class ImageVanillaGanOptions : ImageGanOptions
{
    /// <summary>Sets the MLP architecture.</summary>
    public ImageVanillaGanOptions()
    {
        Architecture = ImageGanArchitecture.Mlp;
    }
}

/// <summary>Conditional DCGAN (cGAN, label concatenation) with DCGAN's defaults.</summary>
public sealed class ConditionalGanOptions : ImageGanOptions
{
    /// <summary>Sets label concatenation and the label column "Label".</summary>
    public ConditionalGanOptions()
    {
        Conditioning = ImageConditioning.Concat;
        LabelColumnName = "Label";
    }
}

/// <summary>AC-GAN (Odena et al. 2017) with DCGAN's defaults and an auxiliary classifier head.</summary>
public sealed class AcGanOptions : ImageGanOptions
{
    /// <summary>Sets auxiliary-classifier conditioning and the label column "Label".</summary>
    public AcGanOptions()
    {
        Conditioning = ImageConditioning.AuxiliaryClassifier;
        LabelColumnName = "Label";
    }
}

/// <summary>WGAN with a DCGAN critic (Arjovsky et al. 2017): Wasserstein loss, clipping at 0.01, RMSprop(5e-5), n_critic = 5.</summary>
public sealed class ImageWganOptions : ImageGanOptions
{
    /// <summary>Sets the paper's defaults.</summary>
    public ImageWganOptions()
    {
        PaperDefaults.ApplyWgan(this);
    }
}

/// <summary>WGAN-GP with a DCGAN critic (Gulrajani et al. 2017): Wasserstein loss, gradient penalty λ = 10,
/// Adam(1e-4, β = (0, 0.9)), n_critic = 5, no batch norm in the critic (LayerNorm by default, as the paper suggests).</summary>
public sealed class ImageWganGpOptions : ImageGanOptions
{
    /// <summary>Sets the paper's defaults.</summary>
    public ImageWganGpOptions()
    {
        PaperDefaults.ApplyWganGp(this);
        DiscriminatorNormalization = DiscriminatorNormalization.LayerNorm;
    }
}
