using System.ComponentModel;
using Microsoft.ML.Data;
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
/// A per-column value step: reads the column's slot of the decoded row and converts it to the column's type.
/// Each concrete type only names its contract and its conversion. Infrastructure of saved CTGAN models.
/// </summary>
/// <typeparam name="T">The column's type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
internal abstract class DecodeValueMapping<T> : CustomMappingFactory<DecodedSlot, DecodedValue<T>>
{
    /// <summary>Converts the decoded double (bit for bit as generated) to the column's type.</summary>
    protected abstract T Convert(double value);

    /// <inheritdoc/>
    public override Action<DecodedSlot, DecodedValue<T>> GetMapping() => (input, output) => output.Value = Convert(input.Read());
}

/// <summary>Reads a Single column's value from the decoded row. Infrastructure of saved CTGAN models; not for direct use.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[CustomMappingFactoryAttribute(DecodeChainColumns.ContractPrefix + "Single.v1")]
internal sealed class DecodeSingleMapping : DecodeValueMapping<float>
{
    /// <inheritdoc/>
    protected override float Convert(double value) => (float)value;
}

/// <summary>Reads a Double column's value from the decoded row. Infrastructure of saved CTGAN models; not for direct use.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[CustomMappingFactoryAttribute(DecodeChainColumns.ContractPrefix + "Double.v1")]
internal sealed class DecodeDoubleMapping : DecodeValueMapping<double>
{
    /// <inheritdoc/>
    protected override double Convert(double value) => value;
}

/// <summary>Reads a SByte column's value from the decoded row. Infrastructure of saved CTGAN models; not for direct use.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[CustomMappingFactoryAttribute(DecodeChainColumns.ContractPrefix + "SByte.v1")]
internal sealed class DecodeSByteMapping : DecodeValueMapping<sbyte>
{
    /// <inheritdoc/>
    protected override sbyte Convert(double value) => (sbyte)Math.Round(value);
}

/// <summary>Reads a Byte column's value from the decoded row. Infrastructure of saved CTGAN models; not for direct use.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[CustomMappingFactoryAttribute(DecodeChainColumns.ContractPrefix + "Byte.v1")]
internal sealed class DecodeByteMapping : DecodeValueMapping<byte>
{
    /// <inheritdoc/>
    protected override byte Convert(double value) => (byte)Math.Round(value);
}

/// <summary>Reads a Int16 column's value from the decoded row. Infrastructure of saved CTGAN models; not for direct use.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[CustomMappingFactoryAttribute(DecodeChainColumns.ContractPrefix + "Int16.v1")]
internal sealed class DecodeInt16Mapping : DecodeValueMapping<short>
{
    /// <inheritdoc/>
    protected override short Convert(double value) => (short)Math.Round(value);
}

/// <summary>Reads a UInt16 column's value from the decoded row. Infrastructure of saved CTGAN models; not for direct use.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[CustomMappingFactoryAttribute(DecodeChainColumns.ContractPrefix + "UInt16.v1")]
internal sealed class DecodeUInt16Mapping : DecodeValueMapping<ushort>
{
    /// <inheritdoc/>
    protected override ushort Convert(double value) => (ushort)Math.Round(value);
}

/// <summary>Reads a Int32 column's value from the decoded row. Infrastructure of saved CTGAN models; not for direct use.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[CustomMappingFactoryAttribute(DecodeChainColumns.ContractPrefix + "Int32.v1")]
internal sealed class DecodeInt32Mapping : DecodeValueMapping<int>
{
    /// <inheritdoc/>
    protected override int Convert(double value) => (int)Math.Round(value);
}

/// <summary>Reads a UInt32 column's value from the decoded row. Infrastructure of saved CTGAN models; not for direct use.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[CustomMappingFactoryAttribute(DecodeChainColumns.ContractPrefix + "UInt32.v1")]
internal sealed class DecodeUInt32Mapping : DecodeValueMapping<uint>
{
    /// <inheritdoc/>
    protected override uint Convert(double value) => (uint)Math.Round(value);
}

/// <summary>Reads a Int64 column's value from the decoded row. Infrastructure of saved CTGAN models; not for direct use.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[CustomMappingFactoryAttribute(DecodeChainColumns.ContractPrefix + "Int64.v1")]
internal sealed class DecodeInt64Mapping : DecodeValueMapping<long>
{
    /// <inheritdoc/>
    protected override long Convert(double value) => (long)Math.Round(value);
}

/// <summary>Reads a UInt64 column's value from the decoded row. Infrastructure of saved CTGAN models; not for direct use.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[CustomMappingFactoryAttribute(DecodeChainColumns.ContractPrefix + "UInt64.v1")]
internal sealed class DecodeUInt64Mapping : DecodeValueMapping<ulong>
{
    /// <inheritdoc/>
    protected override ulong Convert(double value) => (ulong)Math.Round(value);
}

/// <summary>Reads a DateTime column's value from the decoded row. Infrastructure of saved CTGAN models; not for direct use.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[CustomMappingFactoryAttribute(DecodeChainColumns.ContractPrefix + "DateTime.v1")]
internal sealed class DecodeDateTimeMapping : DecodeValueMapping<DateTime>
{
    /// <inheritdoc/>
    protected override DateTime Convert(double value) => new DateTime((long)Math.Round(value));
}
