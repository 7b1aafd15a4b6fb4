namespace Microsoft.ML.Gan.Cli;

/// <summary>A CSV or Parquet output file named by a flag, with its JSON summary sidecar.</summary>
/// <param name="Flag">The flag that names it, for messages.</param>
/// <param name="Path">The file's full path.</param>
/// <param name="Format">"csv" or "parquet"; null to take it from the extension.</param>
internal sealed record FileTarget(string Flag, string Path, string? Format = null)
{
    /// <summary>"csv" or "parquet".</summary>
    /// <exception cref="CliUsageException">No format was given and the extension is neither .csv nor .parquet.</exception>
    public string Kind => Format ?? System.IO.Path.GetExtension(Path).ToLowerInvariant() switch
    {
        ".csv" => "csv",
        ".parquet" => "parquet",
        _ => throw new CliUsageException($"{Flag} '{Path}' must end in .csv or .parquet."),
    };

    /// <summary>Checks the file and its sidecar before any work (see <see cref="OutputFiles.Check"/>).</summary>
    public void Check(bool overwrite, params (string Flag, string? Path)[] inputs)
    {
        OutputFiles.Check(Flag, Path, overwrite, inputs);
        _ = Kind;
        OutputFiles.Check(Flag, SyntheticDataExporter.SummaryPath(Path), overwrite, inputs);
    }

    public ExportSummary Write(SyntheticDataExporter exporter, IDataView rows, CancellationToken cancellationToken) => Kind == "csv"
        ? exporter.ToCsv(rows, Path, cancellationToken)
        : exporter.ToParquet(rows, Path, cancellationToken);
}
