using Microsoft.ML.Gan.Training;

namespace Microsoft.ML.Gan.Vectors;

/// <summary>
/// Options of a GAN that learns the distribution of a fixed-length float vector column. Use one of the derived
/// presets (<see cref="VanillaGanOptions"/>, <see cref="WganOptions"/>, <see cref="WganGpOptions"/>) for the defaults
/// of each paper.
/// </summary>
public class VectorGanOptions : GanTrainingOptions
{
    /// <summary>Column of known-size float vectors to learn. Default "Features".</summary>
    public string FeatureColumnName { get; set; } = "Features";

    /// <summary>Column the fitted model writes generated vectors to. Default "Generated".</summary>
    public string OutputColumnName { get; set; } = "Generated";

    /// <summary>Optional integer input column whose value seeds each generated row (the column is then required).
    /// When null (the default), row p of a transform is row p of the model's seeded sample stream.</summary>
    public string? SeedColumnName { get; set; }

    /// <summary>Size of the generator's noise input z. Default 16.</summary>
    public int LatentDimension { get; set; } = 16;

    /// <summary>Hidden widths of the generator. Default (128, 128).</summary>
    public IReadOnlyList<int> GeneratorLayers { get; set; } = [128, 128];

    /// <summary>Hidden widths of the discriminator. Default (128, 128).</summary>
    public IReadOnlyList<int> DiscriminatorLayers { get; set; } = [128, 128];

    /// <summary>Batch normalization in the generator's hidden layers. Default false.</summary>
    public bool GeneratorBatchNorm { get; set; }

    /// <summary>Spectral normalization of the discriminator's layers (a remedy against instability). Default false.</summary>
    public bool SpectralNorm { get; set; }

    /// <summary>PacGAN pack size: the discriminator judges this many samples at once (a remedy against mode
    /// collapse, Lin et al. 2018). BatchSize must be a multiple of it. Default 1 (no packing).</summary>
    public int Pac { get; set; } = 1;

    /// <summary>Dropout in the discriminator's hidden layers. Default 0.</summary>
    public double DiscriminatorDropout { get; set; }

    /// <inheritdoc />
    public override void Validate()
    {
        base.Validate();
        Require(!string.IsNullOrWhiteSpace(FeatureColumnName), nameof(FeatureColumnName), FeatureColumnName, "a column name");
        Require(!string.IsNullOrWhiteSpace(OutputColumnName), nameof(OutputColumnName), OutputColumnName, "a column name");
        Require(LatentDimension >= 1, nameof(LatentDimension), LatentDimension, "at least 1");
        Require(GeneratorLayers.All(w => w >= 1), nameof(GeneratorLayers), string.Join(",", GeneratorLayers), "positive widths");
        Require(DiscriminatorLayers.All(w => w >= 1), nameof(DiscriminatorLayers), string.Join(",", DiscriminatorLayers), "positive widths");
        Require(Pac >= 1, nameof(Pac), Pac, "at least 1");
        Require(BatchSize % Pac == 0, nameof(BatchSize), BatchSize, $"a multiple of Pac ({Pac})");
        Require(DiscriminatorDropout is >= 0 and < 1, nameof(DiscriminatorDropout), DiscriminatorDropout, "in [0, 1)");
    }
}

/// <summary>Vanilla GAN (Goodfellow et al. 2014) with the non-saturating loss and Adam(2e-4, β₁ = 0.5).</summary>
public sealed class VanillaGanOptions : VectorGanOptions
{
}

/// <summary>WGAN (Arjovsky et al. 2017): Wasserstein loss, weight clipping at 0.01, RMSprop(5e-5), n_critic = 5.</summary>
public sealed class WganOptions : VectorGanOptions
{
    /// <summary>Sets the paper's defaults.</summary>
    public WganOptions()
    {
        PaperDefaults.ApplyWgan(this);
    }
}

/// <summary>WGAN-GP (Gulrajani et al. 2017): Wasserstein loss, gradient penalty λ = 10, Adam(1e-4, β = (0, 0.9)),
/// n_critic = 5, no batch normalization in the critic.</summary>
public sealed class WganGpOptions : VectorGanOptions
{
    /// <summary>Sets the paper's defaults.</summary>
    public WganGpOptions()
    {
        PaperDefaults.ApplyWganGp(this);
    }
}
