using System.ComponentModel;
using Microsoft.ML.Data;
using Microsoft.ML.Gan.Persistence.Mappings;
using Microsoft.ML.Transforms;

namespace Microsoft.ML.Gan.Tabular.Ctgan.Persistence;

#pragma warning disable CS1591 // Infrastructure of saved models: documented on the classes.

/// <summary>Output of the constant-key step. Infrastructure of saved CTGAN models; not for direct use.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class DecodeKeyRow
{
    /// <summary>Always 1.</summary>
    [ColumnName(DecodeChainColumns.Key)]
    public uint Key = 1;
}

/// <summary>Emits the constant key 1 on every row. Infrastructure of saved CTGAN models; not for direct use.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[CustomMappingFactoryAttribute(DecodeChainColumns.KeyContract)]
public sealed class DecodeKeyMapping : CustomMappingFactory<NoInputColumns, DecodeKeyRow>
{
    /// <summary>The mapping.</summary>
    public static void Map(NoInputColumns input, DecodeKeyRow output) => output.Key = 1;

    /// <inheritdoc/>
    public override Action<NoInputColumns, DecodeKeyRow> GetMapping() => Map;
}

/// <summary>Input of a per-column value step: the decoded row and the column's slot. Infrastructure of saved CTGAN models.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class DecodedSlot
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
public sealed class DecodedValue<T>
{
    /// <summary>The column's value.</summary>
    [ColumnName(DecodeChainColumns.Value)]
    public T Value = default!;
}

/// <summary>Reads a Single column's value from the decoded row. Infrastructure of saved CTGAN models; not for direct use.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[CustomMappingFactoryAttribute(Contract)]
public sealed class DecodeSingleMapping : CustomMappingFactory<DecodedSlot, DecodedValue<float>>
{
    public const string Contract = DecodeChainColumns.ContractPrefix + "Single.v1";

    public static void Map(DecodedSlot input, DecodedValue<float> output)
    {
        double value = input.Read();
        output.Value = (float)value;
    }

    /// <inheritdoc/>
    public override Action<DecodedSlot, DecodedValue<float>> GetMapping() => Map;
}

/// <summary>Reads a Double column's value from the decoded row. Infrastructure of saved CTGAN models; not for direct use.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[CustomMappingFactoryAttribute(Contract)]
public sealed class DecodeDoubleMapping : CustomMappingFactory<DecodedSlot, DecodedValue<double>>
{
    public const string Contract = DecodeChainColumns.ContractPrefix + "Double.v1";

    public static void Map(DecodedSlot input, DecodedValue<double> output)
    {
        double value = input.Read();
        output.Value = value;
    }

    /// <inheritdoc/>
    public override Action<DecodedSlot, DecodedValue<double>> GetMapping() => Map;
}

/// <summary>Reads a SByte column's value from the decoded row. Infrastructure of saved CTGAN models; not for direct use.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[CustomMappingFactoryAttribute(Contract)]
public sealed class DecodeSByteMapping : CustomMappingFactory<DecodedSlot, DecodedValue<sbyte>>
{
    public const string Contract = DecodeChainColumns.ContractPrefix + "SByte.v1";

    public static void Map(DecodedSlot input, DecodedValue<sbyte> output)
    {
        double value = input.Read();
        output.Value = (sbyte)Math.Round(value);
    }

    /// <inheritdoc/>
    public override Action<DecodedSlot, DecodedValue<sbyte>> GetMapping() => Map;
}

/// <summary>Reads a Byte column's value from the decoded row. Infrastructure of saved CTGAN models; not for direct use.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[CustomMappingFactoryAttribute(Contract)]
public sealed class DecodeByteMapping : CustomMappingFactory<DecodedSlot, DecodedValue<byte>>
{
    public const string Contract = DecodeChainColumns.ContractPrefix + "Byte.v1";

    public static void Map(DecodedSlot input, DecodedValue<byte> output)
    {
        double value = input.Read();
        output.Value = (byte)Math.Round(value);
    }

    /// <inheritdoc/>
    public override Action<DecodedSlot, DecodedValue<byte>> GetMapping() => Map;
}

/// <summary>Reads a Int16 column's value from the decoded row. Infrastructure of saved CTGAN models; not for direct use.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[CustomMappingFactoryAttribute(Contract)]
public sealed class DecodeInt16Mapping : CustomMappingFactory<DecodedSlot, DecodedValue<short>>
{
    public const string Contract = DecodeChainColumns.ContractPrefix + "Int16.v1";

    public static void Map(DecodedSlot input, DecodedValue<short> output)
    {
        double value = input.Read();
        output.Value = (short)Math.Round(value);
    }

    /// <inheritdoc/>
    public override Action<DecodedSlot, DecodedValue<short>> GetMapping() => Map;
}

/// <summary>Reads a UInt16 column's value from the decoded row. Infrastructure of saved CTGAN models; not for direct use.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[CustomMappingFactoryAttribute(Contract)]
public sealed class DecodeUInt16Mapping : CustomMappingFactory<DecodedSlot, DecodedValue<ushort>>
{
    public const string Contract = DecodeChainColumns.ContractPrefix + "UInt16.v1";

    public static void Map(DecodedSlot input, DecodedValue<ushort> output)
    {
        double value = input.Read();
        output.Value = (ushort)Math.Round(value);
    }

    /// <inheritdoc/>
    public override Action<DecodedSlot, DecodedValue<ushort>> GetMapping() => Map;
}

/// <summary>Reads a Int32 column's value from the decoded row. Infrastructure of saved CTGAN models; not for direct use.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[CustomMappingFactoryAttribute(Contract)]
public sealed class DecodeInt32Mapping : CustomMappingFactory<DecodedSlot, DecodedValue<int>>
{
    public const string Contract = DecodeChainColumns.ContractPrefix + "Int32.v1";

    public static void Map(DecodedSlot input, DecodedValue<int> output)
    {
        double value = input.Read();
        output.Value = (int)Math.Round(value);
    }

    /// <inheritdoc/>
    public override Action<DecodedSlot, DecodedValue<int>> GetMapping() => Map;
}

/// <summary>Reads a UInt32 column's value from the decoded row. Infrastructure of saved CTGAN models; not for direct use.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[CustomMappingFactoryAttribute(Contract)]
public sealed class DecodeUInt32Mapping : CustomMappingFactory<DecodedSlot, DecodedValue<uint>>
{
    public const string Contract = DecodeChainColumns.ContractPrefix + "UInt32.v1";

    public static void Map(DecodedSlot input, DecodedValue<uint> output)
    {
        double value = input.Read();
        output.Value = (uint)Math.Round(value);
    }

    /// <inheritdoc/>
    public override Action<DecodedSlot, DecodedValue<uint>> GetMapping() => Map;
}

/// <summary>Reads a Int64 column's value from the decoded row. Infrastructure of saved CTGAN models; not for direct use.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[CustomMappingFactoryAttribute(Contract)]
public sealed class DecodeInt64Mapping : CustomMappingFactory<DecodedSlot, DecodedValue<long>>
{
    public const string Contract = DecodeChainColumns.ContractPrefix + "Int64.v1";

    public static void Map(DecodedSlot input, DecodedValue<long> output)
    {
        double value = input.Read();
        output.Value = (long)Math.Round(value);
    }

    /// <inheritdoc/>
    public override Action<DecodedSlot, DecodedValue<long>> GetMapping() => Map;
}

/// <summary>Reads a UInt64 column's value from the decoded row. Infrastructure of saved CTGAN models; not for direct use.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[CustomMappingFactoryAttribute(Contract)]
public sealed class DecodeUInt64Mapping : CustomMappingFactory<DecodedSlot, DecodedValue<ulong>>
{
    public const string Contract = DecodeChainColumns.ContractPrefix + "UInt64.v1";

    public static void Map(DecodedSlot input, DecodedValue<ulong> output)
    {
        double value = input.Read();
        output.Value = (ulong)Math.Round(value);
    }

    /// <inheritdoc/>
    public override Action<DecodedSlot, DecodedValue<ulong>> GetMapping() => Map;
}

/// <summary>Reads a DateTime column's value from the decoded row. Infrastructure of saved CTGAN models; not for direct use.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[CustomMappingFactoryAttribute(Contract)]
public sealed class DecodeDateTimeMapping : CustomMappingFactory<DecodedSlot, DecodedValue<DateTime>>
{
    public const string Contract = DecodeChainColumns.ContractPrefix + "DateTime.v1";

    public static void Map(DecodedSlot input, DecodedValue<DateTime> output)
    {
        double value = input.Read();
        output.Value = new DateTime((long)Math.Round(value));
    }

    /// <inheritdoc/>
    public override Action<DecodedSlot, DecodedValue<DateTime>> GetMapping() => Map;
}
