using System.ComponentModel;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace Microsoft.ML.Gan.Persistence.Mappings;

/// <summary>Input of a mapping that reads no column. Infrastructure of saved GAN models; not for direct use.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class NoInputColumns
{
}

/// <summary>Output of the payload-key step. Infrastructure of saved GAN models; not for direct use.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class PayloadKeyRow
{
    /// <summary>1 when the row needs the payload, 0 otherwise.</summary>
    [ColumnName(GanChainColumns.PayloadKey)]
    public uint PayloadKey { get; set; }
}

/// <summary>Per-cursor state of the payload-key step. Infrastructure of saved GAN models; not for direct use.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class PayloadKeyState
{
    /// <summary>Whether this cursor already asked for the payload.</summary>
    public bool Served { get; set; }
}

/// <summary>
/// The first step of a saved GAN model: asks for the payload on the first row each cursor generates and for
/// nothing afterwards, so the value mapping that follows copies the model's bytes once per cursor, not once per row.
/// Infrastructure of saved GAN models, found by ML.NET through its contract name; not for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[CustomMappingFactoryAttribute(GanChainColumns.PayloadKeyContract)]
public sealed class PayloadKeyMappingFactory : StatefulCustomMappingFactory<NoInputColumns, PayloadKeyRow, PayloadKeyState>
{
    /// <summary>The mapping: key 1 once, then 0.</summary>
    public static void Map(NoInputColumns input, PayloadKeyRow output, PayloadKeyState state)
    {
        output.PayloadKey = state.Served ? 0u : 1u;
        state.Served = true;
    }

    /// <summary>The state starts with nothing served.</summary>
    public static void Init(PayloadKeyState state) => state.Served = false;

    /// <inheritdoc/>
    public override Action<NoInputColumns, PayloadKeyRow, PayloadKeyState> GetMapping() => Map;

    /// <inheritdoc/>
    public override Action<PayloadKeyState> GetStateInitAction() => Init;
}
