using Microsoft.ML.Runtime;

namespace Microsoft.ML.Gan.Augmentation;

/// <summary>
/// Wraps any ML.NET estimator (a trainer, or a featurization chain ending in one): <see cref="Fit"/> fits a
/// synthesizer conditioned on the label (or uses an already fitted one), adds synthetic rows as
/// <see cref="GanAugmentationOptions.Strategy"/> says, and fits the wrapped estimator on the real and synthetic rows.
/// It returns the wrapped estimator's own transformer, so scoring, metrics, prediction engines and saving behave exactly
/// as without augmentation; only training saw synthetic rows. Composes with <c>Append</c> like the estimator it wraps.
/// </summary>
/// <typeparam name="TTransformer">The wrapped estimator's transformer.</typeparam>
/// <remarks>
/// The synthesizer learns, and generates, every visible column of this estimator's input. Put featurization that makes
/// vectors from raw columns inside the wrapped estimator (<c>Concatenate(...).Append(trainer)</c>) so that synthetic
/// rows are raw rows, featurized like the real ones.
/// </remarks>
public sealed class GanAugmentationEstimator<TTransformer> : IEstimator<TTransformer>
    where TTransformer : class, ITransformer
{
    private readonly MLContext _mlContext;
    private readonly IEstimator<TTransformer> _estimator;
    private readonly ISynthesizerFactory? _factory;
    private readonly ILabelConditionedSynthesizer? _synthesizer;
    private readonly GanAugmentationOptions _options;

    internal GanAugmentationEstimator(MLContext mlContext, IEstimator<TTransformer> estimator,
        ISynthesizerFactory? factory, ILabelConditionedSynthesizer? synthesizer, GanAugmentationOptions options)
    {
        ArgumentNullException.ThrowIfNull(estimator);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (synthesizer is not null && synthesizer.LabelColumnName != options.LabelColumnName)
            throw new ArgumentException(
                $"The synthesizer is conditioned on column '{synthesizer.LabelColumnName}', but LabelColumnName is '{options.LabelColumnName}'.", nameof(synthesizer));
        _mlContext = mlContext;
        _estimator = estimator;
        _factory = factory;
        _synthesizer = synthesizer;
        _options = options;
    }

    /// <summary>What the last <see cref="Fit"/> gave the wrapped estimator (null before the first).</summary>
    public AugmentationSummary? LastSummary { get; private set; }

    /// <summary>Adds synthetic rows to <paramref name="input"/> and fits the wrapped estimator on all of them.</summary>
    /// <exception cref="ArgumentException">
    /// The label column is missing or of an unsupported type, the strategy needs classes and the label is continuous,
    /// or the synthesizer does not generate every input column (the message names the column).
    /// </exception>
    public TTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var label = FindLabel(input.Schema.Where(c => !c.IsHidden).Select(c => (c.Name, c.Type)));
        bool categorical = CheckLabel(label.Name, label.Type);
        int seed = GanHost.ResolveSeed(_mlContext, _options.Seed, nameof(GanAugmentationEstimator<TTransformer>));
        var synthesizer = _synthesizer ?? _factory!.Fit(input, _options.LabelColumnName, categorical);
        try
        {
            CheckGeneratesEveryColumn(input.Schema, synthesizer.Schema);
            var labelColumn = input.Schema[label.Name];
            long realRows = input.GetRowCount() ?? CountRows(input);
            var classes = categorical ? LabelValues.CountClasses(input, labelColumn) : [];
            var plan = SyntheticRowPlan.Create(_options, realRows, classes);
            var firstPass = _options.QualityThreshold is null || plan.Count == 0 ? null : _estimator.Fit(input);

            var parts = new List<AppendedRowsDataView.Part> { new(input) };
            var (generated, rejected) = GenerateSynthetic(synthesizer, plan, firstPass, label.Name, seed, parts);

            var training = new AppendedRowsDataView(parts);
            var augmentedClasses = categorical ? Summarize(classes, LabelValues.CountClasses(training, training.Schema[label.Name])) : [];
            LastSummary = new AugmentationSummary(realRows, generated, rejected, augmentedClasses, training);
            Log(LastSummary);
            return _estimator.Fit(training);
        }
        finally
        {
            if (_synthesizer is null)
                synthesizer.Dispose();
        }
    }

    /// <summary>
    /// Generates each planned label's rows into <paramref name="parts"/>; with a first-pass model, keeps only the rows it
    /// believes and draws again (next seed) for the rejected ones, up to <see cref="GanAugmentationOptions.FilterRounds"/> rounds.
    /// </summary>
    private (long Generated, long Rejected) GenerateSynthetic(ILabelConditionedSynthesizer synthesizer,
        IReadOnlyList<(object? Label, long Count)> plan, TTransformer? firstPass, string labelName, int seed, List<AppendedRowsDataView.Part> parts)
    {
        long generated = 0, rejected = 0;
        for (int i = 0; i < plan.Count; i++)
        {
            var (value, count) = plan[i];
            long kept = 0;
            int rounds = firstPass is null ? 1 : _options.FilterRounds;
            for (int round = 0; round < rounds && kept < count; round++)
            {
                int rows = (int)Math.Min(count - kept, int.MaxValue);
                var synthetic = synthesizer.Generate(rows, value, unchecked(seed * 1_000_003L + i * 7919L + round));
                bool[]? keep = firstPass is null ? null : QualityFilter.Keep(firstPass, synthetic, labelName, _options.QualityThreshold!.Value);
                long accepted = keep?.LongCount(k => k) ?? rows;
                parts.Add(new(synthetic, keep));
                generated += rows;
                rejected += rows - accepted;
                kept += accepted;
            }
        }
        return (generated, rejected);
    }

    /// <summary>Checks the label column and the strategy, then returns the wrapped estimator's output schema.</summary>
    /// <exception cref="ArgumentException">The label column is missing, a vector, of an unsupported type, or continuous with a class strategy.</exception>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        var label = FindLabel(inputSchema.Select(c => (c.Name, c.Kind == SchemaShape.Column.VectorKind.Scalar
            ? c.IsKey ? new KeyDataViewType(typeof(uint), 1) : c.ItemType
            : new VectorDataViewType((PrimitiveDataViewType)c.ItemType))));
        CheckLabel(label.Name, label.Type);
        return _estimator.GetOutputSchema(inputSchema);
    }

    private (string Name, DataViewType Type) FindLabel(IEnumerable<(string Name, DataViewType Type)> columns)
    {
        var list = columns.ToList();
        string name = _options.LabelColumnName;
        var found = list.FirstOrDefault(c => c.Name == name);
        if (found.Name is null)
            throw new ArgumentException(
                $"The label column '{name}' is not in the input (LabelColumnName). Columns: {string.Join(", ", list.Select(c => c.Name))}.", "inputSchema");
        if (!LabelValues.IsSupported(found.Type))
            throw new ArgumentException(
                $"The label column '{name}' has type {found.Type}; augmentation needs a scalar Boolean, key, text or numeric label.", "inputSchema");
        return found;
    }

    /// <summary>Checks the label against the strategy and the quality filter; returns whether it holds classes.</summary>
    private bool CheckLabel(string name, DataViewType type)
    {
        bool categorical = _options.LabelKind switch
        {
            AugmentationLabelKind.Categorical => true,
            AugmentationLabelKind.Continuous => false,
            _ => LabelValues.IsCategoricalType(type),
        };
        if (!categorical && _options.Strategy != AugmentationStrategy.TotalFraction)
            throw new ArgumentException(
                $"Strategy {_options.Strategy} adds rows per class, but the label column '{name}' ({type}) is read as a continuous (regression) target" +
                (_options.LabelKind == AugmentationLabelKind.Auto ? " because it is numeric" : " (LabelKind = Continuous)") +
                ". Use Strategy = TotalFraction for regression, or set LabelKind = Categorical if its values are classes.", "options");
        if (_options.QualityThreshold is not null && type is not (BooleanDataViewType or KeyDataViewType))
            throw new ArgumentException(
                $"QualityThreshold needs a Boolean or key label (the first-pass model's Probability or Score); column '{name}' is {type}. Convert it with MapValueToKey, or leave QualityThreshold null.", "options");
        return categorical;
    }

    private void CheckGeneratesEveryColumn(DataViewSchema input, DataViewSchema generated)
    {
        foreach (var column in input.Where(c => !c.IsHidden))
        {
            var made = generated.GetColumnOrNull(column.Name);
            if (made is null)
                throw new ArgumentException(
                    $"The synthesizer does not generate column '{column.Name}' ({column.Type}). It generates {string.Join(", ", generated.Select(c => c.Name))}. " +
                    "Drop that column before augmentation, or move the featurization that makes it inside the estimator given to Augment so that the synthesizer learns raw columns.", "input");
            if (!made.Value.Type.Equals(column.Type))
                throw new ArgumentException(
                    $"The synthesizer generates column '{column.Name}' as {made.Value.Type}, but the input has {column.Type}.", "input");
        }
    }

    private static IReadOnlyList<AugmentedClass> Summarize(IReadOnlyList<(object Label, long Count)> real, IReadOnlyList<(object Label, long Count)> all)
    {
        var realCount = real.ToDictionary(c => c.Label, c => c.Count);
        return [.. all.Select(c => new AugmentedClass(c.Label, realCount.GetValueOrDefault(c.Label), c.Count - realCount.GetValueOrDefault(c.Label)))];
    }

    private static long CountRows(IDataView data)
    {
        long rows = 0;
        using var cursor = data.GetRowCursor([]);
        while (cursor.MoveNext())
            rows++;
        return rows;
    }

    private void Log(AugmentationSummary summary)
    {
        using var channel = ((IHostEnvironment)_mlContext).Register(nameof(GanAugmentationEstimator<TTransformer>)).Start("Augmentation");
        channel.Info(MessageSensitivity.None,
            $"{summary.RealRows} real rows + {summary.SyntheticRowsAdded} synthetic rows ({summary.SyntheticRowsRejected} of {summary.SyntheticRowsGenerated} rejected by the quality filter)" +
            string.Concat(summary.Classes.Select(c => $"; {c.Label}: {c.RealRows} + {c.SyntheticRows}")));
    }
}
