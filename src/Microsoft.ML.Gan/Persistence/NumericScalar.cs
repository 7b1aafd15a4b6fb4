namespace Microsoft.ML.Gan.Persistence;

/// <summary>Reads numeric scalar columns of any integer or floating-point type, widened to one CLR type.</summary>
internal static class NumericScalar
{
    private static readonly DataViewType[] Supported =
    [
        NumberDataViewType.SByte, NumberDataViewType.Byte, NumberDataViewType.Int16, NumberDataViewType.UInt16,
        NumberDataViewType.Int32, NumberDataViewType.UInt32, NumberDataViewType.Int64, NumberDataViewType.UInt64,
        NumberDataViewType.Single, NumberDataViewType.Double,
    ];

    /// <summary>Whether <see cref="CreateGetter"/> reads <paramref name="type"/>.</summary>
    public static bool IsSupported(DataViewType type) => Supported.Contains(type);

    /// <summary>A getter that reads <paramref name="column"/> of <paramref name="row"/> as a <see cref="double"/>.</summary>
    public static ValueGetter<double> CreateGetter(DataViewRow row, DataViewSchema.Column column)
    {
        var type = column.Type;
        if (type == NumberDataViewType.Double)
            return row.GetGetter<double>(column);
        if (type == NumberDataViewType.Single)
            return Widen<float, double>(row, column, v => v);
        if (type == NumberDataViewType.Int64)
            return Widen<long, double>(row, column, v => v);
        if (type == NumberDataViewType.UInt64)
            return Widen<ulong, double>(row, column, v => v);
        if (type == NumberDataViewType.Int32)
            return Widen<int, double>(row, column, v => v);
        if (type == NumberDataViewType.UInt32)
            return Widen<uint, double>(row, column, v => v);
        if (type == NumberDataViewType.Int16)
            return Widen<short, double>(row, column, v => v);
        if (type == NumberDataViewType.UInt16)
            return Widen<ushort, double>(row, column, v => v);
        if (type == NumberDataViewType.SByte)
            return Widen<sbyte, double>(row, column, v => v);
        if (type == NumberDataViewType.Byte)
            return Widen<byte, double>(row, column, v => v);
        throw new ArgumentOutOfRangeException(nameof(column), $"Column '{column.Name}' has type {type}, which is not a numeric scalar.");
    }

    /// <summary>A getter of <typeparamref name="T"/> values converted to <typeparamref name="TOut"/>.</summary>
    public static ValueGetter<TOut> Widen<T, TOut>(DataViewRow row, DataViewSchema.Column column, Func<T, TOut> widen)
    {
        var getter = row.GetGetter<T>(column);
        T value = default!;
        return (ref TOut destination) =>
        {
            getter(ref value);
            destination = widen(value);
        };
    }
}
