namespace Microsoft.ML.Gan.Persistence;

/// <summary>
/// The shared part of every fitted GAN transformer: a lazy row-to-row transform that appends a generated
/// float-vector column (of known size) to each input row, works with <c>CreatePredictionEngine</c>, and saves with
/// <c>mlContext.Model.Save</c> by delegating to the built-in chain of <see cref="GanTransformerChain"/>, weights
/// inside the zip. A family derives from it, supplies its generator and payload, and adds its own conveniences.
/// </summary>
/// <remarks>
/// Without a seed column the input row at cursor position <c>p</c> receives row <c>p</c> of the base seed's stream
/// (see <see cref="GanRowStream"/>), so the same input gives the same rows, before and after saving.
/// </remarks>
public abstract class GanTransformerBase : ITransformer, IDisposable
{
    private readonly MLContext _mlContext;
    private readonly Lazy<GanSavedModel> _savedModel;
    private readonly Lazy<TransformerChain<ITransformer>> _saveChain;
    private bool _disposed;

    /// <summary>Creates the transformer.</summary>
    /// <param name="mlContext">The context (used to build the saveable chain).</param>
    /// <param name="generator">The fitted generator; this transformer owns and disposes it.</param>
    /// <param name="settings">Output column, base seed and optional seed column.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The generator's output length is not positive.</exception>
    private protected GanTransformerBase(MLContext mlContext, IRowGenerator generator, GanGenerationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(settings);
        if (generator.OutputLength <= 0)
            throw new ArgumentException($"The generator's OutputLength must be positive, not {generator.OutputLength}.", nameof(generator));
        _mlContext = mlContext;
        Generator = generator;
        Settings = settings;
        _savedModel = new Lazy<GanSavedModel>(() => new GanSavedModel(
            CreatePayload() ?? throw new InvalidOperationException($"{GetType().Name}.CreatePayload returned null."), Settings));
        _saveChain = new Lazy<TransformerChain<ITransformer>>(() => GanTransformerChain.Build(_mlContext, _savedModel.Value, Generator, Derivation));
    }

    /// <summary>Output column, base seed and optional seed column.</summary>
    internal GanGenerationSettings Settings { get; }

    /// <summary>The number of floats in a generated row.</summary>
    public int OutputLength => Generator.OutputLength;

    /// <summary>The fitted generator.</summary>
    private protected IRowGenerator Generator { get; }

    /// <summary>
    /// The column a family derives from each generated row, appended after the generated column (also by the saved
    /// chain); null (the default) for none.
    /// </summary>
    private protected virtual GeneratedColumnDerivation? Derivation => null;

    /// <summary>Always true: generation is row-to-row.</summary>
    bool ITransformer.IsRowToRowMapper => true;

    /// <summary>
    /// Serializes the fitted generator. Called at most once, on the first save; the payload's id must identify
    /// these exact weights (e.g. a <see cref="Guid"/> made when the model was fitted or loaded).
    /// </summary>
    private protected abstract GanPayload CreatePayload();

    /// <summary>The saved form of this transformer (what <see cref="GanModelLoader"/> reads back).</summary>
    internal GanSavedModel ToSavedModel() => _savedModel.Value;

    /// <summary>The input schema plus the generated column (a float vector of <see cref="OutputLength"/>) and the family's derived column, if any.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The seed column is missing or not an integer, or a reserved column name is used.</exception>
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema)
    {
        ThrowIfDisposed();
        return GeneratedBinding.Create(inputSchema, Generator, Settings, Derivation).OutputSchema;
    }

    /// <summary>Appends the generated column to <paramref name="input"/>, lazily.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The seed column is missing or not an integer, or a reserved column name is used.</exception>
    public IDataView Transform(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ThrowIfDisposed();
        return new GeneratedDataView(input, GeneratedBinding.Create(input.Schema, Generator, Settings, Derivation));
    }

    /// <summary>
    /// <paramref name="rowCount"/> generated rows with only the generated column and the derived one, if any (no seed column is used).
    /// </summary>
    /// <param name="rowCount">How many rows.</param>
    /// <param name="seed">The stream's seed; null uses <see cref="GanGenerationSettings.Seed"/>.</param>
    public IDataView Sample(long rowCount, long? seed = null)
    {
        ThrowIfDisposed();
        var settings = new GanGenerationSettings(Settings.OutputColumnName, seed ?? Settings.Seed);
        var input = new RowCountDataView(rowCount);
        return new GeneratedDataView(input, GeneratedBinding.Create(input.Schema, Generator, settings, Derivation));
    }

    /// <summary>The row-to-row mapper that <c>CreatePredictionEngine</c> uses.</summary>
    IRowToRowMapper ITransformer.GetRowToRowMapper(DataViewSchema inputSchema)
    {
        ThrowIfDisposed();
        return new GeneratedRowMapper(GeneratedBinding.Create(inputSchema, Generator, Settings, Derivation));
    }

    /// <summary>Saves by delegating to the built-in chain of <see cref="GanTransformerChain.Build"/>.</summary>
    void ICanSaveModel.Save(ModelSaveContext ctx)
    {
        ThrowIfDisposed();
        ((ICanSaveModel)_saveChain.Value).Save(ctx);
    }

    /// <summary>Disposes the generator.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Disposes the generator when <paramref name="disposing"/> is true.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (_disposed)
            return;
        _disposed = true;
        if (disposing)
            Generator.Dispose();
    }

    /// <summary>Throws when the transformer was disposed.</summary>
    protected void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);
}
