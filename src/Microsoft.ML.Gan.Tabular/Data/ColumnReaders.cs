using System.Numerics;

namespace Microsoft.ML.Gan.Tabular.Data;

/// <summary>Reads one column from a cursor, a row at a time, into its tabular form.</summary>
internal abstract class ColumnReader(DataViewSchema.Column column)
{
    protected DataViewSchema.Column Column { get; } = column;

    /// <summary>Appends the value of the cursor's current row.</summary>
    public abstract void ReadRow();

    public abstract TabularColumn ToColumn();

    /// <summary>Creates the reader for a column; <paramref name="discrete"/> chooses categories over numbers.</summary>
    public static ColumnReader Create(DataViewRowCursor cursor, DataViewSchema.Column column, bool discrete, int capacity)
    {
        Type raw = column.Type.RawType;
        if (column.Type is TextDataViewType)
            return new TextReader(cursor, column, capacity);
        if (!discrete)
        {
            if (raw == typeof(float)) return new NumberReader<float>(cursor, column, capacity);
            if (raw == typeof(double)) return new NumberReader<double>(cursor, column, capacity);
            if (raw == typeof(sbyte)) return new NumberReader<sbyte>(cursor, column, capacity);
            if (raw == typeof(byte)) return new NumberReader<byte>(cursor, column, capacity);
            if (raw == typeof(short)) return new NumberReader<short>(cursor, column, capacity);
            if (raw == typeof(ushort)) return new NumberReader<ushort>(cursor, column, capacity);
            if (raw == typeof(int)) return new NumberReader<int>(cursor, column, capacity);
            if (raw == typeof(uint)) return new NumberReader<uint>(cursor, column, capacity);
            if (raw == typeof(long)) return new NumberReader<long>(cursor, column, capacity);
            if (raw == typeof(ulong)) return new NumberReader<ulong>(cursor, column, capacity);
            return new DateTimeReader(cursor, column, capacity);
        }
        if (raw == typeof(bool)) return new CategoryReader<bool>(cursor, column, capacity);
        if (raw == typeof(float)) return new CategoryReader<float>(cursor, column, capacity);
        if (raw == typeof(double)) return new CategoryReader<double>(cursor, column, capacity);
        if (raw == typeof(sbyte)) return new CategoryReader<sbyte>(cursor, column, capacity);
        if (raw == typeof(byte)) return new CategoryReader<byte>(cursor, column, capacity);
        if (raw == typeof(short)) return new CategoryReader<short>(cursor, column, capacity);
        if (raw == typeof(ushort)) return new CategoryReader<ushort>(cursor, column, capacity);
        if (raw == typeof(int)) return new CategoryReader<int>(cursor, column, capacity);
        if (raw == typeof(uint)) return new CategoryReader<uint>(cursor, column, capacity);
        if (raw == typeof(long)) return new CategoryReader<long>(cursor, column, capacity);
        if (raw == typeof(ulong)) return new CategoryReader<ulong>(cursor, column, capacity);
        return new CategoryReader<DateTime>(cursor, column, capacity);
    }

    private sealed class NumberReader<T>(DataViewRowCursor cursor, DataViewSchema.Column column, int capacity) : ColumnReader(column)
        where T : struct, INumberBase<T>
    {
        private readonly ValueGetter<T> _getter = cursor.GetGetter<T>(column);
        private readonly ArrayBuilder<double> _values = new(capacity);
        private T _value;

        public override void ReadRow()
        {
            _getter(ref _value);
            _values.Add(double.CreateTruncating(_value));
        }

        public override TabularColumn ToColumn() => new ContinuousColumn(Column.Name, Column.Type, _values.ToArray());
    }

    private sealed class DateTimeReader(DataViewRowCursor cursor, DataViewSchema.Column column, int capacity) : ColumnReader(column)
    {
        private readonly ValueGetter<DateTime> _getter = cursor.GetGetter<DateTime>(column);
        private readonly ArrayBuilder<double> _values = new(capacity);
        private DateTime _value;

        public override void ReadRow()
        {
            _getter(ref _value);
            _values.Add(_value.Ticks);
        }

        public override TabularColumn ToColumn() => new ContinuousColumn(Column.Name, Column.Type, _values.ToArray());
    }

    private sealed class CategoryReader<T>(DataViewRowCursor cursor, DataViewSchema.Column column, int capacity) : ColumnReader(column)
        where T : notnull
    {
        private readonly ValueGetter<T> _getter = cursor.GetGetter<T>(column);
        private readonly Dictionary<T, int> _codeOf = [];
        private readonly List<object> _categories = [];
        private readonly ArrayBuilder<int> _codes = new(capacity);
        private T _value = default!;

        public override void ReadRow()
        {
            _getter(ref _value);
            if (!_codeOf.TryGetValue(_value, out int code))
            {
                code = _categories.Count;
                _codeOf.Add(_value, code);
                _categories.Add(_value);
            }
            _codes.Add(code);
        }

        public override TabularColumn ToColumn() =>
            new DiscreteColumn(Column.Name, Column.Type, _codes.ToArray(), _categories, ReadKeyValues(Column));
    }

    private sealed class TextReader : ColumnReader
    {
        private readonly ValueGetter<ReadOnlyMemory<char>> _getter;
        private readonly Dictionary<string, int> _codeOf;
        private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
        private readonly List<object> _categories = [];
        private readonly ArrayBuilder<int> _codes;
        private ReadOnlyMemory<char> _value;

        public TextReader(DataViewRowCursor cursor, DataViewSchema.Column column, int capacity)
            : base(column)
        {
            _getter = cursor.GetGetter<ReadOnlyMemory<char>>(column);
            _codeOf = new Dictionary<string, int>(StringComparer.Ordinal);
            _lookup = _codeOf.GetAlternateLookup<ReadOnlySpan<char>>();
            _codes = new ArrayBuilder<int>(capacity);
        }

        public override void ReadRow()
        {
            _getter(ref _value);
            if (!_lookup.TryGetValue(_value.Span, out int code))
            {
                code = _categories.Count;
                string text = _value.ToString();
                _codeOf.Add(text, code);
                _categories.Add(text);
            }
            _codes.Add(code);
        }

        public override TabularColumn ToColumn() => new DiscreteColumn(Column.Name, Column.Type, _codes.ToArray(), _categories);
    }

    /// <summary>The annotation kind that names a key column's values.</summary>
    public const string KeyValuesKind = "KeyValues";

    /// <summary>The text names of a key column's values (its KeyValues annotation), when it has them.</summary>
    private static string[]? ReadKeyValues(DataViewSchema.Column column)
    {
        if (column.Type is not KeyDataViewType key)
            return null;
        var keyValuesColumn = column.Annotations.Schema.GetColumnOrNull(KeyValuesKind);
        if (keyValuesColumn?.Type is not VectorDataViewType { ItemType: TextDataViewType } vectorType || (ulong)vectorType.Size != key.Count)
            return null;
        VBuffer<ReadOnlyMemory<char>> names = default;
        column.Annotations.GetValue(KeyValuesKind, ref names);
        var result = new string[vectorType.Size];
        int index = 0;
        foreach (var name in names.DenseValues())
            result[index++] = name.ToString();
        return result;
    }
}
