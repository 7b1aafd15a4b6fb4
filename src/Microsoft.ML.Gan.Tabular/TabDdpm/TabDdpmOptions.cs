namespace Microsoft.ML.Gan.Tabular.TabDdpm;

/// <summary>
/// Options of TabDDPM (Kotelnikov et al. 2023, "TabDDPM: Modelling Tabular Data with Diffusion Models"): Gaussian
/// diffusion on quantile-normalized continuous columns, multinomial diffusion on one-hot categorical columns, one MLP
/// denoiser conditioned on the timestep and, with <see cref="LabelColumn"/>, on the label. The paper's defaults are
/// kept where they are cheap (T = 1000 steps, cosine schedule, AdamW at 0.002 with the learning rate annealed linearly
/// to 0, no weight decay, no dropout, timestep embedding 128, the paper's MLP shape of 256-wide outer layers); the
/// training length and the MLP's inner width are cut to fit a CPU (the paper tunes 5,000–30,000 steps of batch 4096
/// and inner layers up to 1024 wide on a GPU): see the folder's README. Progress is reported every 100 steps and at the
/// end: the mean multinomial loss as <see cref="GanProgress.DiscriminatorLoss"/>, the mean Gaussian (ε-MSE) loss as
/// <see cref="GanProgress.GeneratorLoss"/>.
/// </summary>
public sealed class TabDdpmOptions : TabularSynthesizerOptions
{
    /// <summary>Sets the defaults (a batch of 1024 rows; the paper: 256 or 4096).</summary>
    public TabDdpmOptions() : base(batchSize: 1024)
    {
    }

    /// <summary>
    /// Optimizer steps. Default null: chosen from the table's size, 25 passes over the rows clamped to 800–5,000 steps
    /// (<see cref="DefaultSteps"/>): every table up to about 33,000 rows gets 800 steps (batch 1024), the budget that
    /// gave synthetic rows training classifiers to 0.97 of real rows on the ten tables of the public suite
    /// (benchmarks/BENCHMARKS.md, "tabular-suite"); bigger tables get more, up to the paper's default 5,000 (it tunes
    /// 5,000–30,000 at batch 4096).
    /// </summary>
    public int? Steps { get; set; }

    /// <summary>Passes over the rows of the default training length (<see cref="DefaultSteps"/>).</summary>
    internal const int DefaultEpochs = 25;

    /// <summary>The fewest steps of the default training length.</summary>
    internal const int DefaultMinimumSteps = 800;

    /// <summary>The most steps of the default training length (the paper's default).</summary>
    internal const int DefaultMaximumSteps = 5000;

    /// <summary>The training length when neither <see cref="Steps"/> nor <see cref="Epochs"/> is set: <see cref="DefaultEpochs"/> passes over <paramref name="rows"/>, clamped to <see cref="DefaultMinimumSteps"/>–<see cref="DefaultMaximumSteps"/> steps.</summary>
    internal static long DefaultSteps(long rows, long batch) =>
        Math.Clamp(DefaultEpochs * ((rows + batch - 1) / batch), DefaultMinimumSteps, DefaultMaximumSteps);

    /// <summary>When set, the training length in passes over the rows instead of <see cref="Steps"/> (steps = epochs × ⌈rows / batch⌉); it takes precedence over <see cref="Steps"/>. Default null.</summary>
    public int? Epochs { get; set; }

    /// <summary>AdamW's initial learning rate, annealed linearly to 0 over the run (as the reference trainer does). Default 0.002.</summary>
    public double LearningRate { get; set; } = 0.002;

    /// <summary>AdamW's decoupled weight decay. Default 0 (the paper's tuned value on adult).</summary>
    public double WeightDecay { get; set; }

    /// <summary>
    /// Widths of the denoiser MLP's hidden layers. Default (256, 512, 512, 256): the paper's shape (256-wide first and
    /// last layers around wider inner ones; its adult model is (256, 1024, 1024, 1024, 1024, 256)) at a size a CPU trains
    /// in minutes.
    /// </summary>
    public IReadOnlyList<int> HiddenLayers { get; set; } = [256, 512, 512, 256];

    /// <summary>Dropout after each hidden layer. Default 0 (the paper's).</summary>
    public double Dropout { get; set; }

    /// <summary>Width of the timestep (and label) embedding. Default 128 (the paper's).</summary>
    public int TimeEmbeddingDimension { get; set; } = 128;

    /// <summary>Diffusion steps T. Default 1000 (the paper's default; it also tunes 100).</summary>
    public int Timesteps { get; set; } = 1000;

    /// <summary>The β schedule. Default cosine (the paper's).</summary>
    public NoiseSchedule Schedule { get; set; } = NoiseSchedule.Cosine;

    /// <summary>
    /// Denoiser calls per sample. Fewer than <see cref="Timesteps"/>: the fast sampler visits that many evenly spaced
    /// timesteps, with a deterministic DDIM step (η = 0) for the continuous part and the skipping posterior
    /// q(x_s | xₜ, x̂₀) for the categorical part. <see cref="Timesteps"/>: the paper's ancestral sampler through every
    /// step (20× slower at T = 1000). Default null: 50 steps (every step when <see cref="Timesteps"/> ≤ 50), the fast
    /// sampler every figure of the public suite was measured with (benchmarks/BENCHMARKS.md, "tabular-suite"). Saved
    /// with the model.
    /// </summary>
    public int? SamplingSteps { get; set; }

    /// <summary>The sampler's steps when <see cref="SamplingSteps"/> is null.</summary>
    internal int ResolvedSamplingSteps => SamplingSteps ?? Math.Min(50, Timesteps);

    /// <summary>
    /// A discrete column the denoiser is conditioned on (TabDDPM's class conditioning): its value is drawn from its
    /// training frequencies (or fixed by a sampling condition) and every other column is generated given it. A numeric
    /// label is modelled with the other columns, as the paper does for regression. Default null (no label).
    /// </summary>
    public string? LabelColumn { get; set; }

    /// <summary>The widest one-hot a discrete column gets; rarer values share an "other" category (see <see cref="Data.DataTransformerOptions.MaxCategories"/>). Default 1000.</summary>
    public int MaxCategories { get; set; } = 1000;

    /// <inheritdoc />
    public override void Validate()
    {
        base.Validate();
        Require(Steps is null or >= 1, nameof(Steps), Steps, "null or at least 1");
        Require(Epochs is null or >= 1, nameof(Epochs), Epochs, "null or at least 1");
        Require(LearningRate > 0 && double.IsFinite(LearningRate), nameof(LearningRate), LearningRate, "positive");
        Require(WeightDecay >= 0 && double.IsFinite(WeightDecay), nameof(WeightDecay), WeightDecay, "non-negative");
        Require(HiddenLayers is { Count: > 0 } && HiddenLayers.All(w => w >= 1), nameof(HiddenLayers),
            HiddenLayers is null ? null : string.Join(",", HiddenLayers), "one or more positive widths");
        Require(Dropout is >= 0 and < 1, nameof(Dropout), Dropout, "in [0, 1)");
        Require(TimeEmbeddingDimension >= 2, nameof(TimeEmbeddingDimension), TimeEmbeddingDimension, "at least 2");
        Require(Timesteps >= 1, nameof(Timesteps), Timesteps, "at least 1");
        Require(Enum.IsDefined(Schedule), nameof(Schedule), Schedule, "Cosine or Linear");
        Require(SamplingSteps is null || (SamplingSteps >= 1 && SamplingSteps <= Timesteps), nameof(SamplingSteps), SamplingSteps,
            $"null or 1 to Timesteps ({Timesteps})");
        Require(LabelColumn is null || !string.IsNullOrWhiteSpace(LabelColumn), nameof(LabelColumn), LabelColumn, "null or a column name");
        Require(MaxCategories >= 2, nameof(MaxCategories), MaxCategories, "at least 2");
    }
}
