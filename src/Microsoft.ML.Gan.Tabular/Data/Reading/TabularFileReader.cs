namespace Microsoft.ML.Gan.Tabular.Data;

/// <summary>
/// Reads a table file as a synthesizer should see it: a .parquet file with Parquet.Net, any other file as delimited
/// text (RFC 4180, separator detected or given, UTF-8 or a given encoding). Every column gets a role (continuous,
/// discrete, date/time, identifier, constant, ignored), inferred or taken from <see cref="TabularFileOptions.Metadata"/>.
/// Also <c>mlContext.Gan().Tabular.ReadFile</c>.
/// </summary>
/// <remarks>
/// Blank cells are missing in every column (NaN / NA / NULL too in a numeric column); <c>inf</c> in a numeric column is
/// an error naming the column and line; a numeric (or date) column with a few text cells is an error listing them;
/// ragged rows, duplicate or empty header names, a file that looks separated by another character and invalid UTF-8
/// are errors naming the line or column.
/// </remarks>
public static class TabularFileReader
{
    /// <summary>Reads <paramref name="path"/> and assigns every column a role.</summary>
    /// <param name="path">A .parquet file, or a delimited text file with a header row.</param>
    /// <param name="options">Separator, encoding and role overrides; null for detection and inference.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is malformed or a column cannot take its role (the message names the line or column).</exception>
    /// <exception cref="ArgumentException">An option names a column the file does not have.</exception>
    public static TabularFile Read(string path, TabularFileOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= new TabularFileOptions();
        if (!File.Exists(path))
            throw new FileNotFoundException(Directory.Exists(path) ? $"'{path}' is a folder, not a table file." : $"The input file '{path}' does not exist.", path);
        var source = string.Equals(Path.GetExtension(path), ".parquet", StringComparison.OrdinalIgnoreCase)
            ? ParquetSource.Read(path)
            : CsvSource.Read(path, options.Separator, options.Encoding);
        return TableAssembler.Assemble(source, options);
    }
}
