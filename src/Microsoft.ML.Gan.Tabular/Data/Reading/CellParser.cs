namespace Microsoft.ML.Gan.Tabular.Data;

/// <summary>What a CSV cell holds when read as a number.</summary>
internal enum NumberCell
{
    /// <summary>A finite number.</summary>
    Number,

    /// <summary>A missing-value token in a numeric column: NaN, NA, N/A, NULL, None, #N/A (any case).</summary>
    Missing,

    /// <summary>inf, -inf, Infinity, or a number too large for a double.</summary>
    Infinite,

    /// <summary>Text that is not a number.</summary>
    Text,
}

/// <summary>The parsing rules for CSV cells: numbers in the invariant culture, missing tokens, and date/time formats.</summary>
internal static class CellParser
{
    private static readonly string[] MissingTokens = ["nan", "-nan", "na", "n/a", "null", "none", "#n/a"];
    private static readonly string[] InfiniteTokens = ["inf", "+inf", "-inf", "infinity", "+infinity", "-infinity"];

    /// <summary>
    /// The date/time formats tried, in order: ISO 8601 first (with optional fraction and offset), then common
    /// year-first, US month-first, day-first and dotted forms. The first that fits every cell of a column is its format.
    /// </summary>
    public static readonly string[] DateTimeFormats =
    [
        "yyyy-MM-dd",
        "yyyy-MM-ddTHH:mm:ss",
        "yyyy-MM-ddTHH:mm:ssK",
        "yyyy-MM-ddTHH:mm:ss.FFFFFFF",
        "yyyy-MM-ddTHH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mm:ss",
        "yyyy-MM-dd HH:mm:ssK",
        "yyyy-MM-dd HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
        "yyyy-MM-ddTHH:mm",
        "yyyy-MM-dd HH:mm",
        "yyyy/MM/dd",
        "yyyy/MM/dd HH:mm:ss",
        "MM/dd/yyyy",
        "MM/dd/yyyy HH:mm:ss",
        "MM/dd/yyyy HH:mm",
        "dd/MM/yyyy",
        "dd/MM/yyyy HH:mm:ss",
        "dd/MM/yyyy HH:mm",
        "dd.MM.yyyy",
        "dd.MM.yyyy HH:mm:ss",
        "dd-MMM-yyyy",
    ];

    /// <summary>Whether a cell is blank: empty or only white space.</summary>
    public static bool IsBlank(string? cell) => string.IsNullOrWhiteSpace(cell);

    public static NumberCell ParseNumber(string cell, out double value)
    {
        var text = cell.AsSpan().Trim();
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            if (double.IsNaN(value))
                return NumberCell.Missing;
            return double.IsInfinity(value) ? NumberCell.Infinite : NumberCell.Number;
        }
        value = double.NaN;
        foreach (string token in MissingTokens)
        {
            if (text.Equals(token, StringComparison.OrdinalIgnoreCase))
                return NumberCell.Missing;
        }
        foreach (string token in InfiniteTokens)
        {
            if (text.Equals(token, StringComparison.OrdinalIgnoreCase))
            {
                value = token[0] == '-' ? double.NegativeInfinity : double.PositiveInfinity;
                return NumberCell.Infinite;
            }
        }
        return NumberCell.Text;
    }

    /// <summary>Parses a date/time cell in exactly <paramref name="format"/>; values with an offset become UTC.</summary>
    public static bool TryParseDateTime(string cell, string format, out DateTime value) =>
        DateTime.TryParseExact(cell.AsSpan().Trim(), format, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out value);

    /// <summary>Formats an instant read by <see cref="TryParseDateTime"/> back in <paramref name="format"/>.</summary>
    public static string FormatDateTime(long ticks, string format) =>
        new DateTime(ticks, DateTimeKind.Utc).ToString(format, CultureInfo.InvariantCulture);

}
