using Microsoft.ML.Gan.Penalties;

namespace Microsoft.ML.Gan.Images.StyleGan;

/// <summary>
/// Options of a small StyleGAN2-style generator (Karras et al. 2019, 2020). Training defaults are StyleGAN2's:
/// non-saturating loss, R1 penalty with lazy regularization every 16 discriminator steps, Adam(2e-3, β = (0, 0.99)),
/// equalized learning rate everywhere, mapping learning-rate multiplier 0.01, style mixing probability 0.9, generator
/// EMA. Widths are smaller than the paper's (z = w = 256, at most 256 feature maps) so that it trains on a CPU.
/// </summary>
/// <remarks>
/// Images of any size up to <see cref="MaxResolution"/> work: the networks run at the smallest power of two ≥ max(H, W)
/// (at least 8), smaller images are centred in it on a black border and generated images are cropped back
/// (Fashion-MNIST's 28×28 runs at 32×32). Feature maps at resolution r: min(<see cref="ChannelBase"/> / r,
/// <see cref="MaxChannels"/>).
/// </remarks>
public sealed class StyleGanOptions : ImageColumnOptions
{
    /// <summary>Largest supported network resolution.</summary>
    public const int MaxResolution = 256;

    /// <summary>Sets StyleGAN2's training defaults.</summary>
    public StyleGanOptions()
    {
        LatentDimension = 256;
        BatchSize = 32;
        Penalty = PenaltyKind.R1;
        PenaltyWeight = 10;
        PenaltyInterval = 16;
        GeneratorLearningRate = 2e-3;
        DiscriminatorLearningRate = 2e-3;
        GeneratorBeta1 = 0;
        GeneratorBeta2 = 0.99;
        DiscriminatorBeta1 = 0;
        DiscriminatorBeta2 = 0.99;
        GeneratorEmaDecay = 0.999;
    }

    /// <summary>Size of the intermediate latent w. Default 256 (512 in the paper).</summary>
    public int StyleDimension { get; set; } = 256;

    /// <summary>Fully connected layers of the mapping network. Default 8 (the paper's).</summary>
    public int MappingLayers { get; set; } = 8;

    /// <summary>Learning-rate multiplier of the mapping network (equalized-lr scaling). Default 0.01 (the paper's).</summary>
    public double MappingLearningRateMultiplier { get; set; } = 0.01;

    /// <summary>Feature maps × resolution (StyleGAN2's channel_base). Default 4096 (32768 in the paper).</summary>
    public int ChannelBase { get; set; } = 4096;

    /// <summary>Cap on feature maps per layer. Default 256 (512 in the paper).</summary>
    public int MaxChannels { get; set; } = 256;

    /// <summary>Probability of style mixing for a training batch. Default 0.9 (the paper's).</summary>
    public double StyleMixingProbability { get; set; } = 0.9;

    /// <summary>Noise inputs during training. Default random.</summary>
    public NoiseMode NoiseMode { get; set; } = NoiseMode.Random;

    /// <summary>Group size of the minibatch-standard-deviation layer. Default 4 (the paper's).</summary>
    public int MinibatchStdGroupSize { get; set; } = 4;

    /// <summary>Truncation ψ of the fitted model's row-to-row generation (w = w_avg + ψ(w − w_avg)). Default 1 (none).</summary>
    public double Truncation { get; set; } = 1;

    /// <summary>Noise of the fitted model's row-to-row generation (random noise is seeded per row). Default random.</summary>
    public NoiseMode GenerationNoiseMode { get; set; } = NoiseMode.Random;

    /// <inheritdoc />
    public override void Validate()
    {
        base.Validate();
        Require(Math.Max(Height, Width) <= MaxResolution, nameof(Height), $"{Height}×{Width}", $"at most {MaxResolution} pixels a side");
        Require(StyleDimension >= 1, nameof(StyleDimension), StyleDimension, "at least 1");
        Require(MappingLayers >= 1, nameof(MappingLayers), MappingLayers, "at least 1");
        Require(MappingLearningRateMultiplier is > 0 and <= 1, nameof(MappingLearningRateMultiplier), MappingLearningRateMultiplier, "in (0, 1]");
        Require(ChannelBase >= 1, nameof(ChannelBase), ChannelBase, "at least 1");
        Require(MaxChannels >= 1, nameof(MaxChannels), MaxChannels, "at least 1");
        Require(StyleMixingProbability is >= 0 and <= 1, nameof(StyleMixingProbability), StyleMixingProbability, "in [0, 1]");
        Require(Enum.IsDefined(NoiseMode), nameof(NoiseMode), NoiseMode, "Random, Const or None");
        Require(Enum.IsDefined(GenerationNoiseMode), nameof(GenerationNoiseMode), GenerationNoiseMode, "Random, Const or None");
        Require(MinibatchStdGroupSize >= 1, nameof(MinibatchStdGroupSize), MinibatchStdGroupSize, "at least 1");
        Require(Truncation is >= 0 and <= 2, nameof(Truncation), Truncation, "in [0, 2] (1 = no truncation)");
    }
}
