using Microsoft.ML.Gan.Tabular.Ctgan;

namespace Microsoft.ML.Gan.Tabular;

/// <summary>
/// The estimator of every tabular synthesizer (<c>mlContext.Gan().Tabular.Ctgan</c>, <c>.Tvae</c>, <c>.TabDdpm</c>):
/// reads every visible scalar column of the input (text, Boolean and key columns are discrete; numbers and dates
/// continuous unless listed in the options' <c>DiscreteColumns</c>; <c>IgnoreColumns</c> left out), trains the family's
/// networks and returns a <see cref="CtganModel"/> (Sample with the training schema, conditions, DataFrame, save/load,
/// typed load). A <c>Microsoft.Data.Analysis.DataFrame</c> is an <see cref="IDataView"/> and can be passed as it is.
/// Training honours the options' seed (else the MLContext's), device, threads, progress and cancellation token, and
/// <c>mlContext.CancelExecution()</c>, and logs to <c>MLContext.Log</c>.
/// </summary>
public abstract class TabularSynthesizerEstimator : IEstimator<CtganModel>
{
    private readonly MLContext _mlContext;
    private readonly ITabularSynthesizerOptions _options;
    private readonly string _synthesizer;
    private readonly int _minimumRows;

    /// <summary>Checks the options; a family names itself in messages and says how many rows it needs.</summary>
    private protected TabularSynthesizerEstimator(MLContext mlContext, ITabularSynthesizerOptions options, string synthesizer, int minimumRows)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _mlContext = mlContext;
        _options = options;
        _synthesizer = synthesizer;
        _minimumRows = minimumRows;
    }

    /// <summary>The options the fit reads (augmentation checks the label against their column lists).</summary>
    internal ITabularSynthesizerOptions Options => _options;

    /// <summary>The family's name in messages ("CTGAN", "TabDDPM", ...).</summary>
    internal string SynthesizerName => _synthesizer;

    /// <summary>Reads the learned columns, then fits the family's data transformer and trains its networks.</summary>
    /// <exception cref="ArgumentException">
    /// The data has too few rows (none for CTGAN, fewer than 2 for TVAE and TabDDPM), a column has an unsupported type
    /// or only missing values, every column is constant, or an option names a column the data does not have (the
    /// message names the column).
    /// </exception>
    /// <exception cref="OperationCanceledException">The options' cancellation token or the MLContext was cancelled.</exception>
    public CtganModel Fit(IDataView input)
    {
        var table = SynthesizerSchema.ReadTable(input, _options.DiscreteColumns, _options.IgnoreColumns, _synthesizer, _minimumRows);
        if (LabelColumn is { } label && table.IndexOf(label) < 0)
            throw new ArgumentException(
                $"LabelColumn names column '{label}', which is not among the learned columns: {string.Join(", ", table.Columns.Select(c => c.Name))}.", nameof(input));
        string component = GetType().Name;
        int seed = GanHost.ResolveSeed(_mlContext, _options.Seed, component);
        var (generator, summary) = GanHost.WithLog(_mlContext, component, log => Train(table, seed, log));
        return new CtganModel(_mlContext, generator, seed, summary, Guid.NewGuid());
    }

    /// <summary>
    /// Checks the columns the synthesizer reads; the output is the input with the learned columns appended under the
    /// same names and types, so its shape is the input's.
    /// </summary>
    /// <exception cref="ArgumentException">An option (or the label) names a missing column, or a learned column is a vector or of an unsupported type.</exception>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        SynthesizerSchema.Check(inputSchema, _options.DiscreteColumns, _options.IgnoreColumns, _synthesizer);
        if (LabelColumn is { } label && (!inputSchema.Any(c => c.Name == label) || _options.IgnoreColumns.Contains(label)))
            throw new ArgumentException($"LabelColumn names column '{label}', which is not among the learned input columns.", nameof(inputSchema));
        return inputSchema;
    }

    /// <summary>The family's label for target-aware synthesis (its options' <c>LabelColumn</c>), or null: checked against the learned columns.</summary>
    private protected virtual string? LabelColumn => null;

    /// <summary>
    /// The family's part of a fit: the data transformer and the training of its networks on the learned columns, with
    /// <paramref name="seed"/>; <paramref name="log"/> writes to <c>MLContext.Log</c>.
    /// </summary>
    private protected abstract (TabularGenerator Generator, TrainingSummary Summary) Train(TabularTable table, int seed, Action<string> log);
}
