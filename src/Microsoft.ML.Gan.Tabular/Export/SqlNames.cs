namespace Microsoft.ML.Gan.Tabular.Export;

/// <summary>SQL identifier quoting shared by the SQLite and PostgreSQL writers (standard double quotes).</summary>
internal static class SqlNames
{
    /// <summary>The table holding one summary row per database export.</summary>
    public const string SummaryTable = "mlgan_exports";

    public static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <exception cref="ArgumentException">The table name is empty, has a NUL character, or is the summary table's name.</exception>
    public static void CheckTableName(string tableName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tableName);
        if (tableName.Contains('\0', StringComparison.Ordinal))
            throw new ArgumentException("The table name contains a NUL character.", nameof(tableName));
        if (string.Equals(tableName, SummaryTable, StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"'{SummaryTable}' is the table of export summaries; choose another table name.", nameof(tableName));
    }
}
