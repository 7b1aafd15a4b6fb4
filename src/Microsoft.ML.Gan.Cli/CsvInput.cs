namespace Microsoft.ML.Gan.Cli;

/// <summary>
/// Reads a table file (CSV or Parquet) with the library's <see cref="TabularFileReader"/>: every column gets a role
/// (inferred, or from --metadata, --discrete and --ignore) and only the learned columns reach the synthesizer. What
/// reading noticed (columns left out, text read as categories...) is printed as warnings.
/// </summary>
internal static class CsvInput
{
    /// <summary>Reads a file with detected separator and inferred roles, cached.</summary>
    public static IDataView Load(MLContext mlContext, string path) => mlContext.Data.Cache(Read(path, new TabularFileOptions()).Data);

    public static TabularFile Read(string path, TabularFileOptions options)
    {
        var file = TabularFileReader.Read(path, options);
        foreach (string warning in file.Metadata.Warnings)
            AnsiConsole.MarkupLineInterpolated($"[yellow]warning:[/] {Path.GetFileName(path)}: {warning}");
        return file;
    }
}
