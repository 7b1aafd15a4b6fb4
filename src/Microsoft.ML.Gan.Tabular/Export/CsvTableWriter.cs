using System.Globalization;
using System.Text;

namespace Microsoft.ML.Gan.Tabular.Export;

/// <summary>
/// RFC 4180 CSV: a header of column names, comma-separated, CRLF line ends, UTF-8 without BOM. Fields with a comma,
/// quote, line break or edge space are quoted. Missing values are empty fields; numbers use the invariant culture and
/// round-trip precision; Booleans are true/false; DateTime values are ISO 8601 (round-trip "o" format).
/// </summary>
internal static class CsvTableWriter
{
    public static void Write(ExportTable table, Stream stream, Action<long> progress, int interval, CancellationToken cancellationToken)
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), bufferSize: 1 << 16, leaveOpen: true) { NewLine = "\r\n" };
        writer.WriteLine(string.Join(",", table.Columns.Select(c => Field(c.Name))));
        var line = new StringBuilder();
        for (int r = 0; r < table.RowCount; r++)
        {
            line.Clear();
            for (int c = 0; c < table.Columns.Count; c++)
            {
                if (c > 0) line.Append(',');
                line.Append(Format(table.Columns[c].Values[r]));
            }
            writer.WriteLine(line);
            if ((r + 1) % interval == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress(r + 1);
            }
        }
        writer.Flush();
    }

    private static string Format(object? value) => value switch
    {
        null => "",
        string s => Field(s),
        bool b => b ? "true" : "false",
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("o", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => Field(value.ToString() ?? ""),
    };

    private static string Field(string text)
    {
        bool quote = text.AsSpan().IndexOfAny(",\"\r\n") >= 0 || (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])));
        return quote ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
