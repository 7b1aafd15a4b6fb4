using Microsoft.ML.Gan.Persistence;

namespace Microsoft.ML.Gan.Tabular.Ctgan.Persistence;

/// <summary>
/// Temporary column and contract names of a saved CTGAN model's per-column steps. Part of the saved-model format:
/// they never change.
/// </summary>
internal static class DecodeChainColumns
{
    /// <summary>The decoded row as floats (<see cref="DecodedRows"/>), the generation step's output.</summary>
    public const string Row = GanChainColumns.ReservedPrefix + "CtganRow";

    /// <summary>A constant key (1) from which each column's slot is mapped.</summary>
    public const string Key = GanChainColumns.ReservedPrefix + "CtganKey";

    /// <summary>The current column's first slot in <see cref="Row"/>.</summary>
    public const string Slot = GanChainColumns.ReservedPrefix + "CtganSlot";

    /// <summary>The current column's value, typed (a category index for a discrete column).</summary>
    public const string Value = GanChainColumns.ReservedPrefix + "CtganValue";

    /// <summary>The contract-name prefix of the per-type value steps.</summary>
    /// <summary>A key column's value (its name, or its raw number) before it becomes a key again.</summary>
    public const string KeyValue = GanChainColumns.ReservedPrefix + "CtganKeyValue";

    /// <summary>Prefix of the decode steps' custom-mapping contract names.</summary>
    public const string ContractPrefix = "Microsoft.ML.Gan.Tabular.Ctgan.";

    public const string KeyContract = ContractPrefix + "Key.v1";
}
