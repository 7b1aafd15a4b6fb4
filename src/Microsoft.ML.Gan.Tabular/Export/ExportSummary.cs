using System.Text.Json;
using System.Text.Json.Serialization;

namespace Microsoft.ML.Gan.Tabular.Export;

/// <summary>
/// What an export did: where it wrote, how many rows came in and went out, and each privacy filter with the rows it
/// removed and the cells it blanked. Files get it as a JSON sidecar (<c>&lt;file&gt;.export.json</c>); databases as a row of the
/// <c>mlgan_exports</c> table, written in the same transaction as the data.
/// </summary>
public sealed class ExportSummary
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>"csv", "parquet", "sqlite", "postgresql", or "none" for <see cref="SyntheticDataExporter.Filter"/>.</summary>
    public required string Format { get; init; }

    /// <summary>The file path, or the table name for databases (never a connection string).</summary>
    public required string Target { get; init; }

    /// <summary>When the export finished (UTC).</summary>
    public required DateTimeOffset ExportedAtUtc { get; init; }

    /// <summary>Synthetic rows given.</summary>
    public required long InputRows { get; init; }

    /// <summary>Rows written.</summary>
    public required long OutputRows { get; init; }

    /// <summary>The filters that ran, in order.</summary>
    public required IReadOnlyList<FilterStepSummary> Filters { get; init; }

    /// <summary>
    /// The differential privacy of the model the rows came from (ε, δ, σ, steps; see
    /// <see cref="SyntheticExportOptions.DifferentialPrivacy"/>), or null when none was given.
    /// </summary>
    public Privacy.TabularPrivacyReport? DifferentialPrivacy { get; init; }

    /// <summary>
    /// For a differentially private model: true when the output is a function of the model alone, so
    /// <see cref="DifferentialPrivacy"/>'s ε covers it; false when privacy filters read the real rows
    /// (<see cref="SyntheticExportOptions.AllowRealDataFiltersOnPrivateModel"/>), so ε no longer covers the output.
    /// Null for a model without differential privacy.
    /// </summary>
    public bool? EpsilonCoversOutput { get; init; }

    /// <summary>The summary as indented JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);
}

/// <summary>One privacy filter's settings and effect.</summary>
public sealed class FilterStepSummary
{
    /// <summary>"RareCategorySuppression", "ExactCopyRemoval" or "DcrThreshold".</summary>
    public required string Name { get; init; }

    /// <summary>The settings, in words (threshold, quantile, handling).</summary>
    public required string Settings { get; init; }

    /// <summary>Rows this filter removed.</summary>
    public required long RowsRemoved { get; init; }

    /// <summary>Cells (values) replaced by the missing value, in all columns (rare-category suppression only).</summary>
    public long ValuesSuppressed { get; init; }

    /// <summary>
    /// <see cref="ValuesSuppressed"/> per column, for the columns where any value was replaced (rare-category
    /// suppression only; null for the other filters).
    /// </summary>
    public IReadOnlyDictionary<string, long>? ValuesSuppressedByColumn { get; init; }
}
