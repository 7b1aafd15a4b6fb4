using Microsoft.ML.Gan.Images.Networks.Translation;
using Microsoft.ML.Gan.Losses;

namespace Microsoft.ML.Gan.Images;

/// <summary>
/// CycleGAN (Zhu et al. 2017): unpaired translation between domain A (<see cref="ImageTranslationOptions.InputColumnName"/>)
/// and domain B (<see cref="ImageTranslationOptions.TargetColumnName"/>). Two ResNet generators (G: A→B, F: B→A), two
/// PatchGAN discriminators, least-squares loss, cycle-consistency λ = 10, identity loss 0.5·λ, a pool of the last 50
/// generated images for the discriminators, instance normalization, Adam(2e-4, β₁ 0.5), batch 1, learning rates
/// constant for the first half of training and decaying linearly to 0 over the second. H and W must be divisible by 4.
/// </summary>
public sealed class CycleGanOptions : ImageTranslationOptions
{
    /// <summary>Sets the paper's loss, batch size and learning-rate schedule.</summary>
    public CycleGanOptions()
    {
        Loss = AdversarialLoss.LeastSquares;
        BatchSize = 1;
        LearningRateDecayStart = 0.5;
    }

    /// <summary>λ of the cycle-consistency losses ‖F(G(a)) − a‖₁ and ‖G(F(b)) − b‖₁. Default 10.</summary>
    public double CycleWeight { get; set; } = 10;

    /// <summary>Weight of the identity losses ‖G(b) − b‖₁ and ‖F(a) − a‖₁ relative to <see cref="CycleWeight"/>
    /// (needs equal channel counts; 0 turns them off). Default 0.5.</summary>
    public double IdentityWeight { get; set; } = 0.5;

    /// <summary>Generated images kept per direction for the discriminators (Shrivastava et al. 2017); 0 turns the pool off. Default 50.</summary>
    public int PoolSize { get; set; } = 50;

    /// <summary>Residual blocks of each generator (9 for 256×256, 6 for 128×128 in the paper). Default 9.</summary>
    public int ResidualBlocks { get; set; } = 9;

    /// <summary>Stride-2 stages of the PatchGANs, reduced for small images. Default 3.</summary>
    public int PatchLayers { get; set; } = 3;

    internal override ImageTranslationKind Kind => ImageTranslationKind.CycleGan;

    internal override TranslationNetworkSpec NetworkSpec() =>
        new(Kind, InputShape, OutputShape, GeneratorFeatures, DiscriminatorFeatures, ResidualBlocks, 0, PatchLayers);

    /// <inheritdoc />
    public override void Validate()
    {
        base.Validate();
        Require(CycleWeight >= 0, nameof(CycleWeight), CycleWeight, "non-negative");
        Require(IdentityWeight >= 0, nameof(IdentityWeight), IdentityWeight, "non-negative");
        Require(IdentityWeight == 0 || InputChannels == OutputChannels, nameof(IdentityWeight), IdentityWeight,
            $"0 when InputChannels ({InputChannels}) and OutputChannels ({OutputChannels}) differ");
        Require(PoolSize >= 0, nameof(PoolSize), PoolSize, "0 or more");
        Require(ResidualBlocks >= 0, nameof(ResidualBlocks), ResidualBlocks, "0 or more");
        Require(PatchLayers >= 1, nameof(PatchLayers), PatchLayers, "at least 1");
        Require(Height % 4 == 0 && Width % 4 == 0, nameof(Height), $"{Height}×{Width}", "sizes divisible by 4 (the generators halve them twice)");
    }
}
