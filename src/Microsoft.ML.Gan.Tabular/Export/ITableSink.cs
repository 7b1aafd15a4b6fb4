namespace Microsoft.ML.Gan.Tabular.Export;

/// <summary>
/// Where an export goes: it receives the filtered rows batch by batch and makes them visible only on
/// <see cref="Commit"/> (a file renamed into place, a transaction committed). Disposing it uncommitted removes every
/// trace (temporary file, new database file, open transaction).
/// </summary>
internal interface ITableSink : IDisposable
{
    /// <summary>Writes one batch; the first batch (possibly empty) also creates the header, schema or table.</summary>
    void Write(ExportTable batch, RowProgress progress);

    /// <summary>Finishes the output and records <paramref name="summary"/> beside it.</summary>
    void Commit(ExportSummary summary);
}
