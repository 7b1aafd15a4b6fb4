using System.Reflection;

namespace Microsoft.ML.Gan.Tabular.Data;

/// <summary>
/// An <see cref="IDataView"/> over a <see cref="TabularTable"/>, each column expanded to a typed array the first time a
/// cursor reads it (a synthesizer reading the view takes the table itself, <see cref="Table"/>, and expands nothing).
/// </summary>
internal sealed class TabularDataView : IDataView
{
    private static readonly MethodInfo ExpandMethod =
        typeof(TabularDataView).GetMethod(nameof(Expand), BindingFlags.NonPublic | BindingFlags.Static)!;

    private readonly Lazy<Array>[] _values;
    private readonly int _rowCount;

    public TabularDataView(TabularTable table)
    {
        Table = table;
        _rowCount = table.RowCount;
        var builder = new DataViewSchema.Builder();
        _values = new Lazy<Array>[table.Columns.Count];
        for (int i = 0; i < _values.Length; i++)
        {
            var column = table.Columns[i];
            builder.AddColumn(column.Name, column.Type, KeyValuesAnnotation(column));
            _values[i] = new Lazy<Array>(() => ExpandColumn(column));
        }
        Schema = builder.ToSchema();
    }

    /// <summary>The table the view reads.</summary>
    public TabularTable Table { get; }

    public bool CanShuffle => false;

    public DataViewSchema Schema { get; }

    public long? GetRowCount() => _rowCount;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) =>
        new Cursor(this, columnsNeeded);

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [new Cursor(this, columnsNeeded)];

    private static Array ExpandColumn(TabularColumn column) => column switch
    {
        ContinuousColumn continuous => ColumnTypes.ToTypedArray(column.Type, continuous.Values),
        DiscreteColumn discrete => ExpandCategories(discrete),
        _ => throw new NotSupportedException($"Column kind {column.GetType().Name} is not supported."),
    };

    private static Array ExpandCategories(DiscreteColumn column)
    {
        Type valueType = column.Type is TextDataViewType ? typeof(ReadOnlyMemory<char>) : column.Type.RawType;
        var expand = ExpandMethod.MakeGenericMethod(valueType);
        return (Array)expand.Invoke(null, [column])!;
    }

    private static TValue[] Expand<TValue>(DiscreteColumn column)
    {
        var categories = new TValue[column.Categories.Count];
        for (int c = 0; c < categories.Length; c++)
            categories[c] = column.Categories[c] is string text ? (TValue)(object)text.AsMemory() : (TValue)column.Categories[c];
        var codes = column.Codes;
        var values = new TValue[codes.Length];
        for (int i = 0; i < values.Length; i++)
            values[i] = categories[codes[i]];
        return values;
    }

    private static DataViewSchema.Annotations? KeyValuesAnnotation(TabularColumn column)
    {
        if (column is not DiscreteColumn { KeyValues: { } names })
            return null;
        var annotations = new DataViewSchema.Annotations.Builder();
        var vector = new VBuffer<ReadOnlyMemory<char>>(names.Count, [.. names.Select(n => n.AsMemory())]);
        annotations.Add(ColumnReader.KeyValuesKind, new VectorDataViewType(TextDataViewType.Instance, names.Count),
            (ref VBuffer<ReadOnlyMemory<char>> value) => vector.CopyTo(ref value));
        return annotations.ToAnnotations();
    }

    private sealed class Cursor(TabularDataView parent, IEnumerable<DataViewSchema.Column> columnsNeeded)
        : TableCursor(parent.Schema, columnsNeeded)
    {
        public override bool MoveNext()
        {
            if (RowPosition + 1 >= parent._rowCount)
            {
                RowPosition = parent._rowCount;
                return false;
            }
            RowPosition++;
            return true;
        }

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            CheckActive(column);
            if (parent._values[column.Index].Value is not TValue[] values)
                throw new InvalidOperationException($"Column '{column.Name}' holds {column.Type.RawType.Name} values, not {typeof(TValue).Name}.");
            return (ref TValue value) => value = values[RowPosition];
        }
    }
}
