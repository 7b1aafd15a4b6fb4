using System.Text;

namespace Microsoft.ML.Gan.Tabular.Export;

/// <summary>
/// RFC 4180 CSV: a header of column names (unless turned off, for shards after the first), comma-separated, CRLF
/// line ends, UTF-8 without BOM. Fields with a comma, quote, line break or edge space are quoted. Missing values are
/// empty fields; numbers use the invariant culture and round-trip precision; Booleans are true/false; DateTime values
/// are ISO 8601 (round-trip "o" format). The same rows always give the same bytes, so files of consecutive shards
/// concatenate to the file of the whole sample.
/// </summary>
internal sealed class CsvTableWriter(string path, bool overwrite, bool header) : FileTableSink(path, overwrite)
{
    private StreamWriter? _writer;

    protected override void Start(ExportTable layout)
    {
        _writer = new StreamWriter(Stream, new UTF8Encoding(false), bufferSize: 1 << 16, leaveOpen: true) { NewLine = "\r\n" };
        if (header)
            _writer.WriteLine(string.Join(",", layout.Columns.Select(c => Field(c.Name))));
    }

    protected override void WriteRows(ExportTable table, RowProgress progress)
    {
        var line = new StringBuilder();
        for (int r = 0; r < table.RowCount; r++)
        {
            line.Clear();
            for (int c = 0; c < table.Columns.Count; c++)
            {
                if (c > 0) line.Append(',');
                line.Append(Format(table.Columns[c][r]));
            }
            _writer!.WriteLine(line);
            progress.Row();
        }
    }

    protected override void Finish()
    {
        _writer!.Dispose();
        _writer = null;
    }

    protected override void DisposeWriter() => _writer?.Dispose();

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
