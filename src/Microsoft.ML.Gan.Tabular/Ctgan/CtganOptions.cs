using Microsoft.ML.Gan.Losses;
using Microsoft.ML.Gan.Penalties;
using Microsoft.ML.Gan.Tabular.Data;
using Microsoft.ML.Gan.Training;

namespace Microsoft.ML.Gan.Tabular.Ctgan;

/// <summary>
/// Options of CTGAN (Xu et al. 2019, "Modeling Tabular Data using Conditional GAN"). The constructor sets the paper's
/// defaults: WGAN-GP loss (λ = 10), Adam(2e-4, β = (0.5, 0.9)), weight decay 1e-6, batch 500, 300 epochs, one
/// critic step per generator step, PacGAN with 10 rows per pack, noise of 128, (256, 256) layers in both networks.
/// </summary>
public sealed class CtganOptions : GanTrainingOptions
{
    /// <summary>Sets the paper's defaults.</summary>
    public CtganOptions()
    {
        Loss = AdversarialLoss.Wasserstein;
        Penalty = PenaltyKind.GradientPenalty;
        PenaltyWeight = 10;
        GeneratorLearningRate = 2e-4;
        DiscriminatorLearningRate = 2e-4;
        GeneratorBeta1 = 0.5;
        GeneratorBeta2 = 0.9;
        DiscriminatorBeta1 = 0.5;
        DiscriminatorBeta2 = 0.9;
        WeightDecay = 1e-6;
        BatchSize = 500;
        Epochs = 300;
        CriticSteps = 1;
    }

    /// <summary>Numeric columns to treat as discrete (text, Boolean and key columns always are). Default: none.</summary>
    public IReadOnlyList<string> DiscreteColumns { get; set; } = [];

    /// <summary>Columns not to learn (identifiers, vectors); the fitted model does not generate them. Default: none.</summary>
    public IReadOnlyList<string> IgnoreColumns { get; set; } = [];

    /// <summary>How columns are encoded (modes per continuous column, <see cref="DataTransformerOptions.MaxCategories"/>, …). Default: the transformer's defaults.</summary>
    public DataTransformerOptions Transformer { get; set; } = new();

    /// <summary>PacGAN pack size: the critic judges this many rows at once. <see cref="GanTrainingOptions.BatchSize"/> must be a multiple of it. Default 10.</summary>
    public int Pac { get; set; } = 10;

    /// <summary>Size of the generator's noise input. Default 128.</summary>
    public int EmbeddingDimension { get; set; } = 128;

    /// <summary>Widths of the generator's residual layers. Default (256, 256).</summary>
    public int[] GeneratorLayers { get; set; } = [256, 256];

    /// <summary>Widths of the discriminator's hidden layers. Default (256, 256).</summary>
    public int[] DiscriminatorLayers { get; set; } = [256, 256];

    /// <summary>Dropout after each hidden layer of the discriminator. Default 0.5.</summary>
    public double DiscriminatorDropout { get; set; } = 0.5;

    /// <summary>Temperature τ of the Gumbel-softmax on categorical spans during training. Default 0.2.</summary>
    public double GumbelTemperature { get; set; } = 0.2;

    /// <inheritdoc />
    public override void Validate()
    {
        base.Validate();
        Require(DiscreteColumns is not null, nameof(DiscreteColumns), null, "a list (possibly empty)");
        Require(IgnoreColumns is not null, nameof(IgnoreColumns), null, "a list (possibly empty)");
        Require(Transformer is not null, nameof(Transformer), null, "transformer options");
        Require(Pac >= 1, nameof(Pac), Pac, "at least 1");
        Require(BatchSize % Pac == 0, nameof(BatchSize), BatchSize, $"a multiple of Pac ({Pac})");
        Require(EmbeddingDimension >= 1, nameof(EmbeddingDimension), EmbeddingDimension, "at least 1");
        Require(GeneratorLayers is { Length: > 0 } && GeneratorLayers.All(w => w >= 1), nameof(GeneratorLayers),
            GeneratorLayers is null ? null : string.Join(",", GeneratorLayers), "one or more positive widths");
        Require(DiscriminatorLayers is { Length: > 0 } && DiscriminatorLayers.All(w => w >= 1), nameof(DiscriminatorLayers),
            DiscriminatorLayers is null ? null : string.Join(",", DiscriminatorLayers), "one or more positive widths");
        Require(DiscriminatorDropout is >= 0 and < 1, nameof(DiscriminatorDropout), DiscriminatorDropout, "in [0, 1)");
        Require(GumbelTemperature > 0 && double.IsFinite(GumbelTemperature), nameof(GumbelTemperature), GumbelTemperature, "positive");
    }
}
