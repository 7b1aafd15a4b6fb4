using System.ComponentModel;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace Microsoft.ML.Gan.Persistence.Mappings;

/// <summary>Input of the stream generation step. Infrastructure of saved GAN models; not for direct use.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public class StreamGenerationInput
{
    /// <summary>The model record's bytes on the first generated row of a cursor, empty afterwards.</summary>
    [ColumnName(GanChainColumns.Payload)]
    public VBuffer<byte> Payload;
}

/// <summary>Input of the seeded generation step. Infrastructure of saved GAN models; not for direct use.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class SeededGenerationInput : StreamGenerationInput
{
    /// <summary>The row's seed.</summary>
    [ColumnName(GanChainColumns.Seed)]
    public long Seed;
}

/// <summary>Output of the generation steps. Infrastructure of saved GAN models; not for direct use.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class GenerationOutput
{
    /// <summary>The generated row.</summary>
    [ColumnName(GanChainColumns.Generated)]
    public float[] Generated = [];
}

/// <summary>Per-cursor state of the generation steps. Infrastructure of saved GAN models; not for direct use.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class GenerationState
{
    internal GeneratedRowSource? Source { get; set; }

    internal long RowsServed { get; set; }

    internal void Prepare(in VBuffer<byte> payload, GenerationOutput output)
    {
        if (Source is null)
        {
            if (payload.Length == 0)
            {
                throw new InvalidOperationException(
                    "The saved GAN model's payload did not reach its generation step: the model's transformer chain was modified " +
                    $"or its '{GanChainColumns.PayloadKey}' step is missing.");
            }
            var (generator, settings) = LoadedGeneratorCache.Resolve(payload.GetValues());
            Source = new GeneratedRowSource(generator, settings.Seed);
        }
        if (output.Generated.Length != Source.OutputLength)
            output.Generated = new float[Source.OutputLength];
    }
}

/// <summary>
/// Generation step of a saved GAN model without a seed column: the n-th row this cursor generates is row n of the
/// stream of the saved base seed (the same rows as the live transformer when every row's output is read, which
/// cursors and prediction engines do). Infrastructure of saved GAN models; not for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[CustomMappingFactoryAttribute(GanChainColumns.StreamContract)]
public sealed class StreamGenerationMappingFactory : StatefulCustomMappingFactory<StreamGenerationInput, GenerationOutput, GenerationState>
{
    /// <summary>The mapping.</summary>
    public static void Map(StreamGenerationInput input, GenerationOutput output, GenerationState state)
    {
        state.Prepare(input.Payload, output);
        state.Source!.ReadStreamRow(state.RowsServed, output.Generated);
        state.RowsServed++;
    }

    /// <summary>The state starts empty; the first row brings the payload.</summary>
    public static void Init(GenerationState state)
    {
        state.Source = null;
        state.RowsServed = 0;
    }

    /// <inheritdoc/>
    public override Action<StreamGenerationInput, GenerationOutput, GenerationState> GetMapping() => Map;

    /// <inheritdoc/>
    public override Action<GenerationState> GetStateInitAction() => Init;
}

/// <summary>
/// Generation step of a saved GAN model with a seed column: each row is generated from its own seed.
/// Infrastructure of saved GAN models; not for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[CustomMappingFactoryAttribute(GanChainColumns.SeededContract)]
public sealed class SeededGenerationMappingFactory : StatefulCustomMappingFactory<SeededGenerationInput, GenerationOutput, GenerationState>
{
    /// <summary>The mapping.</summary>
    public static void Map(SeededGenerationInput input, GenerationOutput output, GenerationState state)
    {
        state.Prepare(input.Payload, output);
        state.Source!.ReadSeededRow(input.Seed, output.Generated);
    }

    /// <inheritdoc/>
    public override Action<SeededGenerationInput, GenerationOutput, GenerationState> GetMapping() => Map;

    /// <inheritdoc/>
    public override Action<GenerationState> GetStateInitAction() => StreamGenerationMappingFactory.Init;
}
