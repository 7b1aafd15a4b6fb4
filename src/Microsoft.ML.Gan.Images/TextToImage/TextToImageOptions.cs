namespace Microsoft.ML.Gan.Images.TextToImage;

/// <summary>
/// Options of text-conditioned image generation in the style of GAN-INT-CLS (Reed et al. 2016). The condition is any
/// known-size float-vector column — the output of <c>mlContext.Transforms.Text.FeaturizeText</c>, or a sentence
/// embedding computed elsewhere. Defaults are the paper's: the text vector compressed to 128 features by a fully
/// connected layer with LeakyReLU, concatenated to z (100) in G and, replicated spatially, to D's 4×4 feature map;
/// matching-aware discriminator (real image with mismatched text is a third, negative pair); interpolated text
/// vectors (β = 0.5) as extra generator inputs; DCGAN networks and Adam(2e-4, β₁ = 0.5).
/// </summary>
public sealed class TextToImageOptions : ImageColumnOptions
{
    /// <summary>The text-vector column (known-size vector of Single): the condition of training and of the fitted
    /// model's Transform. Default "Features" (FeaturizeText's usual output name).</summary>
    public string ConditionColumnName { get; set; } = "Features";

    /// <summary>Features the text vector is compressed to (in G and in D). Default 128 (the paper's).</summary>
    public int ProjectionDimension { get; set; } = 128;

    /// <summary>ngf: channels of the generator's last hidden stage. Default 64.</summary>
    public int GeneratorFeatures { get; set; } = 64;

    /// <summary>ndf: channels of the discriminator's first stage. Default 64.</summary>
    public int DiscriminatorFeatures { get; set; } = 64;

    /// <summary>GAN-CLS: the discriminator also learns that a real image with a mismatched text vector (another row's)
    /// is fake. Default true.</summary>
    public bool MatchingAware { get; set; } = true;

    /// <summary>GAN-INT: the generator also learns from interpolations β·t₁ + (1 − β)·t₂ of two rows' text vectors
    /// (judged with the interpolated vector). Default true.</summary>
    public bool EmbeddingInterpolation { get; set; } = true;

    /// <summary>β of the interpolation. Default 0.5 (the paper's).</summary>
    public double InterpolationBeta { get; set; } = 0.5;

    /// <inheritdoc />
    public override void Validate()
    {
        base.Validate();
        Networks.DcganLayout.Create(ResolveShape());
        Require(!string.IsNullOrWhiteSpace(ConditionColumnName), nameof(ConditionColumnName), ConditionColumnName, "a column name");
        Require(ProjectionDimension >= 1, nameof(ProjectionDimension), ProjectionDimension, "at least 1");
        Require(GeneratorFeatures >= 1, nameof(GeneratorFeatures), GeneratorFeatures, "at least 1");
        Require(DiscriminatorFeatures >= 1, nameof(DiscriminatorFeatures), DiscriminatorFeatures, "at least 1");
        Require(InterpolationBeta is >= 0 and <= 1, nameof(InterpolationBeta), InterpolationBeta, "in [0, 1]");
        Require(Penalty != Penalties.PenaltyKind.GradientPenalty, nameof(Penalty), Penalty,
            "None or R1 (the discriminator uses batch norm, which a gradient penalty on interpolates does not allow)");
    }
}
