using System.Text.RegularExpressions;

namespace Microsoft.ML.Gan.Tabular.Data;

/// <summary>
/// What one column holds: its kind, its values parsed for that kind, its missing and distinct counts, and the cells
/// that break an almost uniform kind (a few text cells in a numeric column, for example).
/// </summary>
internal sealed partial class ColumnProfile
{
    /// <summary>A column whose present cells are at least this share numbers (or dates) but not all is an error, not text.</summary>
    public const double MostlyShare = 0.9;

    private ColumnProfile(SourceColumn source, ColumnValueKind kind)
    {
        Source = source;
        Kind = kind;
    }

    public SourceColumn Source { get; }

    public ColumnValueKind Kind { get; }

    /// <summary>Number: the values (±∞ kept); DateTime: ticks (UTC). NaN where missing. Null for text.</summary>
    public double[]? Values { get; private init; }

    public string? DateTimeFormat { get; private init; }

    public int Missing { get; private init; }

    public int Present => Source.Length - Missing;

    public int Distinct { get; private init; }

    /// <summary>The rows holding ±∞ (number columns).</summary>
    public IReadOnlyList<int> InfiniteRows { get; private init; } = [];

    /// <summary>For a text column whose cells are mostly of another kind: that kind, and the rows that are not.</summary>
    public (ColumnValueKind Kind, double Share, IReadOnlyList<int> OddRows)? Mostly { get; private init; }

    /// <summary>Whether every present value is a whole number (number columns).</summary>
    public bool WholeNumbers { get; private init; }

    /// <summary>Max − min of the present values (number columns).</summary>
    public double Range { get; private init; }

    /// <summary>For text: "e-mail addresses", "phone numbers" or "UUIDs" when nearly every present value looks like one.</summary>
    public string? IdentifierPattern { get; private init; }

    /// <summary>The cell text of row <paramref name="row"/> (for messages), or the value as text for a typed column.</summary>
    public string CellText(int row) => Source.Cells?[row] ?? Source.Values![row].ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static ColumnProfile Of(SourceColumn source) => source.TypedKind switch
    {
        ColumnValueKind.Number or ColumnValueKind.DateTime => OfValues(source, source.TypedKind.Value, source.Values!),
        ColumnValueKind.Text => OfText(source, null),
        _ => OfCells(source),
    };

    private static ColumnProfile OfCells(SourceColumn source)
    {
        var cells = source.Cells!;
        var values = new double[cells.Length];
        var textRows = new List<int>();
        int numbers = 0;
        for (int r = 0; r < cells.Length; r++)
        {
            string? cell = cells[r];
            if (CellParser.IsBlank(cell))
            {
                values[r] = double.NaN;
                continue;
            }
            var parsed = CellParser.ParseNumber(cell!, out values[r]);
            if (parsed == NumberCell.Text)
                textRows.Add(r);
            else if (parsed != NumberCell.Missing)
                numbers++;
        }
        if (numbers > 0 && textRows.Count == 0)
            return OfValues(source, ColumnValueKind.Number, values);
        if (DateTimes(source) is { } dates)
            return dates;
        int present = numbers + textRows.Count;
        double share = present == 0 ? 0 : (double)numbers / present;
        return OfText(source, numbers > 0 ? (ColumnValueKind.Number, share, textRows) : null);
    }

    /// <summary>Reads the column as dates when one format fits every present cell (or reports a mostly-date column).</summary>
    private static ColumnProfile? DateTimes(SourceColumn source)
    {
        var cells = source.Cells!;
        int first = Array.FindIndex(cells, c => !CellParser.IsBlank(c));
        if (first < 0)
            return null;
        (string Format, List<int> OddRows, int Present)? best = null;
        foreach (string format in CellParser.DateTimeFormats.Where(f => CellParser.TryParseDateTime(cells[first]!, f, out _)))
        {
            var odd = new List<int>();
            int present = 0;
            for (int r = 0; r < cells.Length; r++)
            {
                if (CellParser.IsBlank(cells[r]))
                    continue;
                present++;
                if (!CellParser.TryParseDateTime(cells[r]!, format, out _))
                    odd.Add(r);
            }
            if (best is null || odd.Count < best.Value.OddRows.Count)
                best = (format, odd, present);
            if (odd.Count == 0)
                break;
        }
        if (best is not { } found)
            return null;
        if (found.OddRows.Count > 0)
        {
            double share = 1 - (double)found.OddRows.Count / found.Present;
            return share >= MostlyShare ? OfText(source, (ColumnValueKind.DateTime, share, found.OddRows)) : null;
        }
        var ticks = new double[cells.Length];
        for (int r = 0; r < cells.Length; r++)
            ticks[r] = CellParser.IsBlank(cells[r]) ? double.NaN
                : CellParser.TryParseDateTime(cells[r]!, found.Format, out var instant) ? instant.Ticks : double.NaN;
        return OfValues(source, ColumnValueKind.DateTime, ticks, found.Format);
    }

    private static ColumnProfile OfValues(SourceColumn source, ColumnValueKind kind, double[] values, string? format = null)
    {
        var distinct = new HashSet<double>();
        var infinite = new List<int>();
        int missing = 0;
        bool whole = true;
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        for (int r = 0; r < values.Length; r++)
        {
            double value = values[r];
            if (double.IsNaN(value))
            {
                missing++;
                continue;
            }
            if (double.IsInfinity(value))
            {
                infinite.Add(r);
                continue;
            }
            distinct.Add(value);
            whole &= Math.Floor(value) == value;
            min = Math.Min(min, value);
            max = Math.Max(max, value);
        }
        return new ColumnProfile(source, kind)
        {
            Values = values, Missing = missing, Distinct = distinct.Count + (infinite.Count > 0 ? 1 : 0), InfiniteRows = infinite,
            WholeNumbers = whole, Range = distinct.Count == 0 ? 0 : max - min, DateTimeFormat = format,
        };
    }

    private static ColumnProfile OfText(SourceColumn source, (ColumnValueKind, double, IReadOnlyList<int>)? mostly)
    {
        var cells = source.Cells!;
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        int missing = 0, emails = 0, phones = 0, uuids = 0;
        foreach (string? cell in cells)
        {
            if (CellParser.IsBlank(cell))
            {
                missing++;
                continue;
            }
            if (!distinct.Add(cell!))
                continue;
            string trimmed = cell!.Trim();
            if (Email().IsMatch(trimmed)) emails++;
            else if (Uuid().IsMatch(trimmed)) uuids++;
            else if (Phone().IsMatch(trimmed) && trimmed.Count(char.IsAsciiDigit) >= 7) phones++;
        }
        int present = cells.Length - missing;
        double patternShare = 0.9 * distinct.Count;
        string? pattern = present == 0 ? null
            : emails >= patternShare ? "e-mail addresses"
            : uuids >= patternShare ? "UUIDs"
            : phones >= patternShare ? "phone numbers"
            : null;
        return new ColumnProfile(source, ColumnValueKind.Text)
        {
            Missing = missing, Distinct = distinct.Count, Mostly = mostly, IdentifierPattern = pattern,
        };
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex Email();

    [GeneratedRegex(@"^\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}?$")]
    private static partial Regex Uuid();

    [GeneratedRegex(@"^\+?[0-9][0-9 ().\-]{6,}$")]
    private static partial Regex Phone();
}
