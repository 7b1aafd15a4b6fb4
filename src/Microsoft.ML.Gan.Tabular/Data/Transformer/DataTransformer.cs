namespace Microsoft.ML.Gan.Tabular.Data;

/// <summary>
/// CTGAN's reversible data transformer (Xu et al. 2019, §4.2). Each row becomes a float vector made of, column by
/// column: for a continuous column, a scalar α and a one-hot of its Gaussian-mixture mode (mode-specific
/// normalization), plus a [present, missing] one-hot when the column had NaN; for a discrete column, a one-hot of its
/// category. <see cref="Spans"/> describes the layout; <see cref="InverseTransform"/> turns generated vectors back into
/// a table with the training schema.
/// </summary>
/// <remarks>
/// <para>A constant column (one distinct value and no missing value) takes no width in the encoding and decodes to
/// its constant.</para>
/// <para>A missing continuous value is encoded as α = 0 with the column's heaviest mode and the "missing" indicator;
/// decoding gives NaN whenever the indicator says missing.</para>
/// <para>Decoded continuous values are clipped to the training [min, max] and rounded when every training value was a
/// whole number. Decoded categories are always training values.</para>
/// <para>A fitted transformer is immutable: <see cref="Transform"/> and <see cref="InverseTransform"/> may run on
/// several threads at once.</para>
/// </remarks>
internal sealed class DataTransformer
{
    private const int DecodeBlockRows = 256;
    private readonly ColumnEncoder[] _encoders;
    private readonly int[] _columnOffsets;
    private readonly OutputSpan[] _spans;
    private readonly int[] _conditionable;
    private readonly Dictionary<string, int> _columnIndex;

    private DataTransformer(ColumnEncoder[] encoders, DataTransformerOptions options)
    {
        _encoders = encoders;
        Options = options;
        _columnOffsets = new int[encoders.Length];
        _columnIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var spans = new List<OutputSpan>();
        int start = 0;
        for (int c = 0; c < encoders.Length; c++)
        {
            _columnIndex.Add(encoders[c].Name, c);
            _columnOffsets[c] = start;
            foreach (var (length, kind, role) in encoders[c].Layout)
            {
                spans.Add(new OutputSpan(start, length, kind, role, c, encoders[c].Name));
                start += length;
            }
        }
        _spans = [.. spans];
        _conditionable = [.. Enumerable.Range(0, _spans.Length).Where(s => _spans[s].IsConditionable)];
        OutputDimension = start;
    }

    /// <summary>The options the transformer was fitted with.</summary>
    public DataTransformerOptions Options { get; }

    /// <summary>The width of one encoded row.</summary>
    public int OutputDimension { get; }

    /// <summary>The blocks of an encoded row, in order, covering it exactly.</summary>
    public IReadOnlyList<OutputSpan> Spans => _spans;

    /// <summary>Indices into <see cref="Spans"/> of the discrete columns' category spans, from which CTGAN builds its conditional vector.</summary>
    public IReadOnlyList<int> ConditionableSpans => _conditionable;

    /// <summary>The fitted columns' names, in table order.</summary>
    public IReadOnlyList<string> ColumnNames => [.. _encoders.Select(e => e.Name)];

    /// <summary>
    /// Fits the encoding of every column of <paramref name="table"/>: a variational Gaussian mixture per continuous
    /// column and the category set of each discrete column. Each mixture (and its point masses) is fitted on the
    /// column's present values when there are at most 100,000 of them (exactly as many rows as the table has), else on a
    /// seeded uniform sample of 100,000, so that fitting costs the same on any number of rows; ranges, missing values and
    /// category frequencies always come from every row.
    /// </summary>
    /// <exception cref="ArgumentException">The table has no rows, or a continuous column has only missing or infinite values.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static DataTransformer Fit(TabularTable table, DataTransformerOptions? options = null) =>
        Fit(table, options, ContinuousEncoding.ModeSpecific);

    /// <summary>Like <see cref="Fit(TabularTable, DataTransformerOptions?)"/>, with a choice of the continuous columns' encoding.</summary>
    internal static DataTransformer Fit(TabularTable table, DataTransformerOptions? options, ContinuousEncoding encoding)
    {
        ArgumentNullException.ThrowIfNull(table);
        options ??= new DataTransformerOptions();
        options.Validate();
        if (table.RowCount == 0)
            throw new ArgumentException("The table has no rows; the transformer needs data to fit.", nameof(table));
        var encoders = new ColumnEncoder[table.Columns.Count];
        for (int c = 0; c < encoders.Length; c++)
        {
            encoders[c] = table.Columns[c] switch
            {
                ContinuousColumn continuous when encoding == ContinuousEncoding.Quantile => QuantileEncoder.Fit(continuous, options.PresentValues(continuous, c)),
                ContinuousColumn continuous => ContinuousEncoder.Fit(continuous, options.PresentValues(continuous, c), options.MixtureOptions(c), options.PointMassShare),
                DiscreteColumn discrete => DiscreteEncoder.Fit(discrete, options.MaxCategories),
                var other => throw new ArgumentException($"Column '{other.Name}' is of unsupported kind {other.GetType().Name}.", nameof(table)),
            };
        }
        return new DataTransformer(encoders, options);
    }

    /// <summary>
    /// Encodes every row of <paramref name="table"/> into a row-major [rows × <see cref="OutputDimension"/>] matrix.
    /// Each continuous value's mode is drawn from its posterior responsibilities with a generator seeded from
    /// <paramref name="seed"/> (or <see cref="DataTransformerOptions.Seed"/>) and the column's position.
    /// </summary>
    /// <param name="table">A table with the fitted columns (matched by name; the same types); other columns are ignored.</param>
    /// <param name="seed">The seed of the mode draws; null for <see cref="DataTransformerOptions.Seed"/>.</param>
    /// <exception cref="ArgumentException">
    /// A fitted column is absent or has another type or kind, a discrete value was not seen in training, or a
    /// continuous column has NaN where training had none.
    /// </exception>
    public float[] Transform(TabularTable table, int? seed = null) =>
        Encode(table, seed).ToDense();

    /// <summary>
    /// Like <see cref="Transform"/>, in compact form: a few bytes per row and column, from which batches of the same
    /// float rows are built on the fly.
    /// </summary>
    internal EncodedTable Encode(TabularTable table, int? seed = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        var columns = MatchColumns(table);
        var encoded = new EncodedColumn[_encoders.Length];
        for (int c = 0; c < _encoders.Length; c++)
        {
            var random = new Random(DataTransformerOptions.ColumnSeed(seed ?? Options.Seed, c));
            encoded[c] = _encoders[c].Encode(columns[c], random);
        }
        return new EncodedTable(encoded, _columnOffsets, table.RowCount, OutputDimension);
    }

    /// <summary>
    /// Decodes a row-major [<paramref name="rows"/> × <see cref="OutputDimension"/>] matrix into a table with the
    /// fitted columns, names and types. Continuous: α·4σₖ + μₖ with k the largest entry of the mode span, clipped to
    /// the training range and rounded for whole-number columns, NaN where the missing indicator says so. Discrete: the
    /// category of the largest entry; the "other" slot draws one of its training values by frequency.
    /// </summary>
    /// <param name="encoded">The encoded rows (generator outputs need not be exact one-hots).</param>
    /// <param name="rows">The number of rows.</param>
    /// <param name="seed">Seeds the draws of the "other" slots.</param>
    /// <exception cref="ArgumentException">The length of <paramref name="encoded"/> is not rows × <see cref="OutputDimension"/>.</exception>
    public TabularTable InverseTransform(ReadOnlySpan<float> encoded, int rows, int seed = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        if (encoded.Length != (long)rows * OutputDimension)
            throw new ArgumentException(
                $"The encoded matrix has {encoded.Length} values; {rows} rows × {OutputDimension} columns need {(long)rows * OutputDimension}.", nameof(encoded));
        var targets = new ColumnEncoder.DecodeTarget[_encoders.Length];
        for (int c = 0; c < _encoders.Length; c++)
            targets[c] = _encoders[c].CreateTarget(rows, new Random(DataTransformerOptions.ColumnSeed(seed, c)));
        for (int start = 0; start < rows; start += DecodeBlockRows)
        {
            int end = Math.Min(rows, start + DecodeBlockRows);
            for (int c = 0; c < _encoders.Length; c++)
                _encoders[c].Decode(encoded, OutputDimension, _columnOffsets[c], start, end, targets[c]);
        }
        return new TabularTable(targets.Select(t => t.ToColumn()));
    }

    /// <summary>The training frequency of each category of a conditionable span (they sum to 1).</summary>
    /// <param name="spanIndex">An index into <see cref="Spans"/> of a <see cref="SpanRole.Category"/> span.</param>
    /// <exception cref="ArgumentException">The span is not a category span.</exception>
    public double[] GetCategoryFrequencies(int spanIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(spanIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(spanIndex, _spans.Length);
        var span = _spans[spanIndex];
        if (!span.IsConditionable)
            throw new ArgumentException($"Span {spanIndex} ({span.Role} of column '{span.ColumnName}') is not a category span.", nameof(spanIndex));
        return ((DiscreteEncoder)_encoders[span.ColumnIndex]).SlotFrequencies();
    }

    /// <summary>Where a discrete column's value sits in the encoding: its span and its position within the span.</summary>
    /// <param name="columnName">A discrete column of the fitted table.</param>
    /// <param name="value">A training value, typed as the column's values or as any number for a numeric column (text as <see cref="string"/>).</param>
    /// <exception cref="ArgumentException">
    /// The column is unknown, not discrete or constant, or the value was not in training (or is grouped into "other").
    /// </exception>
    public (int SpanIndex, int CategoryIndex) FindCategory(string columnName, object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var (spanIndex, discrete) = ConditionableColumn(columnName);
        return (spanIndex, discrete.SlotOf(value));
    }

    /// <summary>
    /// The values a discrete column can be conditioned on (those with a slot of their own), as invariant text, each
    /// with its position in the column's span, and the span's index.
    /// </summary>
    /// <exception cref="ArgumentException">The column is unknown, not discrete or constant.</exception>
    public (int SpanIndex, IReadOnlyList<(string Name, int CategoryIndex)> Values) ConditionValues(string columnName)
    {
        var (spanIndex, discrete) = ConditionableColumn(columnName);
        return (spanIndex, discrete.NamedSlots());
    }

    private (int SpanIndex, DiscreteEncoder Encoder) ConditionableColumn(string columnName)
    {
        ArgumentNullException.ThrowIfNull(columnName);
        if (!_columnIndex.TryGetValue(columnName, out int column))
            throw new ArgumentException($"The transformer has no column '{columnName}'. Columns: {string.Join(", ", ColumnNames)}.", nameof(columnName));
        if (_encoders[column] is not DiscreteEncoder discrete)
            throw new ArgumentException($"Column '{columnName}' is continuous; only discrete columns have categories to condition on.", nameof(columnName));
        int spanIndex = Array.FindIndex(_spans, s => s.ColumnIndex == column);
        if (spanIndex < 0)
            throw new ArgumentException($"Column '{columnName}' has a single category, so it has no span to condition on.", nameof(columnName));
        return (spanIndex, discrete);
    }

    /// <summary>The Gaussian mixture of a continuous column, or null when the column has a single distinct value.</summary>
    /// <exception cref="ArgumentException">The column is unknown or discrete.</exception>
    public VariationalGaussianMixture? GetMixture(string columnName)
    {
        if (!_columnIndex.TryGetValue(columnName, out int column))
            throw new ArgumentException($"The transformer has no column '{columnName}'. Columns: {string.Join(", ", ColumnNames)}.", nameof(columnName));
        return _encoders[column] is ContinuousEncoder continuous
            ? continuous.Mixture
            : throw new ArgumentException($"Column '{columnName}' has no Gaussian mixture (it is discrete or quantile-normalized).", nameof(columnName));
    }

    /// <summary>Writes the fitted transformer (versioned, checksummed); <see cref="Load"/> reads it back.</summary>
    public void Save(BinaryWriter writer) => DataTransformerFormat.Write(writer, payload =>
    {
        Options.Write(payload);
        payload.Write(_encoders.Length);
        foreach (var encoder in _encoders)
        {
            payload.Write(encoder.Name);
            ColumnTypes.Write(payload, encoder.Type);
            payload.Write((byte)EncoderKind(encoder));
            encoder.Write(payload);
        }
    });

    /// <summary>Reads a transformer written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a saved transformer, are corrupt, or come from a newer version.</exception>
    public static DataTransformer Load(BinaryReader reader) => DataTransformerFormat.Read(reader, payload =>
    {
        var options = DataTransformerOptions.Read(payload);
        int count = payload.ReadInt32();
        if (count < 1 || count > 1_000_000)
            throw new InvalidDataException($"Invalid column count {count}.");
        var encoders = new ColumnEncoder[count];
        for (int c = 0; c < count; c++)
        {
            string name = payload.ReadString();
            var type = ColumnTypes.Read(payload);
            encoders[c] = payload.ReadByte() switch
            {
                (byte)SavedEncoder.ModeSpecific => ContinuousEncoder.Read(payload, name, type),
                (byte)SavedEncoder.Discrete => DiscreteEncoder.Read(payload, name, type),
                (byte)SavedEncoder.Quantile => QuantileEncoder.Read(payload, name, type),
                var kind => throw new InvalidDataException($"Column '{name}' has an unknown encoder kind {kind}."),
            };
        }
        return new DataTransformer(encoders, options);
    });

    /// <summary>The saved kind of an encoder; the byte was a Boolean "discrete" before quantile encoders existed, so old files read the same.</summary>
    private enum SavedEncoder : byte
    {
        ModeSpecific = 0,
        Discrete = 1,
        Quantile = 2,
    }

    private static SavedEncoder EncoderKind(ColumnEncoder encoder) => encoder switch
    {
        DiscreteEncoder => SavedEncoder.Discrete,
        QuantileEncoder => SavedEncoder.Quantile,
        _ => SavedEncoder.ModeSpecific,
    };

    private TabularColumn[] MatchColumns(TabularTable table)
    {
        var columns = new TabularColumn[_encoders.Length];
        for (int c = 0; c < columns.Length; c++)
        {
            var encoder = _encoders[c];
            int index = table.IndexOf(encoder.Name);
            if (index < 0)
                throw new ArgumentException($"The table has no column '{encoder.Name}', which the transformer was fitted on.", nameof(table));
            var column = table.Columns[index];
            if (!column.Type.Equals(encoder.Type))
                throw new ArgumentException($"Column '{encoder.Name}' has type {column.Type}; the transformer was fitted on type {encoder.Type}.", nameof(table));
            bool discrete = encoder is DiscreteEncoder;
            if (discrete != column is DiscreteColumn)
                throw new ArgumentException(
                    $"Column '{encoder.Name}' is {(discrete ? "continuous" : "discrete")} in the table but was {(discrete ? "discrete" : "continuous")} when the transformer was fitted; read it with the same TabularReadOptions.DiscreteColumns.",
                    nameof(table));
            columns[c] = column;
        }
        return columns;
    }
}
