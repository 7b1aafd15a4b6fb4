using Microsoft.ML.Data;
using Microsoft.ML.Gan.Persistence.Mappings;

namespace Microsoft.ML.Gan.Persistence;

/// <summary>
/// Builds the chain of built-in, saveable ML.NET transformers that a live GAN transformer delegates
/// <c>ICanSaveModel.Save</c> to. <c>mlContext.Model.Load</c> returns this chain, and it generates the same rows.
/// </summary>
/// <remarks>
/// The steps: (1) a stateful custom mapping emits key 1 on the first row a cursor generates and 0 afterwards;
/// (2) a value mapping turns key 1 into the model record's bytes (this is how the weights get inside the zip) and
/// key 0 into an empty vector, so the bytes are copied once per cursor, not once per row; (3) with a seed column, a
/// type conversion copies it to Int64; (4) a stateful custom mapping deserializes the generator on its first row
/// (cached per process by payload id) and generates each row; (5) the row is copied to the output column and the
/// temporary columns are dropped. Custom mappings save only their contract name and assembly, which ML.NET loads
/// by itself; the family's deserializer must be registered in <see cref="GanPayloadRegistry"/>.
/// </remarks>
public static class GanTransformerChain
{
    /// <summary>Builds the saveable chain for a model.</summary>
    /// <param name="mlContext">The context whose catalogs create the steps.</param>
    /// <param name="model">The generator and its settings.</param>
    /// <returns>A <see cref="TransformerChain{TLastTransformer}"/> of built-in transformers.</returns>
    public static TransformerChain<ITransformer> Build(MLContext mlContext, GanSavedModel model)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(model);
        var transforms = mlContext.Transforms;
        var settings = model.Settings;
        byte[] record = model.ToBytes();

        IEstimator<ITransformer> pipeline = transforms.StatefulCustomMapping<NoInputColumns, PayloadKeyRow, PayloadKeyState>(
            PayloadKeyMappingFactory.Map, PayloadKeyMappingFactory.Init, GanChainColumns.PayloadKeyContract);
        pipeline = pipeline.Append(transforms.Conversion.MapValue(
            GanChainColumns.Payload, [new KeyValuePair<uint, byte[]>(1u, record)], GanChainColumns.PayloadKey));
        var temporaries = new List<string> { GanChainColumns.PayloadKey, GanChainColumns.Payload, GanChainColumns.Generated };
        if (settings.SeedColumnName is { } seedColumn)
        {
            pipeline = pipeline
                .Append(transforms.Conversion.ConvertType(GanChainColumns.Seed, seedColumn, DataKind.Int64))
                .Append(transforms.StatefulCustomMapping<SeededGenerationInput, GenerationOutput, GenerationState>(
                    SeededGenerationMappingFactory.Map, StreamGenerationMappingFactory.Init, GanChainColumns.SeededContract));
            temporaries.Add(GanChainColumns.Seed);
        }
        else
        {
            pipeline = pipeline.Append(transforms.StatefulCustomMapping<StreamGenerationInput, GenerationOutput, GenerationState>(
                StreamGenerationMappingFactory.Map, StreamGenerationMappingFactory.Init, GanChainColumns.StreamContract));
        }
        pipeline = pipeline
            .Append(transforms.CopyColumns(settings.OutputColumnName, GanChainColumns.Generated))
            .Append(transforms.DropColumns([.. temporaries]));

        // Every step is trivial (nothing is learned from data); fitting only checks the schema, so an empty view
        // with the seed column (when there is one) is enough.
        var chain = (TransformerChain<ITransformer>)pipeline.Fit(SchemaOnlyData(mlContext, settings.SeedColumnName));
        return chain;
    }

    private static IDataView SchemaOnlyData(MLContext mlContext, string? seedColumn)
    {
        if (seedColumn is null)
            return new RowCountDataView(0);
        var definition = SchemaDefinition.Create(typeof(SeedRow));
        definition[0].ColumnName = seedColumn;
        return mlContext.Data.LoadFromEnumerable(Array.Empty<SeedRow>(), definition);
    }

    private sealed class SeedRow
    {
        public long Seed { get; set; }
    }
}
