using Microsoft.ML.Gan.Torch;

namespace Microsoft.ML.Gan.Persistence;

/// <summary>
/// The live transformer bound to one input schema: the output schema (input columns, then the generated
/// float-vector column of known size, then the family's derived column if it has one), the column dependencies, and
/// the getter that generates a row.
/// </summary>
internal sealed class GeneratedBinding
{
    private readonly IRowGenerator _generator;
    private readonly GanGenerationSettings _settings;
    private readonly DataViewSchema.Column? _seedColumn;
    private readonly ConditionBinding? _condition;

    private GeneratedBinding(DataViewSchema inputSchema, IRowGenerator generator, GanGenerationSettings settings,
        GeneratedColumnDerivation? derivation)
    {
        _generator = generator;
        _settings = settings;
        Derivation = derivation;
        InputSchema = inputSchema;
        if (settings.SeedColumnName is not null)
            _seedColumn = SeedColumn.Find(inputSchema, settings.SeedColumnName);
        if (settings.Condition is not null)
            _condition = ConditionBinding.Create(inputSchema, settings.Condition, generator);
        var builder = new DataViewSchema.Builder();
        builder.AddColumns(inputSchema);
        builder.AddColumn(settings.OutputColumnName, new VectorDataViewType(NumberDataViewType.Single, generator.OutputLength));
        if (derivation is not null)
            builder.AddColumn(derivation.Name, derivation.Type);
        OutputSchema = builder.ToSchema();
        OutputIndex = inputSchema.Count;
    }

    /// <summary>Binds to a schema.</summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// The seed or condition column is missing or of the wrong type, or a reserved name is used.
    /// </exception>
    /// <exception cref="ArgumentException">The derived column has the generated column's name.</exception>
    public static GeneratedBinding Create(DataViewSchema inputSchema, IRowGenerator generator, GanGenerationSettings settings,
        GeneratedColumnDerivation? derivation = null)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        if (derivation is not null && derivation.Name == settings.OutputColumnName)
            throw new ArgumentException($"The derived column and the generated column are both named '{derivation.Name}'; give them different names.", nameof(derivation));
        foreach (var column in inputSchema)
        {
            if (column.Name.StartsWith(GanChainColumns.ReservedPrefix, StringComparison.Ordinal))
            {
                throw new ArgumentOutOfRangeException(nameof(inputSchema),
                    $"The input column '{column.Name}' uses the prefix '{GanChainColumns.ReservedPrefix}', which saved GAN models reserve " +
                    "for their temporary columns. Rename the column.");
            }
        }
        return new GeneratedBinding(inputSchema, generator, settings, derivation);
    }

    public DataViewSchema InputSchema { get; }

    public DataViewSchema OutputSchema { get; }

    /// <summary>The generated column's index in <see cref="OutputSchema"/> (after all input columns).</summary>
    public int OutputIndex { get; }

    /// <summary>The family's derived column (at <see cref="OutputIndex"/> + 1), or null.</summary>
    public GeneratedColumnDerivation? Derivation { get; }

    /// <summary>The input columns needed to produce <paramref name="outputColumns"/>.</summary>
    public IEnumerable<DataViewSchema.Column> GetDependencies(IEnumerable<DataViewSchema.Column> outputColumns)
    {
        var needed = new bool[InputSchema.Count];
        foreach (var column in outputColumns)
        {
            if (column.Index < OutputIndex)
                needed[column.Index] = true;
            else
            {
                if (_seedColumn is { } seed)
                    needed[seed.Index] = true;
                if (_condition is { } condition)
                    needed[condition.Column.Index] = true;
            }
        }
        return InputSchema.Where(c => needed[c.Index]);
    }

    /// <summary>Which output columns are active, as a flag per output column index.</summary>
    public bool[] ActiveFlags(IEnumerable<DataViewSchema.Column> activeColumns)
    {
        var active = new bool[OutputSchema.Count];
        foreach (var column in activeColumns)
            active[column.Index] = true;
        return active;
    }

    /// <summary>
    /// The getter of the generated column over <paramref name="input"/>. Without a seed column the row at input
    /// position <c>p</c> is row <c>p</c> of the base seed's stream; with one, the row's seed picks the row. With a
    /// condition column each row is generated for its own condition.
    /// </summary>
    public ValueGetter<VBuffer<float>> CreateOutputGetter(DataViewRow input)
    {
        var source = new GeneratedRowSource(_generator, _settings.Seed);
        int width = _generator.OutputLength;
        if (_condition is { } condition)
            return CreateConditionedGetter(input, source, condition);
        if (_seedColumn is { } seedColumn)
        {
            var readSeed = SeedColumn.CreateGetter(input, input.Schema[seedColumn.Index]);
            long seed = 0;
            return (ref VBuffer<float> destination) =>
            {
                readSeed(ref seed);
                var editor = VBufferEditor.Create(ref destination, width);
                source.ReadSeededRow(seed, editor.Values);
                destination = editor.Commit();
            };
        }
        return (ref VBuffer<float> destination) =>
        {
            var editor = VBufferEditor.Create(ref destination, width);
            source.ReadStreamRow(CurrentPosition(input), editor.Values);
            destination = editor.Commit();
        };
    }

    private ValueGetter<VBuffer<float>> CreateConditionedGetter(DataViewRow input, GeneratedRowSource source, ConditionBinding condition)
    {
        var readCondition = condition.CreateReader(input);
        var readSeed = _seedColumn is { } seedColumn ? SeedColumn.CreateGetter(input, input.Schema[seedColumn.Index]) : null;
        long baseSeed = _settings.Seed, rowSeed = 0;
        int width = _generator.OutputLength;
        return (ref VBuffer<float> destination) =>
        {
            if (readSeed is null)
                rowSeed = NoiseSeeds.ForPosition(baseSeed, CurrentPosition(input));
            else
                readSeed(ref rowSeed);
            var values = readCondition();
            var editor = VBufferEditor.Create(ref destination, width);
            source.ReadConditionedRow(rowSeed, values.Span, editor.Values);
            destination = editor.Commit();
        };
    }

    private static long CurrentPosition(DataViewRow input) => input.Position >= 0
        ? input.Position
        : throw new InvalidOperationException("The generated column was read before the cursor moved to a row (call MoveNext first).");
}
