using System.Text.Json;
using System.Text.Json.Serialization;

namespace Microsoft.ML.Gan.Tabular.Data;

/// <summary>
/// The columns of a table with their roles (continuous, discrete, date/time, identifier, constant, ignored), missing
/// shares, distinct counts and warnings, as <see cref="TabularFileReader"/> inferred them: the job of SDV's metadata.
/// Save it with <see cref="ToJson"/>, edit the roles, and give it back in <see cref="TabularFileOptions.Metadata"/>
/// to override the inference (<c>mlgan inspect --out</c> and <c>--metadata</c> do the same).
/// </summary>
public sealed record TabularMetadata
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(new LowerCase(), allowIntegerValues: false) },
    };

    /// <summary>The number of data rows read.</summary>
    public int RowCount { get; init; }

    /// <summary>The file's field separator (CSV), or null.</summary>
    public string? Separator { get; init; }

    /// <summary>The columns, in file order.</summary>
    public IReadOnlyList<ColumnMetadata> Columns { get; init; } = [];

    /// <summary>The column with this name, or null.</summary>
    public ColumnMetadata? Find(string name) => Columns.FirstOrDefault(c => c.Name == name);

    /// <summary>The columns a synthesizer learns, in order.</summary>
    public IReadOnlyList<string> LearnedColumns => [.. Columns.Where(c => c.IsLearned).Select(c => c.Name)];

    /// <summary>The columns left out (identifiers, constants, ignored), in order.</summary>
    public IReadOnlyList<string> LeftOutColumns => [.. Columns.Where(c => !c.IsLearned).Select(c => c.Name)];

    /// <summary>Every column's warnings, each prefixed with the column's name.</summary>
    public IEnumerable<string> Warnings => Columns.SelectMany(c => c.Warnings.Select(w => $"column '{c.Name}': {w}"));

    /// <summary>A copy with <paramref name="role"/> for the column <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No column has that name.</exception>
    public TabularMetadata WithRole(string name, ColumnRole role)
    {
        if (Find(name) is null)
            throw new ArgumentException($"The metadata has no column '{name}'. Columns: {string.Join(", ", Columns.Select(c => c.Name))}.", nameof(name));
        return this with { Columns = [.. Columns.Select(c => c.Name == name ? c with { Role = role } : c)] };
    }

    /// <summary>
    /// Gives a sampled table the file's other columns: fresh identifiers (prefix + six-digit row number, never a real
    /// value) for identifier columns with <see cref="ColumnMetadata.Generate"/>, and, when
    /// <paramref name="formatDateTimes"/>, date/time columns as text in their file's format. Columns follow the file's order.
    /// </summary>
    /// <param name="synthetic">Rows sampled from a synthesizer fitted on the table this metadata describes.</param>
    /// <param name="formatDateTimes">Write date/time columns as text in <see cref="ColumnMetadata.DateTimeFormat"/> (for CSV output).</param>
    /// <exception cref="InvalidDataException">A generated identifier column has no prefix or is already in the sample.</exception>
    public IDataView CompleteSynthetic(IDataView synthetic, bool formatDateTimes = true)
    {
        ArgumentNullException.ThrowIfNull(synthetic);
        return new SyntheticCompletion(this).Complete(TabularTable.FromDataView(synthetic), 0, formatDateTimes: formatDateTimes).ToDataView();
    }

    /// <summary>The metadata as indented JSON (roles and kinds as lower-case words).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads metadata written by <see cref="ToJson"/> (and possibly edited).</summary>
    /// <exception cref="InvalidDataException">The text is not such JSON, a column has no name, or a name repeats (the message says where).</exception>
    public static TabularMetadata FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        TabularMetadata? metadata;
        try
        {
            metadata = JsonSerializer.Deserialize<TabularMetadata>(json, Json);
        }
        catch (JsonException e)
        {
            string roles = string.Join(", ", Enum.GetNames<ColumnRole>().Select(n => n.ToLowerInvariant()));
            throw new InvalidDataException(e.Path?.EndsWith(".role", StringComparison.Ordinal) == true
                ? $"The metadata has an unknown role at {e.Path}; roles are {roles}."
                : $"The metadata is not valid JSON metadata: {e.Message}", e);
        }
        if (metadata?.Columns is not { Count: > 0 } columns)
            throw new InvalidDataException("The metadata lists no columns.");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var column in columns)
        {
            if (string.IsNullOrEmpty(column?.Name))
                throw new InvalidDataException("A column of the metadata has no name.");
            if (!seen.Add(column.Name))
                throw new InvalidDataException($"The metadata lists column '{column.Name}' twice.");
        }
        return metadata;
    }

    /// <summary>Writes <see cref="ToJson"/> to a file.</summary>
    public void Save(string path) => File.WriteAllText(path, ToJson());

    /// <summary>Reads a file written by <see cref="Save"/>.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not metadata JSON (the message names the file).</exception>
    public static TabularMetadata Load(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"The metadata file '{path}' does not exist.", path);
        try
        {
            return FromJson(File.ReadAllText(path));
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"'{path}': {e.Message}");
        }
    }

    /// <summary>Roles and kinds as lower-case words: "continuous", "datetime"...</summary>
    private sealed class LowerCase : JsonNamingPolicy
    {
        public override string ConvertName(string name) => name.ToLowerInvariant();
    }
}
