using Microsoft.ML.Gan.Losses;
using Microsoft.ML.Gan.Penalties;
using Microsoft.ML.Gan.Tabular.Privacy;

namespace Microsoft.ML.Gan.Tabular.Ctgan;

/// <summary>
/// Options of CTGAN (Xu et al. 2019, "Modeling Tabular Data using Conditional GAN"). The constructor sets the paper's
/// defaults: WGAN-GP loss (λ = 10), Adam(2e-4, β = (0.5, 0.9)), weight decay 1e-6, batch 500, 300 epochs, one
/// critic step per generator step, PacGAN with 10 rows per pack, noise of 128, (256, 256) layers in both networks.
/// Two additions to the paper. The default length is 300 epochs but at least
/// <see cref="DefaultMinimumGeneratorSteps"/> generator steps, so that a small table gets enough updates (an
/// <see cref="GanTrainingOptions.Epochs"/> or <see cref="GanTrainingOptions.MaxSteps"/> you set is trained exactly).
/// And the fitted generator is an exponential moving average of the training generator's
/// weights (<see cref="GanTrainingOptions.GeneratorEmaDecay"/> = 0.999, Yazıcı et al. 2019). On adult after 300 epochs it
/// raised the column-shape mean from 0.946 to 0.972 (benchmarks/BENCHMARKS.md); set it to null for the paper's exact
/// procedure, which samples from the last weights.
/// </summary>
public sealed class CtganOptions : GanTrainingOptions, ITabularSynthesizerOptions
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
        SetDefaultLength(300, DefaultMinimumGeneratorSteps);
        CriticSteps = 1;
        GeneratorEmaDecay = 0.999;
    }

    /// <summary>
    /// The floor of generator steps under the default 300 epochs (<see cref="GanTrainingOptions.DefaultMinimumSteps"/>):
    /// at batch 500 a table of 1,000 rows gets only 600 steps in 300 epochs, while adult (32k rows) gets 19,500.
    /// </summary>
    public const long DefaultMinimumGeneratorSteps = 2000;

    /// <summary>
    /// The label a model will later be trained to predict, for target-aware synthesis (CTAB-GAN+, Zhao et al. 2022):
    /// an auxiliary classifier (categorical label) or regressor (continuous label) is trained on the real rows to
    /// predict this column from the others, and its loss on generated rows (against each row's own generated label)
    /// is added to the generator's loss, steering the generator towards rows whose label fits their features. The
    /// conditional vector stays CTGAN's training-by-sampling, as in CTAB-GAN+. Not allowed with
    /// <see cref="Privacy"/> (the predictor reads real rows without noise). Default: null (plain CTGAN).
    /// </summary>
    public string? LabelColumn { get; set; }

    /// <summary>Numeric columns to treat as discrete (text, Boolean and key columns always are). Default: none.</summary>
    public IReadOnlyList<string> DiscreteColumns { get; set; } = [];

    /// <summary>Columns not to learn (identifiers, vectors); the fitted model does not generate them. Default: none.</summary>
    public IReadOnlyList<string> IgnoreColumns { get; set; } = [];

    /// <summary>How columns are encoded (modes per continuous column, <see cref="DataTransformerOptions.MaxCategories"/>, …). Default: the transformer's defaults.</summary>
    public DataTransformerOptions Transformer { get; set; } = new();

    /// <summary>PacGAN pack size: the critic judges this many rows at once. <see cref="GanTrainingOptions.BatchSize"/> must be a multiple of it. Default 10.</summary>
    public int Pac { get; set; } = 10;

    /// <summary>Size of the generator's noise input. Default 128.</summary>
    public int LatentDimension { get; set; } = 128;

    /// <summary>Widths of the generator's residual layers. Default (256, 256).</summary>
    public IReadOnlyList<int> GeneratorLayers { get; set; } = [256, 256];

    /// <summary>Widths of the discriminator's hidden layers. Default (256, 256).</summary>
    public IReadOnlyList<int> DiscriminatorLayers { get; set; } = [256, 256];

    /// <summary>Dropout after each hidden layer of the discriminator. Default 0.5.</summary>
    public double DiscriminatorDropout { get; set; } = 0.5;

    /// <summary>Temperature τ of the Gumbel-softmax on categorical spans during training. Default 0.2.</summary>
    public double GumbelTemperature { get; set; } = 0.2;

    /// <summary>
    /// Differential privacy of the fit (DP-SGD on the discriminator, DP statistics for the data transformer); null for
    /// none. DP needs <see cref="Pac"/> = 1, no gradient penalty and a loss that is a sum over rows: start from
    /// <see cref="DifferentiallyPrivate"/>, which sets them. Default: null.
    /// </summary>
    public TabularPrivacyOptions? Privacy { get; set; }

    /// <summary>
    /// CTGAN options for an (ε, δ)-DP fit: the paper's defaults except what DP-SGD requires — one row per critic sample
    /// (<see cref="Pac"/> = 1: the privacy unit is a row, and packs would let one row move a whole pack), no gradient
    /// penalty (its interpolates mix real and generated rows across the batch, so its per-row gradient is not an outer
    /// product; the critic is bounded by clipping and noise instead) and the non-saturating loss (as SmartNoise's
    /// DP-CTGAN), with Adam(2e-4, β = (0.5, 0.9)). The default length is 300 epochs without
    /// <see cref="DefaultMinimumGeneratorSteps"/>: under DP every extra step costs noise, a trade-off not measured here.
    /// </summary>
    /// <param name="targetEpsilon">ε for the whole fit.</param>
    /// <param name="delta">δ; null for 1/n^1.1.</param>
    public static CtganOptions DifferentiallyPrivate(double targetEpsilon, double? delta = null)
    {
        var options = new CtganOptions
        {
            Pac = 1,
            Loss = AdversarialLoss.NonSaturating,
            Penalty = PenaltyKind.None,
            Privacy = new TabularPrivacyOptions { TargetEpsilon = targetEpsilon, Delta = delta },
        };
        options.SetDefaultLength(300, minimumSteps: 0);
        return options;
    }

    /// <inheritdoc />
    public override void Validate()
    {
        base.Validate();
        Require(DiscreteColumns is not null, nameof(DiscreteColumns), null, "a list (possibly empty)");
        Require(IgnoreColumns is not null, nameof(IgnoreColumns), null, "a list (possibly empty)");
        Require(Transformer is not null, nameof(Transformer), null, "transformer options");
        Require(Pac >= 1, nameof(Pac), Pac, "at least 1");
        Require(BatchSize % Pac == 0, nameof(BatchSize), BatchSize, $"a multiple of Pac ({Pac})");
        Require(LatentDimension >= 1, nameof(LatentDimension), LatentDimension, "at least 1");
        Require(GeneratorLayers is { Count: > 0 } && GeneratorLayers.All(w => w >= 1), nameof(GeneratorLayers),
            GeneratorLayers is null ? null : string.Join(",", GeneratorLayers), "one or more positive widths");
        Require(DiscriminatorLayers is { Count: > 0 } && DiscriminatorLayers.All(w => w >= 1), nameof(DiscriminatorLayers),
            DiscriminatorLayers is null ? null : string.Join(",", DiscriminatorLayers), "one or more positive widths");
        Require(DiscriminatorDropout is >= 0 and < 1, nameof(DiscriminatorDropout), DiscriminatorDropout, "in [0, 1)");
        Require(GumbelTemperature > 0 && double.IsFinite(GumbelTemperature), nameof(GumbelTemperature), GumbelTemperature, "positive");
        Require(LabelColumn is null || !string.IsNullOrWhiteSpace(LabelColumn), nameof(LabelColumn), LabelColumn, "null or a column name");
        if (Privacy is null)
            return;
        Privacy.Validate();
        Require(LabelColumn is null, nameof(LabelColumn), LabelColumn,
            "null under differential privacy (its auxiliary predictor would read the real rows without noise)");
        Require(Pac == 1, nameof(Pac), Pac, "1 under differential privacy (the privacy unit is a row)");
        Require(CriticSteps >= 1, nameof(CriticSteps), CriticSteps, "at least 1 under differential privacy");
        Require(Penalty == PenaltyKind.None, nameof(Penalty), Penalty, "None under differential privacy (see CtganOptions.DifferentiallyPrivate)");
        Require(!ResumeFromCheckpoint, nameof(ResumeFromCheckpoint), ResumeFromCheckpoint, "false under differential privacy (the accountant is not checkpointed)");
    }
}
