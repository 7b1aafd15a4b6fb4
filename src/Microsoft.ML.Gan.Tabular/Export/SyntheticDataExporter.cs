using Microsoft.ML.Gan.Tabular.Data;

namespace Microsoft.ML.Gan.Tabular.Export;

/// <summary>
/// Writes synthetic rows to CSV, Parquet, SQLite or PostgreSQL after a privacy filter (see
/// <see cref="SyntheticExportOptions"/>). Every write is all or nothing: files are written to a temporary file and
/// renamed into place; database tables are created, filled and committed in one transaction. On failure or
/// cancellation no output file or table remains. Each export returns an <see cref="ExportSummary"/> of the filters
/// and the rows they removed, also stored beside the output (JSON sidecar <c>&lt;file&gt;.export.json</c>, or a row
/// of the database's <c>mlgan_exports</c> table).
/// </summary>
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
        var (table, result) = Prepare(synthetic, "none", "", CancellationToken.None);
        summary = result;
        return table.ToDataView();
    }

    /// <summary>Writes the filtered rows as CSV (RFC 4180, header row, UTF-8, invariant culture, missing values as empty fields).</summary>
    /// <exception cref="IOException">The file exists and <see cref="SyntheticExportOptions.Overwrite"/> is false.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; no output file was left.</exception>
    public ExportSummary ToCsv(IDataView synthetic, string path, CancellationToken cancellationToken = default) =>
        ToFile(synthetic, path, "csv", (table, stream) => CsvTableWriter.Write(table, stream, Report, _options.ProgressInterval, cancellationToken), cancellationToken);

    /// <summary>Writes the filtered rows as Parquet (one nullable field per column, with the column's own type).</summary>
    /// <exception cref="IOException">The file exists and <see cref="SyntheticExportOptions.Overwrite"/> is false.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; no output file was left.</exception>
    public ExportSummary ToParquet(IDataView synthetic, string path, CancellationToken cancellationToken = default) =>
        ToFile(synthetic, path, "parquet", (table, stream) => ParquetTableWriter.Write(table, stream, Report, cancellationToken), cancellationToken);

    /// <summary>Writes the filtered rows to a table of an embedded SQLite database file (created if absent).</summary>
    /// <exception cref="IOException">The table exists and <see cref="SyntheticExportOptions.Overwrite"/> is false.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; the transaction was rolled back.</exception>
    public ExportSummary ToSqlite(IDataView synthetic, string databasePath, string tableName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(databasePath);
        SqlNames.CheckTableName(tableName);
        var (table, summary) = Prepare(synthetic, "sqlite", tableName, cancellationToken);
        SqliteTableWriter.Write(ExportTable.From(table), databasePath, tableName, _options.Overwrite, summary.ToJson(),
            Report, _options.ProgressInterval, cancellationToken);
        Report(table.RowCount);
        return summary;
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
        var (table, summary) = Prepare(synthetic, "postgresql", tableName, cancellationToken);
        PostgresTableWriter.Write(ExportTable.From(table), connectionString, tableName, _options.Overwrite, summary.ToJson(),
            Report, _options.ProgressInterval, cancellationToken);
        Report(table.RowCount);
        return summary;
    }

    /// <summary>The JSON sidecar path of a file export: the output path followed by ".export.json".</summary>
    public static string SummaryPath(string path) => path + ".export.json";

    private ExportSummary ToFile(IDataView synthetic, string path, string format, Action<ExportTable, Stream> write, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string sidecar = SummaryPath(path);
        if (!_options.Overwrite && (File.Exists(path) || File.Exists(sidecar)))
            throw new IOException($"'{(File.Exists(path) ? path : sidecar)}' already exists. Set Overwrite to replace it.");
        var (table, summary) = Prepare(synthetic, format, path, cancellationToken);
        var rows = ExportTable.From(table);
        AtomicFile.Write(path, stream => write(rows, stream), cancellationToken);
        // The data file is complete once renamed; the sidecar follows it (a crash in between leaves data without a sidecar, never the reverse).
        AtomicFile.Write(sidecar, stream =>
        {
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), leaveOpen: true);
            writer.Write(summary.ToJson());
        }, CancellationToken.None);
        Report(table.RowCount);
        return summary;
    }

    private (TabularTable Table, ExportSummary Summary) Prepare(IDataView synthetic, string format, string target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(synthetic);
        var table = TabularTable.FromDataView(synthetic, new TabularReadOptions { DiscreteColumns = _options.DiscreteColumns });
        cancellationToken.ThrowIfCancellationRequested();
        var (filtered, steps) = PrivacyFilter.Apply(table, _options, cancellationToken);
        var summary = new ExportSummary
        {
            Format = format,
            Target = target,
            ExportedAtUtc = DateTimeOffset.UtcNow,
            InputRows = table.RowCount,
            OutputRows = filtered.RowCount,
            Filters = steps,
            DifferentialPrivacy = _options.DifferentialPrivacy,
            EpsilonCoversOutput = _options.DifferentialPrivacy is null ? null : !_options.FiltersReadRealRows,
        };
        return (filtered, summary);
    }

    private void Report(long rows) => _options.Progress?.Report(rows);
}
