namespace Microsoft.ML.Gan.Tabular.Data;

/// <summary>
/// An in-memory, column-by-column copy of a table: each column keeps its name, its original ML.NET type and its
/// values (numbers with NaN for missing, or codes into typed categories). It is the input and the output of the
/// <see cref="DataTransformer"/>, and converts back to an <see cref="IDataView"/> with the original schema.
/// </summary>
internal sealed class TabularTable
{
    private readonly TabularColumn[] _columns;
    private readonly Dictionary<string, int> _indexOf;

    /// <summary>Creates a table from columns of equal length with distinct names.</summary>
    /// <exception cref="ArgumentException">No columns, a repeated name, or columns of different lengths.</exception>
    public TabularTable(IEnumerable<TabularColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        _columns = [.. columns];
        if (_columns.Length == 0)
            throw new ArgumentException("A table needs at least one column.", nameof(columns));
        _indexOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < _columns.Length; i++)
        {
            var column = _columns[i] ?? throw new ArgumentException($"Column {i} is null.", nameof(columns));
            if (!_indexOf.TryAdd(column.Name, i))
                throw new ArgumentException($"Column name '{column.Name}' appears twice.", nameof(columns));
            if (column.Length != _columns[0].Length)
                throw new ArgumentException(
                    $"Column '{column.Name}' has {column.Length} rows but column '{_columns[0].Name}' has {_columns[0].Length}.", nameof(columns));
        }
        RowCount = _columns[0].Length;
    }

    /// <summary>The number of rows.</summary>
    public int RowCount { get; }

    /// <summary>The columns, in schema order.</summary>
    public IReadOnlyList<TabularColumn> Columns => _columns;

    /// <summary>The column with this name.</summary>
    /// <exception cref="ArgumentException">No column has this name.</exception>
    public TabularColumn this[string name] => _indexOf.TryGetValue(name, out int index)
        ? _columns[index]
        : throw new ArgumentException($"The table has no column '{name}'. Columns: {string.Join(", ", _columns.Select(c => c.Name))}.", nameof(name));

    /// <summary>The position of the column with this name, or -1.</summary>
    public int IndexOf(string name) => _indexOf.TryGetValue(name, out int index) ? index : -1;

    /// <summary>
    /// Reads the visible columns of <paramref name="data"/> in one cursor pass. Text, Boolean and key columns become
    /// <see cref="DiscreteColumn"/>s, as do numeric columns named in <see cref="TabularReadOptions.DiscreteColumns"/>;
    /// other numeric and DateTime columns become <see cref="ContinuousColumn"/>s. A key column's KeyValues annotation
    /// is kept; other annotations are not.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// A vector or unsupported column that is not ignored, or an option naming a column the data does not have.
    /// </exception>
    public static TabularTable FromDataView(IDataView data, TabularReadOptions? options = null) =>
        TabularTableReader.Read(data, options ?? new TabularReadOptions());

    /// <summary>
    /// An <see cref="IDataView"/> over this table with the original schema: same column names, order and types
    /// (key types with their count and KeyValues). Values of integer columns are rounded to whole numbers.
    /// </summary>
    public IDataView ToDataView() => new TabularDataView(this);
}
