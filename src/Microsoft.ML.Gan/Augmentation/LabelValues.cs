namespace Microsoft.ML.Gan.Augmentation;

/// <summary>
/// Reads a label column's values in one form per column type: <see cref="bool"/>, raw key as <see cref="ulong"/>,
/// <see cref="string"/>, or <see cref="double"/> for numbers; missing values (key 0, NaN) read as null.
/// </summary>
internal static class LabelValues
{
    /// <summary>Whether a label of this type holds classes when the kind is <see cref="AugmentationLabelKind.Auto"/>.</summary>
    public static bool IsCategoricalType(DataViewType type) => type is BooleanDataViewType or KeyDataViewType or TextDataViewType;

    /// <summary>Whether a column of this type can be a label at all.</summary>
    public static bool IsSupported(DataViewType type) => IsCategoricalType(type) || type is NumberDataViewType;

    /// <summary>The real row count of each class, classes in a stable order; rows with a missing label are not counted.</summary>
    public static IReadOnlyList<(object Label, long Count)> CountClasses(IDataView data, DataViewSchema.Column column)
    {
        var counts = new Dictionary<object, long>();
        using var cursor = data.GetRowCursor([column]);
        var read = CreateReader(cursor, column);
        while (cursor.MoveNext())
        {
            if (read() is { } value)
                counts[value] = counts.GetValueOrDefault(value) + 1;
        }
        return [.. counts.OrderBy(p => p.Key, LabelComparer.Instance).Select(p => (p.Key, p.Value))];
    }

    /// <summary>A reader of the cursor's current label value.</summary>
    public static Func<object?> CreateReader(DataViewRow row, DataViewSchema.Column column)
    {
        Type raw = column.Type.RawType;
        return column.Type switch
        {
            BooleanDataViewType => Read<bool>(row, column, v => v),
            TextDataViewType => Read<ReadOnlyMemory<char>>(row, column, v => v.ToString()),
            KeyDataViewType when raw == typeof(byte) => Read<byte>(row, column, v => Key(v)),
            KeyDataViewType when raw == typeof(ushort) => Read<ushort>(row, column, v => Key(v)),
            KeyDataViewType when raw == typeof(uint) => Read<uint>(row, column, v => Key(v)),
            KeyDataViewType => Read<ulong>(row, column, Key),
            NumberDataViewType when raw == typeof(float) => Read<float>(row, column, v => Number(v)),
            NumberDataViewType when raw == typeof(double) => Read<double>(row, column, Number),
            NumberDataViewType when raw == typeof(sbyte) => Read<sbyte>(row, column, v => (double)v),
            NumberDataViewType when raw == typeof(byte) => Read<byte>(row, column, v => (double)v),
            NumberDataViewType when raw == typeof(short) => Read<short>(row, column, v => (double)v),
            NumberDataViewType when raw == typeof(ushort) => Read<ushort>(row, column, v => (double)v),
            NumberDataViewType when raw == typeof(int) => Read<int>(row, column, v => (double)v),
            NumberDataViewType when raw == typeof(uint) => Read<uint>(row, column, v => (double)v),
            NumberDataViewType when raw == typeof(long) => Read<long>(row, column, v => (double)v),
            NumberDataViewType => Read<ulong>(row, column, v => (double)v),
            _ => throw new ArgumentException($"Label column '{column.Name}' has type {column.Type}; a label must be Boolean, key, text or numeric.", nameof(column)),
        };
    }

    private static object? Key(ulong raw) => raw == 0 ? null : raw;

    private static object? Number(double value) => double.IsNaN(value) ? null : value;

    private static Func<object?> Read<T>(DataViewRow row, DataViewSchema.Column column, Func<T, object?> convert)
    {
        var getter = row.GetGetter<T>(column);
        T value = default!;
        return () =>
        {
            getter(ref value);
            return convert(value);
        };
    }

    /// <summary>Orders label values of one column: Booleans false first, keys and numbers ascending, text ordinally.</summary>
    private sealed class LabelComparer : IComparer<object>
    {
        public static readonly LabelComparer Instance = new();

        public int Compare(object? x, object? y) => (x, y) switch
        {
            (string a, string b) => string.CompareOrdinal(a, b),
            (IComparable a, _) => a.CompareTo(y),
            _ => 0,
        };
    }
}
