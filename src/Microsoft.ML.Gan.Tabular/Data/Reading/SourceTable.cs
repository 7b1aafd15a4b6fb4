namespace Microsoft.ML.Gan.Tabular.Data;

/// <summary>
/// One column as a file holds it, before roles: the cells of a CSV column as text (null = blank), or the typed values
/// of a Parquet column (numbers or instants as doubles, NaN = missing; text with null = missing).
/// </summary>
internal sealed class SourceColumn
{
    private SourceColumn(string name, string?[]? cells, double[]? values, ColumnValueKind? typedKind)
    {
        Name = name;
        Cells = cells;
        Values = values;
        TypedKind = typedKind;
    }

    public string Name { get; }

    /// <summary>The cells as text, null where blank; null for a typed numeric or date/time column.</summary>
    public string?[]? Cells { get; }

    /// <summary>A typed column's numbers (DateTime: ticks), NaN where missing.</summary>
    public double[]? Values { get; }

    /// <summary>The kind a typed file (Parquet) gives the column; null for CSV text, whose kind is inferred.</summary>
    public ColumnValueKind? TypedKind { get; }

    public int Length => Cells?.Length ?? Values!.Length;

    public static SourceColumn FromText(string name, string?[] cells) => new(name, cells, null, null);

    public static SourceColumn TypedText(string name, string?[] cells) => new(name, cells, null, ColumnValueKind.Text);

    public static SourceColumn TypedNumbers(string name, double[] values, ColumnValueKind kind) => new(name, null, values, kind);
}

/// <summary>A file's columns before roles, and how to name a row in a message ("line 17" or "row 17").</summary>
internal sealed class SourceTable(string path, IReadOnlyList<SourceColumn> columns, int rowCount, Func<int, string> describeRow, char? separator)
{
    public string Path { get; } = path;

    public IReadOnlyList<SourceColumn> Columns { get; } = columns;

    public int RowCount { get; } = rowCount;

    /// <summary>Names row <c>r</c> (0-based) as the file numbers it: "line 17" for CSV, "row 17" for Parquet.</summary>
    public Func<int, string> DescribeRow { get; } = describeRow;

    public char? Separator { get; } = separator;
}
