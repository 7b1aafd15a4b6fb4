using System.ComponentModel;
using Microsoft.ML.Transforms;

namespace Microsoft.ML.Gan.Persistence.Mappings;

/// <summary>Input of every generation step: the model record. Infrastructure of saved GAN models; not for direct use.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
internal abstract class GenerationInput
{
    /// <summary>The model record in base64 (the same string object on every row, so passing it costs nothing).</summary>
    [ColumnName(GanChainColumns.Payload)]
    public ReadOnlyMemory<char> Payload;
}

/// <summary>Input of the stream generation step. Infrastructure of saved GAN models; not for direct use.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
internal class StreamGenerationInput : GenerationInput
{
    /// <summary>The row's index in the ordered cursor.</summary>
    [ColumnName(GanChainColumns.RowIndex)]
    public long RowIndex;
}

/// <summary>Input of the seeded generation step. Infrastructure of saved GAN models; not for direct use.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
internal class SeededGenerationInput : GenerationInput
{
    /// <summary>The row's seed.</summary>
    [ColumnName(GanChainColumns.Seed)]
    public long Seed;
}

/// <summary>
/// Output of the generation steps, and also their per-cursor cache: ML.NET creates one output object per cursor
/// (or per prediction engine) and passes the same object to every call of the mapping.
/// Infrastructure of saved GAN models; not for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
internal sealed class GenerationOutput
{
    /// <summary>The generated row.</summary>
    [ColumnName(GanChainColumns.Generated)]
    public float[] Generated = [];

    [NoColumn]
    internal GeneratedRowSource? Source;

    [NoColumn]
    internal LoadedGenerator? Model;

    [NoColumn]
    internal readonly float[] Scratch = new float[1];

    internal GeneratedRowSource Prepare(ReadOnlyMemory<char> payload)
    {
        if (Source is null)
        {
            Model = LoadedGenerators.Resolve(payload);
            Source = Model.CreateSource();
        }
        if (Generated.Length != Source.OutputLength)
            Generated = new float[Source.OutputLength];
        return Source;
    }
}

/// <summary>
/// Generation step of a saved GAN model without a seed column: row i of the ordered cursor gets row i of the
/// saved base seed's stream. A stateless mapping, so ML.NET may run it on parallel cursors; the row index travels
/// in a column, so that is safe. Infrastructure of saved GAN models; not for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[CustomMappingFactoryAttribute(GanChainColumns.StreamContract)]
internal sealed class StreamGenerationMappingFactory : CustomMappingFactory<StreamGenerationInput, GenerationOutput>
{
    /// <summary>The mapping.</summary>
    public static void Map(StreamGenerationInput input, GenerationOutput output) =>
        output.Prepare(input.Payload).ReadStreamRow(input.RowIndex, output.Generated);

    /// <inheritdoc/>
    public override Action<StreamGenerationInput, GenerationOutput> GetMapping() => Map;
}

/// <summary>
/// Generation step of a saved GAN model with a seed column: each row is generated from its own seed.
/// Infrastructure of saved GAN models; not for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[CustomMappingFactoryAttribute(GanChainColumns.SeededContract)]
internal sealed class SeededGenerationMappingFactory : CustomMappingFactory<SeededGenerationInput, GenerationOutput>
{
    /// <summary>The mapping.</summary>
    public static void Map(SeededGenerationInput input, GenerationOutput output) =>
        output.Prepare(input.Payload).ReadSeededRow(input.Seed, output.Generated);

    /// <inheritdoc/>
    public override Action<SeededGenerationInput, GenerationOutput> GetMapping() => Map;
}
