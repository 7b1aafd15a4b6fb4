namespace Microsoft.ML.Gan.Tabular.Export;

/// <summary>
/// Writes synthetic rows to CSV, Parquet, SQLite or PostgreSQL after a privacy filter (see
/// <see cref="SyntheticExportOptions"/>). Every write is all or nothing: files (and new SQLite databases) are written
/// to a temporary file and renamed into place; database tables are created, filled and committed in one
/// transaction. On failure or cancellation no output file, table or temporary file remains, and an existing output is
/// left as it was. The output is checked (exists, folder missing or read-only, table exists) before the first row is
/// read. Each export returns an <see cref="ExportSummary"/> of the filters, the rows they removed and the cells they
/// blanked, also stored beside the output (JSON sidecar <c>&lt;file&gt;.export.json</c>, or a row of the database's
/// <c>mlgan_exports</c> table).
/// </summary>
/// <remarks>
/// Rows from <c>CtganModel.SampleStream</c> are generated, filtered and written batch by batch, so memory stays flat
/// whatever the row count; any other <see cref="IDataView"/> is read into memory first.
/// </remarks>
public sealed class SyntheticDataExporter
{
    private readonly SyntheticExportOptions _options;

    /// <summary>Creates an exporter.</summary>
    /// <param name="options">Options; null for the defaults, which need <see cref="SyntheticExportOptions.RealTraining"/>.</param>
    /// <exception cref="ArgumentException">An option is invalid, or a filter is on without the real rows it needs.</exception>
    public SyntheticDataExporter(SyntheticExportOptions? options = null)
    {
        _options = options ?? new SyntheticExportOptions();
        _options.Validate();
    }

    /// <summary>Runs the privacy filter only, returning the kept rows with the synthetic schema.</summary>
    /// <param name="synthetic">The synthetic rows.</param>
    /// <param name="summary">What each filter removed (format "none").</param>
    public IDataView Filter(IDataView synthetic, out ExportSummary summary)
    {
        ArgumentNullException.ThrowIfNull(synthetic);
        var filter = new PrivacyFilter(_options, CancellationToken.None);
        var rows = TabularTable.FromDataView(synthetic, Read);
        var table = filter.Apply(rows, CancellationToken.None, out _);
        summary = Summary("none", "", rows.RowCount, table.RowCount, filter);
        return table.ToDataView();
    }

    /// <summary>
    /// Writes the filtered rows as CSV (RFC 4180, header row unless <see cref="SyntheticExportOptions.CsvHeader"/> is
    /// off, UTF-8, invariant culture, missing values as empty fields).
    /// </summary>
    /// <exception cref="IOException">The file or its sidecar exists and <see cref="SyntheticExportOptions.Overwrite"/> is false, or the path is a folder.</exception>
    /// <exception cref="DirectoryNotFoundException">The file's folder does not exist.</exception>
    /// <exception cref="UnauthorizedAccessException">The file's folder is not writable.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; no output file was left.</exception>
    public ExportSummary ToCsv(IDataView synthetic, string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Export(synthetic, "csv", path, () => new CsvTableWriter(path, _options.Overwrite, _options.CsvHeader), cancellationToken);
    }

    /// <summary>Writes the filtered rows as Parquet (one nullable field per column, with the column's own type).</summary>
    /// <inheritdoc cref="ToCsv" path="/exception"/>
    public ExportSummary ToParquet(IDataView synthetic, string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Export(synthetic, "parquet", path, () => new ParquetTableWriter(path, _options.Overwrite), cancellationToken);
    }

    /// <summary>
    /// Writes the filtered rows to a table of an embedded SQLite database file. A new file is built under a temporary
    /// name and renamed into place on success; in an existing file the table is written in one transaction.
    /// </summary>
    /// <exception cref="IOException">The table exists and <see cref="SyntheticExportOptions.Overwrite"/> is false.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; the transaction was rolled back (and a new file removed).</exception>
    public ExportSummary ToSqlite(IDataView synthetic, string databasePath, string tableName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(databasePath);
        SqlNames.CheckTableName(tableName);
        return Export(synthetic, "sqlite", tableName, () => new SqliteTableWriter(databasePath, tableName, _options.Overwrite), cancellationToken);
    }

    /// <summary>Writes the filtered rows to a table of a PostgreSQL database (in the connection's current schema).</summary>
    /// <param name="synthetic">The synthetic rows.</param>
    /// <param name="connectionString">An Npgsql connection string; it is never written to the summary.</param>
    /// <param name="tableName">The table to create.</param>
    /// <param name="cancellationToken">Cancels the export; the transaction is then rolled back.</param>
    /// <exception cref="IOException">The table exists and <see cref="SyntheticExportOptions.Overwrite"/> is false.</exception>
    public ExportSummary ToPostgres(IDataView synthetic, string connectionString, string tableName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        SqlNames.CheckTableName(tableName);
        return Export(synthetic, "postgresql", tableName, () => new PostgresTableWriter(connectionString, tableName, _options.Overwrite), cancellationToken);
    }

    /// <summary>The JSON sidecar path of a file export: the output path followed by ".export.json".</summary>
    public static string SummaryPath(string path) => path + ".export.json";

    private TabularReadOptions Read => new() { DiscreteColumns = _options.DiscreteColumns };

    /// <summary>Opens the sink (checking the output), then filters and writes batch by batch, then commits.</summary>
    private ExportSummary Export(IDataView synthetic, string format, string target, Func<ITableSink> open, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(synthetic);
        using var sink = open();
        var filter = new PrivacyFilter(_options, cancellationToken);
        var progress = new RowProgress(_options.Progress, _options.ProgressInterval, cancellationToken);
        long input = 0;
        var completion = (synthetic as StreamedTableDataView)?.Completion;
        foreach (var (batch, firstRow) in Batches(synthetic))
        {
            cancellationToken.ThrowIfCancellationRequested();
            input += batch.RowCount;
            var kept = filter.Apply(batch, cancellationToken, out int[]? keptRows);
            // The filters compare the learned columns with the real rows; the kept rows then get the file's columns.
            if (completion is not null)
                kept = completion.Complete(kept, firstRow, keptRows);
            sink.Write(ExportTable.From(kept), progress);
        }
        cancellationToken.ThrowIfCancellationRequested();
        progress.Finish();
        var summary = Summary(format, target, input, progress.Rows, filter);
        sink.Commit(summary);
        return summary;
    }

    /// <summary>
    /// The rows in batches with the place of their first row: a streamed sample's own batches before completion (at
    /// least one, maybe empty), the next one generated while the current one is written; any other view as one batch.
    /// </summary>
    private IEnumerable<(TabularTable Rows, long FirstRow)> Batches(IDataView synthetic)
    {
        if (synthetic is not StreamedTableDataView streamed)
        {
            yield return (TabularTable.FromDataView(synthetic, Read), 0);
            yield break;
        }
        bool any = false;
        foreach (var batch in streamed.WithFirstRows(ReadAhead.Of(streamed.BatchJobs())))
        {
            any = true;
            yield return batch;
        }
        if (!any)
            yield return (PrivacyFilter.SelectRows(streamed.RawLayout, []), streamed.FirstRow);
    }

    private ExportSummary Summary(string format, string target, long input, long output, PrivacyFilter filter) => new()
    {
        Format = format,
        Target = target,
        ExportedAtUtc = DateTimeOffset.UtcNow,
        InputRows = input,
        OutputRows = output,
        Filters = filter.Steps(),
        DifferentialPrivacy = _options.DifferentialPrivacy,
        EpsilonCoversOutput = _options.DifferentialPrivacy is null ? null : !_options.FiltersReadRealRows,
    };
}
