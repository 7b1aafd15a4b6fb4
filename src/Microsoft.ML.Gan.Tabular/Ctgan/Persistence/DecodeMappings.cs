using System.ComponentModel;
using Microsoft.ML.Gan.Persistence.Mappings;
using Microsoft.ML.Transforms;

namespace Microsoft.ML.Gan.Tabular.Ctgan.Persistence;

#pragma warning disable CS1591 // Infrastructure of saved models: documented on the classes.

/// <summary>Output of the constant-key step. Infrastructure of saved CTGAN models; not for direct use.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
internal sealed class DecodeKeyRow
{
    /// <summary>Always 1.</summary>
    [ColumnName(DecodeChainColumns.Key)]
    public uint Key = 1;
}

/// <summary>Emits the constant key 1 on every row. Infrastructure of saved CTGAN models; not for direct use.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[CustomMappingFactoryAttribute(DecodeChainColumns.KeyContract)]
internal sealed class DecodeKeyMapping : CustomMappingFactory<NoInputColumns, DecodeKeyRow>
{
    /// <summary>The mapping.</summary>
    public static void Map(NoInputColumns input, DecodeKeyRow output) => output.Key = 1;

    /// <inheritdoc/>
    public override Action<NoInputColumns, DecodeKeyRow> GetMapping() => Map;
}

/// <summary>Input of a per-column value step: the decoded row and the column's slot. Infrastructure of saved CTGAN models.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
internal sealed class DecodedSlot
{
    /// <summary>The decoded row, two floats per column.</summary>
    [ColumnName(DecodeChainColumns.Row)]
    public float[] Row = [];

    /// <summary>The column's first slot.</summary>
    [ColumnName(DecodeChainColumns.Slot)]
    public int Slot;

    internal double Read() => DecodedRows.Read(Row, Slot);
}

/// <summary>Output of a per-column value step. Infrastructure of saved CTGAN models; not for direct use.</summary>
/// <typeparam name="T">The column's type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
internal sealed class DecodedValue<T>
{
    /// <summary>The column's value.</summary>
    [ColumnName(DecodeChainColumns.Value)]
    public T Value = default!;
}

/// <summary>
/// A per-column value step: reads the column's slot of the decoded row and converts it to the column's type (floating
/// types as they are, integers and dates' ticks rounded). ML.NET finds a custom mapping by its
/// contract attribute on a concrete class, so each type below only names its contract. Infrastructure of saved CTGAN
/// models.
/// </summary>
/// <typeparam name="T">The column's type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
internal abstract class DecodeValueMapping<T> : CustomMappingFactory<DecodedSlot, DecodedValue<T>>
{
    /// <summary>Converts the decoded double (bit for bit as generated) to the column's type.</summary>
    private static readonly Func<double, T> Convert = DecodedValueConversion.To<T>();

    /// <inheritdoc/>
    public override Action<DecodedSlot, DecodedValue<T>> GetMapping() => (input, output) => output.Value = Convert(input.Read());
}

/// <summary>The conversions of <see cref="DecodeValueMapping{T}"/>: one per column type, in one table.</summary>
internal static class DecodedValueConversion
{
    /// <summary>The conversion from a decoded double to <typeparamref name="T"/>.</summary>
    public static Func<double, T> To<T>() => (Func<double, T>)(Type.GetTypeCode(typeof(T)) switch
    {
        TypeCode.Single => (Delegate)new Func<double, float>(value => (float)value),
        TypeCode.Double => new Func<double, double>(value => value),
        TypeCode.SByte => new Func<double, sbyte>(value => (sbyte)Math.Round(value)),
        TypeCode.Byte => new Func<double, byte>(value => (byte)Math.Round(value)),
        TypeCode.Int16 => new Func<double, short>(value => (short)Math.Round(value)),
        TypeCode.UInt16 => new Func<double, ushort>(value => (ushort)Math.Round(value)),
        TypeCode.Int32 => new Func<double, int>(value => (int)Math.Round(value)),
        TypeCode.UInt32 => new Func<double, uint>(value => (uint)Math.Round(value)),
        TypeCode.Int64 => new Func<double, long>(value => (long)Math.Round(value)),
        TypeCode.UInt64 => new Func<double, ulong>(value => (ulong)Math.Round(value)),
        TypeCode.DateTime => new Func<double, DateTime>(value => new DateTime((long)Math.Round(value))),
        _ => throw new NotSupportedException($"Columns of type {typeof(T).Name} cannot be saved in a CTGAN model."),
    });
}

/// <summary>Reads a Single column's value from the decoded row. Infrastructure of saved CTGAN models; not for direct use.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[CustomMappingFactoryAttribute(DecodeChainColumns.ContractPrefix + "Single.v1")]
internal sealed class DecodeSingleMapping : DecodeValueMapping<float>;

/// <summary>Reads a Double column's value from the decoded row. Infrastructure of saved CTGAN models; not for direct use.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[CustomMappingFactoryAttribute(DecodeChainColumns.ContractPrefix + "Double.v1")]
internal sealed class DecodeDoubleMapping : DecodeValueMapping<double>;

/// <summary>Reads a SByte column's value from the decoded row. Infrastructure of saved CTGAN models; not for direct use.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[CustomMappingFactoryAttribute(DecodeChainColumns.ContractPrefix + "SByte.v1")]
internal sealed class DecodeSByteMapping : DecodeValueMapping<sbyte>;

/// <summary>Reads a Byte column's value from the decoded row. Infrastructure of saved CTGAN models; not for direct use.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[CustomMappingFactoryAttribute(DecodeChainColumns.ContractPrefix + "Byte.v1")]
internal sealed class DecodeByteMapping : DecodeValueMapping<byte>;

/// <summary>Reads a Int16 column's value from the decoded row. Infrastructure of saved CTGAN models; not for direct use.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[CustomMappingFactoryAttribute(DecodeChainColumns.ContractPrefix + "Int16.v1")]
internal sealed class DecodeInt16Mapping : DecodeValueMapping<short>;

/// <summary>Reads a UInt16 column's value from the decoded row. Infrastructure of saved CTGAN models; not for direct use.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[CustomMappingFactoryAttribute(DecodeChainColumns.ContractPrefix + "UInt16.v1")]
internal sealed class DecodeUInt16Mapping : DecodeValueMapping<ushort>;

/// <summary>Reads a Int32 column's value from the decoded row. Infrastructure of saved CTGAN models; not for direct use.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[CustomMappingFactoryAttribute(DecodeChainColumns.ContractPrefix + "Int32.v1")]
internal sealed class DecodeInt32Mapping : DecodeValueMapping<int>;

/// <summary>Reads a UInt32 column's value from the decoded row. Infrastructure of saved CTGAN models; not for direct use.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[CustomMappingFactoryAttribute(DecodeChainColumns.ContractPrefix + "UInt32.v1")]
internal sealed class DecodeUInt32Mapping : DecodeValueMapping<uint>;

/// <summary>Reads a Int64 column's value from the decoded row. Infrastructure of saved CTGAN models; not for direct use.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[CustomMappingFactoryAttribute(DecodeChainColumns.ContractPrefix + "Int64.v1")]
internal sealed class DecodeInt64Mapping : DecodeValueMapping<long>;

/// <summary>Reads a UInt64 column's value from the decoded row. Infrastructure of saved CTGAN models; not for direct use.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[CustomMappingFactoryAttribute(DecodeChainColumns.ContractPrefix + "UInt64.v1")]
internal sealed class DecodeUInt64Mapping : DecodeValueMapping<ulong>;

/// <summary>Reads a DateTime column's value from the decoded row. Infrastructure of saved CTGAN models; not for direct use.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[CustomMappingFactoryAttribute(DecodeChainColumns.ContractPrefix + "DateTime.v1")]
internal sealed class DecodeDateTimeMapping : DecodeValueMapping<DateTime>;
