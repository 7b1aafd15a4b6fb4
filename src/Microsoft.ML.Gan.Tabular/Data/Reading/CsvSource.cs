using System.Text;
using nietras.SeparatedValues;

namespace Microsoft.ML.Gan.Tabular.Data;

/// <summary>
/// Reads a delimited text file (RFC 4180 quoting: separators, quotes and line breaks inside quoted fields) with Sep
/// into text columns: a header row, then rows with exactly as many fields (a ragged row is an error naming its line).
/// Blank lines are skipped. Text is UTF-8 unless an encoding is given; an invalid byte is an error naming its line.
/// </summary>
internal static class CsvSource
{
    public static SourceTable Read(string path, char? separator, Encoding? encoding)
    {
        try
        {
            return Parse(path, separator ?? SeparatorDetection.Detect(path, encoding), encoding);
        }
        catch (DecoderFallbackException)
        {
            var (line, offset) = InvalidUtf8.Locate(path);
            throw new InvalidDataException(
                $"'{path}' is not valid UTF-8: line {line} has an invalid byte (at byte {offset}). Give the file's encoding (mlgan --encoding latin1, windows-1252...; TabularFileOptions.Encoding).");
        }
    }

    private static SourceTable Parse(string path, char separator, Encoding? encoding)
    {
        using var text = Open(path, encoding);
        using var reader = Sep.New(separator).Reader(o => o with { HasHeader = false, Unescape = true, DisableColCountCheck = true }).From(text);
        string[]? names = null;
        List<string?>[] cells = [];
        Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>>[] pools = [];
        var lines = new List<int>();
        foreach (var row in reader)
        {
            if (row.ColCount == 1 && row[0].Span.IsEmpty)
                continue;
            int line = row.LineNumberFrom;
            if (names is null)
            {
                names = Header(path, row);
                cells = [.. names.Select(_ => new List<string?>())];
                pools = [.. names.Select(_ => new Dictionary<string, string>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>())];
                continue;
            }
            if (row.ColCount != names.Length)
                throw new InvalidDataException(
                    $"'{path}' line {line} has {row.ColCount} fields but the header has {names.Length}; every row needs one field per column (quote fields that contain '{Printable(separator)}').");
            for (int c = 0; c < names.Length; c++)
                cells[c].Add(Intern(pools[c], row[c].Span));
            lines.Add(line);
        }
        if (names is null)
            throw new InvalidDataException($"'{path}' is empty: expected a header row.");
        if (lines.Count == 0)
            throw new InvalidDataException($"'{path}' has a header but no rows.");
        var columns = new SourceColumn[names.Length];
        for (int c = 0; c < names.Length; c++)
        {
            columns[c] = SourceColumn.FromText(names[c], [.. cells[c]]);
            cells[c] = []; // each column's list goes as soon as it is copied, so a big file holds one spare column at a time
        }
        MisDelimited.Check(path, separator, columns);
        int[] lineOf = [.. lines];
        return new SourceTable(path, columns, lineOf.Length, r => $"line {lineOf[r]}", separator);
    }

    /// <summary>Opens the file for decoding: UTF-8 that throws on invalid bytes (a UTF-8 byte order mark skipped), or the given encoding.</summary>
    public static StreamReader Open(string path, Encoding? encoding)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        if (encoding is null)
        {
            Span<byte> bom = stackalloc byte[3];
            int read = stream.ReadAtLeast(bom, 3, throwOnEndOfStream: false);
            if (read < 3 || !bom.SequenceEqual("\uFEFF"u8))
                stream.Position = 0;
        }
        return new StreamReader(stream, encoding ?? new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: false, 1 << 16);
    }

    private static string[] Header(string path, SepReader.Row row)
    {
        var names = new string[row.ColCount];
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int c = 0; c < names.Length; c++)
        {
            names[c] = row[c].Span.Trim().ToString();
            if (names[c].Length == 0)
                throw new InvalidDataException($"'{path}' has an empty column name in its header (column {c + 1}).");
            if (!seen.TryAdd(names[c], c))
                throw new InvalidDataException(
                    $"'{path}' has the column name '{names[c]}' twice in its header (columns {seen[names[c]] + 1} and {c + 1}); rename one.");
        }
        return names;
    }

    /// <summary>The cell as a string, null when blank; repeated values share one string per column.</summary>
    private static string? Intern(Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> pool, ReadOnlySpan<char> cell)
    {
        if (cell.IsWhiteSpace())
            return null;
        if (pool.TryGetValue(cell, out string? shared))
            return shared;
        string text = cell.ToString();
        if (pool.Dictionary.Count < 100_000)
            pool.Dictionary.Add(text, text);
        return text;
    }

    public static string Printable(char separator) => separator == '\t' ? "\\t" : separator.ToString();
}
