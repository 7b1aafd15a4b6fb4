using System.ComponentModel;
using Microsoft.ML.Transforms;

namespace Microsoft.ML.Gan.Persistence.Mappings;

/// <summary>Input of a mapping that reads no column. Infrastructure of saved GAN models; not for direct use.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
internal sealed class NoInputColumns
{
}

/// <summary>Output of the row-index step. Infrastructure of saved GAN models; not for direct use.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
internal sealed class RowIndexRow
{
    /// <summary>Always 1: the key under which the value mapping stores the model record.</summary>
    [ColumnName(GanChainColumns.PayloadKey)]
    public uint PayloadKey = 1;

    /// <summary>The row's index in its cursor: 0, 1, 2, ...</summary>
    [ColumnName(GanChainColumns.RowIndex)]
    public long RowIndex;
}

/// <summary>Per-cursor state of the row-index step. Infrastructure of saved GAN models; not for direct use.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
internal sealed class RowIndexState
{
    /// <summary>The index the next row receives.</summary>
    public long Next;
}

/// <summary>
/// The first step of a saved GAN model: numbers the rows of each cursor and emits the constant payload key.
/// It is a stateful mapping because ML.NET never splits those across threads while their output is read, so the
/// numbering follows the cursor's order even when later steps run on parallel cursors. It reads no input column
/// (ML.NET 5.0.1's stateful mapping fails on cursors that skip its output when it does).
/// Infrastructure of saved GAN models, found by ML.NET through its contract name; not for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[CustomMappingFactoryAttribute(GanChainColumns.RowIndexContract)]
internal sealed class RowIndexMappingFactory : StatefulCustomMappingFactory<NoInputColumns, RowIndexRow, RowIndexState>
{
    /// <summary>The mapping: the next index, and key 1.</summary>
    public static void Map(NoInputColumns input, RowIndexRow output, RowIndexState state)
    {
        output.PayloadKey = 1;
        output.RowIndex = state.Next++;
    }

    /// <summary>Each cursor counts from 0.</summary>
    public static void Init(RowIndexState state) => state.Next = 0;

    /// <inheritdoc/>
    public override Action<NoInputColumns, RowIndexRow, RowIndexState> GetMapping() => Map;

    /// <inheritdoc/>
    public override Action<RowIndexState> GetStateInitAction() => Init;
}
