using System.ComponentModel;
using Microsoft.ML.Gan.Torch;
using Microsoft.ML.Transforms;

namespace Microsoft.ML.Gan.Persistence.Mappings;

/// <summary>
/// Input of the conditioned stream step: the stream step's columns (the row's seed is derived from its index) and the
/// condition. Infrastructure of saved GAN models; not for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
internal sealed class ConditionedStreamInput : StreamGenerationInput
{
    /// <summary>The condition vector, or a one-hot row for a text or key condition.</summary>
    [ColumnName(GanChainColumns.Condition)]
    public float[] Condition = [];
}

/// <summary>
/// Input of the conditioned seeded step: the seeded step's columns and the condition. Infrastructure of saved GAN
/// models; not for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
internal sealed class ConditionedSeededInput : SeededGenerationInput
{
    /// <summary>The condition vector, or a one-hot row for a text or key condition.</summary>
    [ColumnName(GanChainColumns.Condition)]
    public float[] Condition = [];
}

/// <summary>
/// Generation step of a saved conditioned GAN model without a seed column: row i of the ordered cursor is generated
/// for its condition from the seed <see cref="NoiseSeeds.ForPosition"/>(base seed, i), as the live transformer does.
/// Infrastructure of saved GAN models; not for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[CustomMappingFactoryAttribute(GanChainColumns.ConditionedStreamContract)]
internal sealed class ConditionedStreamMappingFactory : CustomMappingFactory<ConditionedStreamInput, GenerationOutput>
{
    /// <summary>The mapping.</summary>
    public static void Map(ConditionedStreamInput input, GenerationOutput output)
    {
        var source = output.Prepare(input.Payload);
        var model = output.Model!;
        var condition = model.DecodeChainCondition(input.Condition, output.Scratch);
        source.ReadConditionedRow(NoiseSeeds.ForPosition(model.Settings.Seed, input.RowIndex), condition, output.Generated);
    }

    /// <inheritdoc/>
    public override Action<ConditionedStreamInput, GenerationOutput> GetMapping() => Map;
}

/// <summary>
/// Generation step of a saved conditioned GAN model with a seed column: each row is generated from its own seed for
/// its condition. Infrastructure of saved GAN models; not for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[CustomMappingFactoryAttribute(GanChainColumns.ConditionedSeededContract)]
internal sealed class ConditionedSeededMappingFactory : CustomMappingFactory<ConditionedSeededInput, GenerationOutput>
{
    /// <summary>The mapping.</summary>
    public static void Map(ConditionedSeededInput input, GenerationOutput output)
    {
        var source = output.Prepare(input.Payload);
        var condition = output.Model!.DecodeChainCondition(input.Condition, output.Scratch);
        source.ReadConditionedRow(input.Seed, condition, output.Generated);
    }

    /// <inheritdoc/>
    public override Action<ConditionedSeededInput, GenerationOutput> GetMapping() => Map;
}
