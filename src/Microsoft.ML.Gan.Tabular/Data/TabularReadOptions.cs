namespace Microsoft.ML.Gan.Tabular.Data;

/// <summary>Options for <see cref="TabularTable.FromDataView"/>: which columns are discrete and which are skipped.</summary>
internal sealed class TabularReadOptions
{
    /// <summary>
    /// Numeric columns to read as discrete (one category per distinct value) instead of continuous. Text, Boolean and
    /// key columns are always discrete. Default: none.
    /// </summary>
    public IReadOnlyList<string> DiscreteColumns { get; init; } = [];

    /// <summary>Columns not to read at all (for example identifiers or vector columns). Default: none.</summary>
    public IReadOnlyList<string> IgnoreColumns { get; init; } = [];
}
