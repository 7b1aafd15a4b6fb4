using System.Globalization;
using Microsoft.ML.Data;

namespace Microsoft.ML.Gan.Cli;

/// <summary>
/// Loads a table file into an IDataView. A CSV file needs a header row; each column's type is inferred from its values:
/// a column whose non-empty cells all parse as numbers is Single (empty cells become missing), any other column is
/// text. A .parquet file is read with its own types (see <see cref="ParquetInput"/>).
/// </summary>
internal static class CsvInput
{
    private const int RowsToInspect = 5000;

    public static IDataView Load(MLContext mlContext, string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"The input file '{path}' does not exist.", path);
        string extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension == ".parquet")
            return mlContext.Data.Cache(ParquetInput.Load(path));
        if (extension != ".csv")
            throw new ArgumentException($"'{path}' is neither a .csv file with a header row nor a .parquet file.");

        using var reader = new StreamReader(path);
        string header = reader.ReadLine() ?? throw new ArgumentException($"'{path}' is empty: expected a header row.");
        string[] names = SplitLine(header);
        if (names.Any(string.IsNullOrWhiteSpace))
            throw new ArgumentException($"'{path}' has an empty column name in its header.");
        var numeric = Enumerable.Repeat(true, names.Length).ToArray();
        int inspected = 0;
        for (string? line; inspected < RowsToInspect && (line = reader.ReadLine()) is not null; inspected++)
        {
            string[] cells = SplitLine(line);
            for (int c = 0; c < names.Length && c < cells.Length; c++)
            {
                string cell = cells[c].Trim();
                if (cell.Length > 0 && !double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                    numeric[c] = false;
            }
        }
        if (inspected == 0)
            throw new ArgumentException($"'{path}' has a header but no rows.");

        var columns = names.Select((name, index) =>
            new TextLoader.Column(name.Trim(), numeric[index] ? DataKind.Single : DataKind.String, index)).ToArray();
        var loaded = mlContext.Data.LoadFromTextFile(path, columns, separatorChar: ',', hasHeader: true, allowQuoting: true);
        return mlContext.Data.Cache(loaded);
    }

    private static string[] SplitLine(string line)
    {
        var cells = new List<string>();
        var current = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char ch = line[i];
            if (ch == '"')
            {
                if (quoted && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else
                {
                    quoted = !quoted;
                }
            }
            else if (ch == ',' && !quoted)
            {
                cells.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(ch);
            }
        }
        cells.Add(current.ToString());
        return cells.ToArray();
    }
}
