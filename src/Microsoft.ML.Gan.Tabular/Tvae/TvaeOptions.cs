namespace Microsoft.ML.Gan.Tabular.Tvae;

/// <summary>
/// Options of TVAE (Xu et al. 2019, "Modeling Tabular Data using Conditional GAN", §4.1 and the SDV implementation):
/// the data transformer of CTGAN, an encoder MLP (128, 128) to a 128-dimensional Gaussian latent code, a decoder MLP
/// (128, 128) with a learned standard deviation per scalar output, the ELBO with per-column reconstruction losses scaled
/// by 2, Adam(1e-3) with weight decay 1e-5, batch 500, 300 epochs (at least 2,000 steps unless you set the length).
/// Progress is reported per epoch, and every 100 steps
/// within a longer epoch (the ELBO loss as <see cref="GanProgress.GeneratorLoss"/>, the KL term as
/// <see cref="GanProgress.DiscriminatorLoss"/>).
/// </summary>
public sealed class TvaeOptions : TabularSynthesizerOptions
{
    /// <summary>Sets the defaults (a batch of 500 rows).</summary>
    public TvaeOptions() : base(batchSize: 500)
    {
    }

    /// <summary>
    /// The floor of optimizer steps under the default 300 epochs: at batch 500 a table of 1,000 rows gets only 600 steps
    /// in 300 epochs (on the public suite's small tables 2,000 steps raised vehicle's macro-F1 from 0.49 to 0.86 of the
    /// real-trained figure; benchmarks/BENCHMARKS.md, tabular-suite).
    /// </summary>
    public const long DefaultMinimumSteps = 2000;

    private EpochsSetting _epochs = new(300, Chosen: false);

    /// <summary>
    /// Passes over the rows. Default 300, with at least <see cref="DefaultMinimumSteps"/> steps on small tables; an
    /// <see cref="Epochs"/> you set is trained exactly.
    /// </summary>
    public int Epochs
    {
        get => _epochs.Value;
        set => _epochs = new(value, Chosen: true);
    }

    /// <summary>If set, train exactly this many steps instead of <see cref="Epochs"/> (for tables so big that an epoch is long). Default: null.</summary>
    public long? MaxSteps { get; set; }

    /// <summary>Adam learning rate. Default 1e-3.</summary>
    public double LearningRate { get; set; } = 1e-3;

    /// <summary>L2 weight decay. Default 1e-5.</summary>
    public double WeightDecay { get; set; } = 1e-5;

    /// <summary>Size of the latent code. Default 128.</summary>
    public int LatentDimension { get; set; } = 128;

    /// <summary>Widths of the encoder's hidden layers. Default (128, 128).</summary>
    public IReadOnlyList<int> EncoderLayers { get; set; } = [128, 128];

    /// <summary>Widths of the decoder's hidden layers. Default (128, 128).</summary>
    public IReadOnlyList<int> DecoderLayers { get; set; } = [128, 128];

    /// <summary>Weight of the reconstruction term against the KL term. Default 2.</summary>
    public double LossFactor { get; set; } = 2;

    /// <summary>
    /// The label a model will later be trained to predict, for target-aware synthesis. A categorical label conditions
    /// the autoencoder (a conditional VAE: the decoder reads the latent code ⊕ the label's one-hot; generation draws
    /// the label from its training frequencies, or takes it from a condition on this column, the only condition TVAE
    /// accepts). For any label, as in target-aware CTGAN (<see cref="Ctgan.CtganOptions.LabelColumn"/>), an auxiliary
    /// classifier or regressor trained on the real rows reads rows decoded from the prior, and its loss against each
    /// row's own label (weighted by <see cref="LossFactor"/>, like one column's reconstruction) is added to the ELBO,
    /// steering the decoder towards rows whose features predict their label. Default: null (plain TVAE).
    /// </summary>
    public string? LabelColumn { get; set; }

    /// <summary>How columns are encoded (the same transformer as CTGAN). Default: the transformer's defaults.</summary>
    public DataTransformerOptions Transformer { get; set; } = new();

    private protected override int MinimumBatchSize => 2;

    /// <summary>Steps of a fit with <paramref name="stepsPerEpoch"/> batches per pass: <see cref="MaxSteps"/> if set, else <see cref="Epochs"/> passes, raised to <see cref="DefaultMinimumSteps"/> unless you set <see cref="Epochs"/>.</summary>
    internal long TotalSteps(long stepsPerEpoch) => _epochs.Steps(MaxSteps, stepsPerEpoch, DefaultMinimumSteps);

    /// <inheritdoc />
    public override void Validate()
    {
        base.Validate();
        Require(Epochs >= 1, nameof(Epochs), Epochs, "at least 1");
        Require(MaxSteps is null or >= 1, nameof(MaxSteps), MaxSteps, "at least 1 when set");
        Require(LearningRate > 0 && double.IsFinite(LearningRate), nameof(LearningRate), LearningRate, "positive");
        Require(WeightDecay >= 0 && double.IsFinite(WeightDecay), nameof(WeightDecay), WeightDecay, "non-negative");
        Require(LatentDimension >= 1, nameof(LatentDimension), LatentDimension, "at least 1");
        Require(EncoderLayers is { Count: > 0 } && EncoderLayers.All(w => w >= 1), nameof(EncoderLayers),
            EncoderLayers is null ? null : string.Join(",", EncoderLayers), "one or more positive widths");
        Require(DecoderLayers is { Count: > 0 } && DecoderLayers.All(w => w >= 1), nameof(DecoderLayers),
            DecoderLayers is null ? null : string.Join(",", DecoderLayers), "one or more positive widths");
        Require(LossFactor > 0 && double.IsFinite(LossFactor), nameof(LossFactor), LossFactor, "positive");
        Require(Transformer is not null, nameof(Transformer), null, "transformer options");
        Require(LabelColumn is null || !string.IsNullOrWhiteSpace(LabelColumn), nameof(LabelColumn), LabelColumn, "null or a column name");
    }
}
