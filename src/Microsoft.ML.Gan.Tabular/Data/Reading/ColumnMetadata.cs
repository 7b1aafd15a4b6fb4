using System.Text.Json.Serialization;

namespace Microsoft.ML.Gan.Tabular.Data;

/// <summary>
/// The role of one column and what reading found in it. Written and read as JSON with <see cref="TabularMetadata"/>;
/// change <see cref="Role"/> (and <see cref="Generate"/> for identifiers) to override what was inferred.
/// </summary>
public sealed record ColumnMetadata
{
    /// <summary>The column's name, as in the file's header.</summary>
    public required string Name { get; init; }

    /// <summary>What a synthesizer does with the column.</summary>
    public ColumnRole Role { get; init; }

    /// <summary>What the cells hold (informational; reading finds it again).</summary>
    public ColumnValueKind Kind { get; init; }

    /// <summary>The share of rows whose cell is blank (or NaN / NA in a numeric column), from 0 to 1.</summary>
    public double MissingShare { get; init; }

    /// <summary>The number of distinct present values.</summary>
    public int DistinctCount { get; init; }

    /// <summary>For <see cref="ColumnRole.Identifier"/>: generate fresh synthetic identifiers in sampled tables instead of leaving the column out.</summary>
    public bool Generate { get; init; }

    /// <summary>
    /// For <see cref="ColumnRole.Identifier"/>: the start of every generated identifier (prefix + a six-digit sequence
    /// number, "syn-000001"). Reading chooses one that no real value starts with, so a generated identifier never equals
    /// a real one, and refuses a given prefix that a real value starts with.
    /// </summary>
    public string? IdentifierPrefix { get; init; }

    /// <summary>For <see cref="ColumnRole.DateTime"/>: the format of the cells (.NET custom format), used to write generated times back.</summary>
    public string? DateTimeFormat { get; init; }

    /// <summary>What reading noticed (why a column is left out, values read as categories...).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Whether a synthesizer learns the column (continuous, discrete or date/time).</summary>
    [JsonIgnore]
    public bool IsLearned => Role is ColumnRole.Continuous or ColumnRole.Discrete or ColumnRole.DateTime;
}
