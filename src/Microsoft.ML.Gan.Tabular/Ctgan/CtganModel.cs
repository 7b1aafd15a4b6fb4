using Microsoft.Data.Analysis;
using Microsoft.ML.Gan.Tabular.Ctgan.Persistence;
using Microsoft.ML.Gan.Tabular.Privacy;

namespace Microsoft.ML.Gan.Tabular.Ctgan;

/// <summary>
/// A fitted tabular synthesizer: CTGAN, DP-CTGAN, TVAE (<c>mlContext.Gan().Tabular.Tvae</c>, whose decoder is the
/// generator; its only conditional input is a categorical <c>LabelColumn</c>, and other conditions are refused with a
/// <see cref="NotSupportedException"/>) or
/// TabDDPM (<c>mlContext.Gan().Tabular.TabDdpm</c>, whose denoiser generates by reverse diffusion). <see cref="Sample"/> generates rows with exactly the training schema (the learned
/// columns' names, types and order; with <see cref="WithMetadata"/>, the file's columns), optionally all with one value
/// of a discrete column. As a transformer it is
/// row-to-row: every input row gets one generated row, appended as the training columns (hiding input columns of the
/// same names); row p of a transform is row p of the model's seeded stream, which is also what <see cref="Sample"/>
/// returns. Saves with <c>mlContext.Model.Save</c> into one zip; <c>mlContext.Model.Load</c> gives a working
/// transformer with the same rows, and <see cref="Load(MLContext, string)"/> this typed, fast model.
/// </summary>
/// <remarks>
/// A model loaded with <c>mlContext.Model.Load</c> runs the per-column steps of <see cref="DecodeChain"/>, one row
/// at a time: use it in pipelines and prediction engines, and the typed model for bulk sampling. Every column keeps its
/// training type there, key columns included (same key count and key values).
/// Conditions (<see cref="SampleCondition"/>) apply to <see cref="Sample"/>; <see cref="Transform"/> generates
/// unconditioned rows unless the model was made with <see cref="ConditionedOn"/>, which reads each row's value from an
/// input column.
/// </remarks>
public sealed class CtganModel : ITransformer, IDisposable
{
    private readonly MLContext _mlContext;
    private readonly CtganRowTransformer _rows;
    private readonly Lazy<ITransformer[]> _decodeSteps;
    private readonly Lazy<TransformerChain<ITransformer>> _live;

    internal CtganModel(MLContext mlContext, TabularGenerator generator, long seed, TrainingSummary? summary, Guid id)
        : this(mlContext, generator, new GanGenerationSettings(DecodeChainColumns.Row, seed), summary, id)
    {
    }

    private CtganModel(MLContext mlContext, IRowGenerator generator, GanGenerationSettings settings, TrainingSummary? summary, Guid id)
    {
        _mlContext = mlContext;
        _rows = new CtganRowTransformer(mlContext, generator, settings, id);
        TrainingSummary = summary;
        _decodeSteps = new Lazy<ITransformer[]>(() => DecodeChain.Build(_mlContext, Generator.Schema));
        _live = new Lazy<TransformerChain<ITransformer>>(() => new TransformerChain<ITransformer>([_rows, .. _decodeSteps.Value]));
    }

    /// <summary>
    /// A model whose <see cref="Transform"/> generates each row with the value that the input row holds in a text
    /// column: every generated row has that value in the discrete training column <paramref name="columnName"/>, and the
    /// other columns are generated conditioned on it (as <see cref="Sample"/> does with a condition). The input column
    /// holds the column's training values as text (numbers and Booleans in the invariant culture); a value the column
    /// never had, or one of the rare values that share the "other" slot, fails with an exception naming the column.
    /// Conditioned rows are generated one at a time; the model saves and loads with its condition column.
    /// </summary>
    /// <param name="columnName">A discrete training column.</param>
    /// <param name="inputColumnName">The input text column holding the values; null for <paramref name="columnName"/>.</param>
    /// <returns>A new model (dispose it too) with the same weights and seed.</returns>
    /// <exception cref="ArgumentException">The column is unknown, continuous or constant.</exception>
    public CtganModel ConditionedOn(string columnName, string? inputColumnName = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(columnName);
        Generator.Transformer.ConditionValues(columnName);
        var copy = CtganFamily.Copy(Generator);
        var condition = new GanConditionColumn(inputColumnName ?? columnName, GanConditionKind.Text);
        return new CtganModel(_mlContext, new CtganConditionedGenerator(copy, columnName),
            _rows.Settings.WithCondition(condition), TrainingSummary, Guid.NewGuid());
    }

    /// <summary>The input column that conditions each generated row of <see cref="Transform"/>, or null (see <see cref="ConditionedOn"/>).</summary>
    public GanConditionColumn? ConditionColumn => _rows.Settings.Condition;

    /// <summary>What training did (null for a loaded model).</summary>
    public TrainingSummary? TrainingSummary { get; }

    /// <summary>
    /// The differential privacy the fit spent (ε, δ, σ, steps), or null when it was not private. Kept when the model is
    /// saved and loaded.
    /// </summary>
    public TabularPrivacyReport? Privacy => Generator.Privacy;

    /// <summary>The base seed of the row stream used when no seed is given.</summary>
    public long Seed => _rows.Settings.Seed;

    /// <summary>The fitted data transformer (column encodings, category frequencies).</summary>
    internal DataTransformer DataTransformer => Generator.Transformer;

    /// <summary>
    /// The schema of sampled rows: the training columns (ignored columns excluded), names, types and order; with
    /// <see cref="WithMetadata"/>, the file's columns (generated identifiers included, dates as text).
    /// </summary>
    public DataViewSchema SampleSchema => Complete(Generator.Schema, 0).ToDataView().Schema;

    /// <summary>Whether samples have the file's columns (<see cref="WithMetadata"/>), kept when the model is saved and loaded.</summary>
    public bool HasMetadata => Generator.Completion is not null;

    /// <summary>
    /// A model whose samples (<see cref="Sample"/>, <see cref="SampleStream"/>, <see cref="SampleTable"/>) have the
    /// columns of the file it was fitted on, as <see cref="TabularFileReader"/> described them: date/time columns as
    /// text in the file's format (blank where the generator gives a missing value, never tick numbers), and a fresh
    /// identifier (<see cref="ColumnMetadata.IdentifierPrefix"/> + the row's number in the whole sample, from 000001)
    /// for every identifier column marked <see cref="ColumnMetadata.Generate"/>, in the file's column order. Row p of a
    /// sample has the identifier number p + 1 whatever the shard, so shards concatenate to the unsharded sample. Saved
    /// and loaded with the model; <see cref="Transform"/> still appends the learned columns only.
    /// </summary>
    /// <param name="metadata">The metadata of the table the model was fitted on (<see cref="TabularFile.Metadata"/>).</param>
    /// <returns>A new model (dispose it too) with the same weights and seed.</returns>
    /// <exception cref="ArgumentException">The metadata's learned columns are not the model's, or a generated identifier has no prefix.</exception>
    public CtganModel WithMetadata(TabularMetadata metadata)
    {
        var completion = SyntheticCompletion.ForModel(metadata, Generator.Schema);
        var copy = CtganFamily.Copy(Generator);
        copy.Completion = completion;
        IRowGenerator generator = _rows.RowGenerator is CtganConditionedGenerator conditioned
            ? new CtganConditionedGenerator(copy, conditioned.ColumnName)
            : copy;
        return new CtganModel(_mlContext, generator, _rows.Settings, TrainingSummary, Guid.NewGuid());
    }

    bool ITransformer.IsRowToRowMapper => true;

    private TabularGenerator Generator => _rows.TabularGenerator;

    /// <summary>
    /// Generates <paramref name="rowCount"/> rows with the training schema, in bulk (batched network calls, one
    /// columnar decode), held in memory. Rows are those of the seed's stream, so the same seed gives the same rows, also
    /// after saving and loading; the stream is generated in blocks seeded by (seed, block), so any range of it can be
    /// generated on its own (<paramref name="shard"/>). For more rows than fit in memory use <see cref="SampleStream"/>.
    /// </summary>
    /// <param name="rowCount">How many rows the whole sample has (all shards together).</param>
    /// <param name="seed">The stream's seed; null for <see cref="Seed"/>.</param>
    /// <param name="condition">
    /// Optional <c>column = value</c> on a discrete column: every row has that value, and the other columns are
    /// generated conditioned on it.
    /// </param>
    /// <param name="shard">
    /// Null for every row; shard K of M for rows [K·n/M, (K+1)·n/M) of the same stream only (see <see cref="SampleShard"/>).
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException">The row count is negative, the shard is not K of M, or the rows asked for exceed <see cref="int.MaxValue"/>.</exception>
    /// <exception cref="ArgumentException">The condition names an unknown, continuous or constant column, or a value the column never had.</exception>
    /// <exception cref="NotSupportedException">A condition on a TVAE model other than on its categorical label (its only conditional input).</exception>
    public IDataView Sample(long rowCount, long? seed = null, SampleCondition? condition = null, SampleShard? shard = null) =>
        SampleTable(rowCount, seed, condition, shard).ToDataView();

    /// <summary>Like <see cref="Sample"/>, as a <see cref="DataFrame"/>.</summary>
    /// <inheritdoc cref="Sample" path="/param"/>
    /// <inheritdoc cref="Sample" path="/exception"/>
    public DataFrame SampleDataFrame(long rowCount, long? seed = null, SampleCondition? condition = null, SampleShard? shard = null) =>
        Sample(rowCount, seed, condition, shard).ToDataFrame(-1);

    /// <summary>Like <see cref="Sample"/>, as a columnar <see cref="TabularTable"/>.</summary>
    /// <inheritdoc cref="Sample" path="/param"/>
    /// <inheritdoc cref="Sample" path="/exception"/>
    internal TabularTable SampleTable(long rowCount, long? seed = null, SampleCondition? condition = null, SampleShard? shard = null)
    {
        var (start, count) = Range(rowCount, shard);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, int.MaxValue, nameof(rowCount));
        var forced = condition is null ? null : Resolve(condition);
        TabularTable rows;
        lock (Generator)
            rows = Generator.Sample(start, (int)count, seed ?? Seed, forced);
        return Complete(rows, start);
    }

    private TabularTable Complete(TabularTable rows, long firstRow) => Generator.Completion?.Complete(rows, firstRow) ?? rows;

    /// <summary>
    /// The same rows as <see cref="Sample"/>, generated lazily: a cursor generates them in batches of
    /// <see cref="StreamBatchRows"/> as it moves, so memory stays flat whatever <paramref name="rowCount"/> is, and the
    /// row count may exceed <see cref="int.MaxValue"/>. Each cursor generates the rows again (the same rows); cache
    /// the view (<c>mlContext.Data.Cache</c>) to read a small sample several times. The exporter
    /// (<c>mlContext.Gan().Tabular.CreateExporter</c>) writes such a view batch by batch, in bounded memory.
    /// </summary>
    /// <inheritdoc cref="Sample" path="/param"/>
    /// <exception cref="ArgumentOutOfRangeException">The row count is negative or the shard is not K of M.</exception>
    /// <exception cref="ArgumentException">The condition names an unknown, continuous or constant column, or a value the column never had.</exception>
    /// <exception cref="NotSupportedException">A condition on a TVAE model other than on its categorical label (its only conditional input).</exception>
    public IDataView SampleStream(long rowCount, long? seed = null, SampleCondition? condition = null, SampleShard? shard = null)
    {
        var (start, count) = Range(rowCount, shard);
        var forced = condition is null ? null : Resolve(condition);
        long streamSeed = seed ?? Seed;
        return new StreamedTableDataView(Generator.Schema, count, () => Batches(start, start + count, streamSeed, forced), start, Generator.Completion);
    }

    /// <summary>
    /// Rows per batch of <see cref="SampleStream"/> (batches start at multiples of it in the unsharded stream; a
    /// shard's first and last batch may be shorter).
    /// </summary>
    public const int StreamBatchRows = 64 * 1024;

    private static (long Start, long Count) Range(long rowCount, SampleShard? shard)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        return (shard ?? SampleShard.All).Rows(rowCount);
    }

    /// <summary>
    /// One job per batch; the jobs may run on several threads at once (the generator is only read, and every call
    /// draws from its own per-block torch generators), each batch's rows depend on its place only.
    /// </summary>
    private IEnumerable<Func<TabularTable>> Batches(long start, long end, long seed, ForcedCategory? forced)
    {
        for (long first = start; first < end;)
        {
            long batchStart = first, next = Math.Min(end, (first / StreamBatchRows + 1) * StreamBatchRows);
            yield return () => Generator.Sample(batchStart, (int)(next - batchStart), seed, forced);
            first = next;
        }
    }

    /// <summary>The input schema plus the training columns.</summary>
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema) => _live.Value.GetOutputSchema(inputSchema);

    /// <summary>Appends one generated row to each input row (row p of the stream of <see cref="Seed"/>), lazily.</summary>
    public IDataView Transform(IDataView input) => _live.Value.Transform(input);

    IRowToRowMapper ITransformer.GetRowToRowMapper(DataViewSchema inputSchema) =>
        ((ITransformer)_live.Value).GetRowToRowMapper(inputSchema);

    void ICanSaveModel.Save(ModelSaveContext ctx)
    {
        var saved = GanTransformerChain.Build(_mlContext, _rows.ToSavedModel(), _rows.RowGenerator);
        ((ICanSaveModel)new TransformerChain<ITransformer>([.. saved, .. _decodeSteps.Value])).Save(ctx);
    }

    /// <summary>Loads a CTGAN model saved with <c>mlContext.Model.Save</c> as this typed, fast model.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not a saved CTGAN model (the message says what it is).</exception>
    public static CtganModel Load(MLContext mlContext, string path) => FromSaved(mlContext, GanModelLoader.Load(mlContext, path), $"'{path}'");

    /// <summary>Loads a CTGAN model saved with <c>mlContext.Model.Save</c> from a stream.</summary>
    /// <exception cref="InvalidDataException">The stream does not hold a saved CTGAN model.</exception>
    public static CtganModel Load(MLContext mlContext, Stream stream) => FromSaved(mlContext, GanModelLoader.Load(mlContext, stream), "The stream");

    /// <summary>Disposes the generator.</summary>
    public void Dispose() => _rows.Dispose();

    private static CtganModel FromSaved(MLContext mlContext, GanSavedModel saved, string what)
    {
        if (!CtganFamily.IsTabular(saved.Payload.Family))
            throw new InvalidDataException($"{what} holds a '{saved.Payload.Family}' GAN model, not a CTGAN model.");
        var generator = GanPayloadRegistry.CreateGenerator(saved.Payload);
        return new CtganModel(mlContext, generator, saved.Settings, null, saved.Payload.Id);
    }

    private ForcedCategory Resolve(SampleCondition condition)
    {
        ArgumentNullException.ThrowIfNull(condition.ColumnName, nameof(condition));
        ArgumentNullException.ThrowIfNull(condition.Value, nameof(condition));
        int categoryIndex;
        try
        {
            (_, categoryIndex) = Generator.Transformer.FindCategory(condition.ColumnName, condition.Value);
        }
        catch (ArgumentException e)
        {
            string reason = e.ParamName is null ? e.Message : e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal);
            throw new ArgumentException($"Cannot sample with the condition {condition.ColumnName} = '{condition.Value}': {reason}", nameof(condition), e);
        }
        return Generator.Force(condition.ColumnName, categoryIndex);
    }
}
