using Microsoft.ML.Gan.Tabular.Ctgan;
using Microsoft.ML.Gan.Tabular.Data;
using Microsoft.ML.Gan.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Tabular.TabDdpm;

/// <summary>
/// Learns a table's joint distribution with TabDDPM (Kotelnikov et al. 2023): continuous columns quantile-normalized
/// to normal scores and diffused with Gaussian noise, discrete columns (and missing-value indicators) one-hot and
/// diffused towards uniform categories, one MLP denoiser for both, conditioned on the timestep and optionally on a
/// label. Reads the same columns as CTGAN and returns the same fitted synthesizer type, <see cref="CtganModel"/>
/// (Sample with the training schema, conditions, DataFrame, save/load, typed load).
/// </summary>
public sealed class TabDdpmEstimator : IEstimator<CtganModel>
{
    private readonly MLContext _mlContext;
    private readonly TabDdpmOptions _options;

    internal TabDdpmEstimator(MLContext mlContext, TabDdpmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _mlContext = mlContext;
        _options = options;
    }

    /// <summary>Fits the quantile transformer, then trains the denoiser.</summary>
    /// <exception cref="ArgumentException">
    /// The data has fewer than 2 rows, a column has an unsupported type or only missing values, every column is
    /// constant, or an option names a column the data does not have (the message names the column).
    /// </exception>
    /// <exception cref="OperationCanceledException">The options' cancellation token was cancelled.</exception>
    public CtganModel Fit(IDataView input)
    {
        var table = SynthesizerSchema.ReadTable(input, _options.DiscreteColumns, _options.IgnoreColumns, "TabDDPM", minimumRows: 2);
        CheckLabel(table);
        var transformer = DataTransformer.Fit(table, new DataTransformerOptions { MaxCategories = _options.MaxCategories }, ContinuousEncoding.Quantile);
        if (transformer.OutputDimension == 0)
            throw new ArgumentException(
                $"Every column of the training data is constant ({string.Join(", ", transformer.ColumnNames)}); there is nothing to learn.", nameof(input));
        string? label = table.Columns.FirstOrDefault(c => c.Name == _options.LabelColumn) is DiscreteColumn ? _options.LabelColumn : null;
        var layout = new TabDdpmLayout(transformer, label);
        if (layout.Width == 0)
            throw new ArgumentException($"Every column but the label '{label}' is constant; there is nothing to learn.", nameof(input));

        int seed = GanHost.ResolveSeed(_mlContext, _options.Seed, nameof(TabDdpmEstimator));
        var device = TorchDevices.Resolve(_options.Device);
        var architecture = new TabDdpmArchitecture(layout.Width, [.. _options.HiddenLayers], _options.TimeEmbeddingDimension, layout.LabelClasses,
            _options.Dropout, _options.Timesteps, _options.Schedule, _options.SamplingSteps ?? _options.Timesteps, label);
        long batch = Math.Min(_options.BatchSize, table.RowCount);
        long steps = _options.Epochs is int epochs ? epochs * ((table.RowCount + batch - 1) / batch) : _options.Steps;
        var data = transformer.Encode(table, seed);
        using var multinomial = new MultinomialDiffusion(layout.Features, device);
        var schedule = DiffusionSchedule.Create(_options.Schedule, _options.Timesteps);
        var (denoiser, summary) = GanHost.WithLog(_mlContext, nameof(TabDdpmEstimator),
            log => TabDdpmTrainer.Train(_options, architecture, schedule, multinomial, data.RowCount, rows => layout.Split(data.Gather(rows, device), device),
                steps, seed, device, log));
        return new CtganModel(_mlContext, new TabDdpmGenerator(transformer, architecture, denoiser, device), seed, summary, Guid.NewGuid());
    }

    /// <summary>Checks the columns TabDDPM reads; the output has the input's shape (the learned columns appended under the same names).</summary>
    /// <exception cref="ArgumentException">An option names a missing column, or a learned column is a vector or of an unsupported type.</exception>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        SynthesizerSchema.Check(inputSchema, _options.DiscreteColumns, _options.IgnoreColumns, "TabDDPM");
        if (_options.LabelColumn is { } label && (!inputSchema.Any(c => c.Name == label) || _options.IgnoreColumns.Contains(label)))
            throw new ArgumentException($"LabelColumn names column '{label}', which is not among the learned input columns.", nameof(inputSchema));
        return inputSchema;
    }

    private void CheckLabel(TabularTable table)
    {
        if (_options.LabelColumn is { } label && table.IndexOf(label) < 0)
            throw new ArgumentException(
                $"LabelColumn names column '{label}', which is not among the learned columns: {string.Join(", ", table.Columns.Select(c => c.Name))}.", "input");
    }
}
