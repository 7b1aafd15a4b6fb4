namespace Microsoft.ML.Gan.Persistence;

/// <summary>
/// Reads the optional per-row seed column. Only integer types that convert to <see cref="long"/> without loss are
/// accepted, so the live transformer and a loaded model (which converts with ML.NET's ConvertType) agree exactly.
/// </summary>
internal static class SeedColumn
{
    private static readonly DataViewType[] Accepted =
    [
        NumberDataViewType.SByte, NumberDataViewType.Byte, NumberDataViewType.Int16, NumberDataViewType.UInt16,
        NumberDataViewType.Int32, NumberDataViewType.UInt32, NumberDataViewType.Int64,
    ];

    /// <summary>Finds the seed column and checks its type.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The column is missing or is not an accepted integer scalar.</exception>
    public static DataViewSchema.Column Find(DataViewSchema schema, string name)
    {
        var column = schema.GetColumnOrNull(name) ?? throw new ArgumentOutOfRangeException(
            nameof(schema), $"The seed column '{name}' was not found in the input schema (columns: {Names(schema)}).");
        if (!Accepted.Contains(column.Type))
        {
            throw new ArgumentOutOfRangeException(nameof(schema),
                $"The seed column '{name}' has type {column.Type}; expected an integer scalar " +
                "(SByte, Byte, Int16, UInt16, Int32, UInt32 or Int64). Convert it first, e.g. " +
                $"mlContext.Transforms.Conversion.ConvertType(\"{name}\", outputKind: DataKind.Int64).");
        }
        return column;
    }

    /// <summary>A getter that reads the seed column of <paramref name="row"/> as a <see cref="long"/>.</summary>
    public static ValueGetter<long> CreateGetter(DataViewRow row, DataViewSchema.Column column)
    {
        var type = column.Type;
        if (type == NumberDataViewType.Int64)
            return row.GetGetter<long>(column);
        if (type == NumberDataViewType.Int32)
            return NumericScalar.Widen<int, long>(row, column, v => v);
        if (type == NumberDataViewType.UInt32)
            return NumericScalar.Widen<uint, long>(row, column, v => v);
        if (type == NumberDataViewType.Int16)
            return NumericScalar.Widen<short, long>(row, column, v => v);
        if (type == NumberDataViewType.UInt16)
            return NumericScalar.Widen<ushort, long>(row, column, v => v);
        if (type == NumberDataViewType.SByte)
            return NumericScalar.Widen<sbyte, long>(row, column, v => v);
        if (type == NumberDataViewType.Byte)
            return NumericScalar.Widen<byte, long>(row, column, v => v);
        throw new ArgumentOutOfRangeException(nameof(column), $"The seed column '{column.Name}' has unsupported type {type}.");
    }

    private static string Names(DataViewSchema schema) =>
        schema.Count == 0 ? "none" : string.Join(", ", schema.Where(c => !c.IsHidden).Select(c => $"'{c.Name}'"));
}
