using Microsoft.ML.Gan.Tabular.Data;
using Microsoft.ML.Gan.Training;

namespace Microsoft.ML.Gan.Tabular.Tvae;

/// <summary>
/// Options of TVAE (Xu et al. 2019, "Modeling Tabular Data using Conditional GAN", §4.1 and the SDV implementation):
/// the data transformer of CTGAN, an encoder MLP (128, 128) to a 128-dimensional Gaussian latent code, a decoder MLP
/// (128, 128) with a learned standard deviation per scalar output, the ELBO with per-column reconstruction losses scaled
/// by 2, Adam(1e-3) with weight decay 1e-5, batch 500, 300 epochs.
/// </summary>
public sealed class TvaeOptions : ITabularSynthesizerOptions
{
    /// <summary>Passes over the rows. Default 300.</summary>
    public int Epochs { get; set; } = 300;

    /// <summary>If set, train exactly this many steps instead of <see cref="Epochs"/> (for tables so big that an epoch is long). Default: null.</summary>
    public long? MaxSteps { get; set; }

    /// <summary>Rows per step. Default 500.</summary>
    public int BatchSize { get; set; } = 500;

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

    /// <summary>Numeric columns to treat as discrete (text, Boolean and key columns always are). Default: none.</summary>
    public IReadOnlyList<string> DiscreteColumns { get; set; } = [];

    /// <summary>Columns not to learn; the fitted model does not generate them. Default: none.</summary>
    public IReadOnlyList<string> IgnoreColumns { get; set; } = [];

    /// <summary>How columns are encoded (the same transformer as CTGAN). Default: the transformer's defaults.</summary>
    public DataTransformerOptions Transformer { get; set; } = new();

    /// <summary>Seed of every random choice; null takes the MLContext's seed (or 0 when it has none).</summary>
    public int? Seed { get; set; }

    /// <summary>"cpu" (default), "cuda", "cuda:N" or "auto".</summary>
    public string Device { get; set; } = Torch.TorchDevices.Default;

    /// <summary>Torch intra-op threads (process-wide); default 0, torch's own count (see <see cref="GanTrainingOptions.Threads"/>).</summary>
    public int Threads { get; set; }

    /// <summary>Receives a report per epoch, and every 100 steps within a longer epoch (the ELBO loss as <see cref="GanProgress.GeneratorLoss"/>, the KL term as <see cref="GanProgress.DiscriminatorLoss"/>).</summary>
    public IProgress<GanProgress>? Progress { get; set; }

    /// <summary>Stops training (with an <see cref="OperationCanceledException"/>) when cancelled.</summary>
    public CancellationToken CancellationToken { get; set; }

    /// <summary>Throws an <see cref="ArgumentOutOfRangeException"/> naming the first invalid option.</summary>
    public void Validate()
    {
        Require(Epochs >= 1, nameof(Epochs), Epochs, "at least 1");
        Require(MaxSteps is null or >= 1, nameof(MaxSteps), MaxSteps, "at least 1 when set");
        Require(BatchSize >= 2, nameof(BatchSize), BatchSize, "at least 2");
        Require(LearningRate > 0 && double.IsFinite(LearningRate), nameof(LearningRate), LearningRate, "positive");
        Require(WeightDecay >= 0 && double.IsFinite(WeightDecay), nameof(WeightDecay), WeightDecay, "non-negative");
        Require(LatentDimension >= 1, nameof(LatentDimension), LatentDimension, "at least 1");
        Require(EncoderLayers is { Count: > 0 } && EncoderLayers.All(w => w >= 1), nameof(EncoderLayers),
            EncoderLayers is null ? null : string.Join(",", EncoderLayers), "one or more positive widths");
        Require(DecoderLayers is { Count: > 0 } && DecoderLayers.All(w => w >= 1), nameof(DecoderLayers),
            DecoderLayers is null ? null : string.Join(",", DecoderLayers), "one or more positive widths");
        Require(LossFactor > 0 && double.IsFinite(LossFactor), nameof(LossFactor), LossFactor, "positive");
        Require(DiscreteColumns is not null, nameof(DiscreteColumns), null, "a list (possibly empty)");
        Require(IgnoreColumns is not null, nameof(IgnoreColumns), null, "a list (possibly empty)");
        Require(Transformer is not null, nameof(Transformer), null, "transformer options");
        Require(Threads >= 0, nameof(Threads), Threads, "0 (torch's default) or a positive count");
        Torch.TorchDevices.Resolve(Device, nameof(Device));
    }

    private static void Require(bool condition, string option, object? value, string expected)
    {
        if (!condition)
            throw new ArgumentOutOfRangeException(option, value, $"{option} is {value ?? "null"}; expected {expected}.");
    }
}
