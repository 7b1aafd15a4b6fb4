using Microsoft.ML.Gan.Training;
using static Microsoft.ML.Gan.Training.OptionChecks;

namespace Microsoft.ML.Gan.Tabular.GaussianCopula;

/// <summary>
/// Options of the Gaussian copula synthesizer (Patki et al. 2016, "The Synthetic Data Vault"; SDV's
/// GaussianCopulaSynthesizer): every column's marginal is turned into standard normal scores, the scores' correlation
/// matrix is estimated, and rows are drawn from that multivariate normal and turned back through the marginals. It is
/// fitted in one pass over the table, without training steps, so it has no epochs, batches or learning rates; it
/// computes on the CPU.
/// </summary>
public sealed class GaussianCopulaOptions : ITabularSynthesizerOptions
{
    private string _device = Torch.TorchDevices.Default;
    private int _batchSize;
    private IProgress<GanProgress>? _progress;

    /// <summary>Numeric columns to treat as discrete (text, Boolean and key columns always are). Default: none.</summary>
    public IReadOnlyList<string> DiscreteColumns { get; set; } = [];

    /// <summary>Columns not to learn; the fitted model does not generate them. Default: none.</summary>
    public IReadOnlyList<string> IgnoreColumns { get; set; } = [];

    /// <summary>
    /// The most categories a discrete column keeps apart; rarer values share an "other" category, which decodes to one
    /// of them by training frequency (see <see cref="Data.DataTransformerOptions.MaxCategories"/>). Default 1000.
    /// </summary>
    public int MaxCategories { get; set; } = 1000;

    /// <summary>
    /// Seed of every random choice of the fit (the uniform draw inside each discrete value's interval, the quantiles'
    /// sample of a column with over 100,000 values) and the model's default sampling seed; null takes the MLContext's
    /// seed (or 0 when it has none).
    /// </summary>
    public int? Seed { get; set; }

    /// <summary>Torch intra-op threads (process-wide) for the fit's and the sampler's matrix products; default 0, torch's own count.</summary>
    public int Threads { get; set; }

    /// <summary>Stops the fit (with an <see cref="OperationCanceledException"/>) when cancelled; checked every 8,192 rows.</summary>
    public CancellationToken CancellationToken { get; set; }

    /// <summary>Not used: the copula is fitted in one pass over every row, not in batches.</summary>
    int ITabularSynthesizerOptions.BatchSize
    {
        get => _batchSize;
        set => _batchSize = value;
    }

    /// <summary>"cpu" or "auto" (which computes on the CPU too): the copula's matrices are small.</summary>
    string ITabularSynthesizerOptions.Device
    {
        get => _device;
        set => _device = value;
    }

    /// <summary>Not used: the fit has no training steps to report.</summary>
    IProgress<GanProgress>? ITabularSynthesizerOptions.Progress
    {
        get => _progress;
        set => _progress = value;
    }

    /// <summary>Throws an <see cref="ArgumentOutOfRangeException"/> naming the first invalid option.</summary>
    public void Validate()
    {
        Require(DiscreteColumns is not null, nameof(DiscreteColumns), null, "a list (possibly empty)");
        Require(IgnoreColumns is not null, nameof(IgnoreColumns), null, "a list (possibly empty)");
        Require(MaxCategories >= 2, nameof(MaxCategories), MaxCategories, "at least 2 (one kept category and the \"other\" category)");
        Require(Threads >= 0, nameof(Threads), Threads, "0 (torch's default) or a positive count");
        string device = (_device ?? "").Trim().ToLowerInvariant();
        Require(device is "cpu" or "auto", "Device", _device, "cpu or auto (the Gaussian copula computes on the CPU)");
    }
}
