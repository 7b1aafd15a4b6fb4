using Microsoft.ML.Gan.Tabular.Ctgan;

namespace Microsoft.ML.Gan.Tabular.TabDdpm;

/// <summary>
/// Learns a table's joint distribution with TabDDPM (Kotelnikov et al. 2023): continuous columns quantile-normalized
/// to normal scores and diffused with Gaussian noise, discrete columns (and missing-value indicators) one-hot and
/// diffused towards uniform categories, one MLP denoiser for both, conditioned on the timestep and optionally on a
/// label. Reads and returns what every tabular synthesizer does (see <see cref="TabularSynthesizerEstimator"/>).
/// </summary>
public sealed class TabDdpmEstimator : TabularSynthesizerEstimator
{
    private readonly TabDdpmOptions _options;

    internal TabDdpmEstimator(MLContext mlContext, TabDdpmOptions options)
        : base(mlContext, options, "TabDDPM", minimumRows: 2) => _options = options;

    /// <summary>Fits the quantile transformer, then trains the denoiser.</summary>
    private protected override (TabularGenerator Generator, TrainingSummary Summary) Train(TabularTable table, int seed, Action<string> log)
    {
        var transformer = SynthesizerSchema.FitTransformer(table, new DataTransformerOptions { MaxCategories = _options.MaxCategories }, ContinuousEncoding.Quantile);
        string? label = table.Columns.FirstOrDefault(c => c.Name == _options.LabelColumn) is DiscreteColumn ? _options.LabelColumn : null;
        var layout = new TabDdpmLayout(transformer, label);
        if (layout.Width == 0)
            throw new ArgumentException($"Every column but the label '{label}' is constant; there is nothing to learn.", "input");

        var device = TorchDevices.Resolve(_options.Device);
        var architecture = new TabDdpmArchitecture(layout.Width, [.. _options.HiddenLayers], _options.TimeEmbeddingDimension, layout.LabelClasses,
            _options.Dropout, _options.Timesteps, _options.Schedule, _options.ResolvedSamplingSteps, label);
        long batch = Math.Min(_options.BatchSize, table.RowCount);
        long steps = _options.Epochs is int epochs ? epochs * ((table.RowCount + batch - 1) / batch)
            : _options.Steps ?? TabDdpmOptions.DefaultSteps(table.RowCount, batch);
        var data = transformer.Encode(table, seed);
        using var multinomial = new MultinomialDiffusion(layout.Features, device);
        var schedule = DiffusionSchedule.Create(_options.Schedule, _options.Timesteps);
        var (denoiser, summary) = TabDdpmTrainer.Train(_options, architecture, schedule, multinomial, data.RowCount,
            rows => layout.Split(data.Gather(rows, device), device), steps, seed, device, log);
        return (new TabDdpmGenerator(transformer, architecture, denoiser, device), summary);
    }

    private protected override string? LabelColumn => _options.LabelColumn;
}
