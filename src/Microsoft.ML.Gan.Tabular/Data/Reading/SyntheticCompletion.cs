namespace Microsoft.ML.Gan.Tabular.Data;

/// <summary>
/// Gives a sampled table the columns of the file it imitates: fresh identifiers for identifier columns marked
/// <see cref="ColumnMetadata.Generate"/> (prefix + the row's number in the whole sample, six digits or more, so they
/// never equal a real identifier and shards number their rows as one sample would), and date/time columns written back
/// as text in their file's format (blanks stay blank). Columns come in the file's order. A fitted model keeps one
/// (<c>CtganModel.WithMetadata</c>) and saves it with its generator.
/// </summary>
internal sealed class SyntheticCompletion
{
    private const int FormatVersion = 1;

    /// <summary>The learned and the generated identifier columns, in file order (only the fields that shape the output).</summary>
    private readonly IReadOnlyList<ColumnMetadata> _columns;

    private SyntheticCompletion(IReadOnlyList<ColumnMetadata> columns) => _columns = columns;

    public SyntheticCompletion(TabularMetadata metadata)
        : this([.. metadata.Columns.Where(c => c.IsLearned || c is { Role: ColumnRole.Identifier, Generate: true })])
    {
    }

    /// <summary>The completion of a model's samples, checked against the model's learned columns (<paramref name="learned"/>).</summary>
    /// <exception cref="ArgumentException">The metadata does not describe the model's columns, or a generated identifier has no prefix.</exception>
    public static SyntheticCompletion ForModel(TabularMetadata metadata, TabularTable learned)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var completion = new SyntheticCompletion(metadata);
        var named = completion._columns.Where(c => c.IsLearned).Select(c => c.Name).ToList();
        var modelColumns = learned.Columns.Select(c => c.Name).ToList();
        if (!named.SequenceEqual(modelColumns))
            throw new ArgumentException(
                $"The metadata's learned columns ({string.Join(", ", named)}) are not the model's ({string.Join(", ", modelColumns)}): give the metadata of the table the model was fitted on.", nameof(metadata));
        foreach (var column in completion._columns.Where(c => !c.IsLearned && string.IsNullOrEmpty(c.IdentifierPrefix)))
            throw new ArgumentException($"Identifier column '{column.Name}' is to be generated but has no identifier prefix; read the real table with the metadata (or run inspect) to choose one.", nameof(metadata));
        return completion;
    }

    /// <summary>
    /// The completed table. Row r of <paramref name="table"/> is row <paramref name="firstRow"/> + r of the whole sample,
    /// or <paramref name="firstRow"/> + keptRows[r] when a filter kept only those rows of a batch.
    /// </summary>
    /// <exception cref="InvalidDataException">A generated identifier column has no prefix or is already in the table.</exception>
    public TabularTable Complete(TabularTable table, long firstRow, int[]? keptRows = null, bool formatDateTimes = true)
    {
        var columns = new List<TabularColumn>();
        foreach (var described in _columns)
        {
            int index = table.IndexOf(described.Name);
            if (!described.IsLearned)
            {
                if (index >= 0)
                    throw new InvalidDataException($"The sampled table already has a column '{described.Name}', which the metadata marks as a generated identifier.");
                columns.Add(Identifiers(described, table.RowCount, r => firstRow + (keptRows is null ? r : keptRows[r])));
            }
            else if (index >= 0)
            {
                var column = table.Columns[index];
                columns.Add(formatDateTimes && described is { Role: ColumnRole.DateTime, DateTimeFormat: { } format } && column is ContinuousColumn instants
                    ? Formatted(instants, format)
                    : column);
            }
        }
        columns.AddRange(table.Columns.Where(c => !_columns.Any(d => d.Name == c.Name)));
        return new TabularTable(columns);
    }

    /// <summary>Writes a model's completion, or its absence (a Boolean first).</summary>
    public static void WriteOptional(BinaryWriter writer, SyntheticCompletion? completion)
    {
        writer.Write(completion is not null);
        if (completion is null)
            return;
        writer.Write(FormatVersion);
        writer.Write(completion._columns.Count);
        foreach (var column in completion._columns)
        {
            writer.Write(column.Name);
            writer.Write((int)column.Role);
            writer.Write(column.IdentifierPrefix ?? "");
            writer.Write(column.DateTimeFormat ?? "");
        }
    }

    /// <summary>Reads what <see cref="WriteOptional"/> wrote.</summary>
    /// <exception cref="InvalidDataException">The section has an unknown version or role.</exception>
    public static SyntheticCompletion? ReadOptional(BinaryReader reader)
    {
        if (!reader.ReadBoolean())
            return null;
        int version = reader.ReadInt32();
        if (version != FormatVersion)
            throw new InvalidDataException($"The model's output columns have format version {version}; this library reads version {FormatVersion}.");
        var columns = new ColumnMetadata[reader.ReadInt32()];
        for (int c = 0; c < columns.Length; c++)
        {
            string name = reader.ReadString();
            var role = (ColumnRole)reader.ReadInt32();
            if (!Enum.IsDefined(role))
                throw new InvalidDataException($"The model's output column '{name}' has an unknown role {(int)role}.");
            string prefix = reader.ReadString(), format = reader.ReadString();
            columns[c] = new ColumnMetadata
            {
                Name = name,
                Role = role,
                Generate = role == ColumnRole.Identifier,
                IdentifierPrefix = prefix.Length == 0 ? null : prefix,
                DateTimeFormat = format.Length == 0 ? null : format,
            };
        }
        return new SyntheticCompletion(columns);
    }

    private static DiscreteColumn Identifiers(ColumnMetadata column, int rows, Func<int, long> rowNumber)
    {
        string prefix = string.IsNullOrEmpty(column.IdentifierPrefix)
            ? throw new InvalidDataException($"Identifier column '{column.Name}' is to be generated but has no identifier prefix; read the real table with the metadata (or run inspect) to choose one.")
            : column.IdentifierPrefix;
        var values = new object[rows];
        for (int r = 0; r < rows; r++)
            values[r] = prefix + (rowNumber(r) + 1).ToString("D6", CultureInfo.InvariantCulture);
        return new DiscreteColumn(column.Name, TextDataViewType.Instance, [.. Enumerable.Range(0, rows)], values);
    }

    private static DiscreteColumn Formatted(ContinuousColumn instants, string format)
    {
        double[] ticks = instants.Values.ToArray();
        return TextColumns.Build(instants.Name, ticks.Length, r => double.IsNaN(ticks[r]) ? ""
            : CellParser.FormatDateTime((long)Math.Clamp(Math.Round(ticks[r]), DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks), format));
    }
}
