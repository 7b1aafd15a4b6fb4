using Microsoft.ML.Data;
using Microsoft.ML.Gan.Persistence.Mappings;

namespace Microsoft.ML.Gan.Persistence;

/// <summary>
/// Builds the chain of built-in, saveable ML.NET transformers that a live GAN transformer delegates
/// <c>ICanSaveModel.Save</c> to. <c>mlContext.Model.Load</c> returns this chain, and it generates the same rows.
/// </summary>
/// <remarks>
/// The steps: (1) a stateful custom mapping (never split across threads) numbers the rows of each cursor and emits a
/// constant key; (2) a value mapping turns the key into the model record as base64 text (this is how the weights
/// get inside the zip; a text value reaches every row without being copied); (3) with a seed column, a type
/// conversion copies it to Int64; (4) a custom mapping deserializes the generator once per loaded model and
/// generates each row from its index (or seed); (5) the row is copied to the output column and the temporary
/// columns are dropped. Custom mappings save only their contract name and assembly, which ML.NET loads
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
        string record = PayloadText.Encode(model.ToBytes());

        IEstimator<ITransformer> pipeline = transforms.StatefulCustomMapping<NoInputColumns, RowIndexRow, RowIndexState>(
            RowIndexMappingFactory.Map, RowIndexMappingFactory.Init, GanChainColumns.RowIndexContract);
        pipeline = pipeline.Append(transforms.Conversion.MapValue(
            GanChainColumns.Payload, [new KeyValuePair<uint, string>(1u, record)], GanChainColumns.PayloadKey));
        var temporaries = new List<string>
        {
            GanChainColumns.PayloadKey, GanChainColumns.RowIndex, GanChainColumns.Payload, GanChainColumns.Generated,
        };
        if (settings.SeedColumnName is { } seedColumn)
        {
            pipeline = pipeline
                .Append(transforms.Conversion.ConvertType(GanChainColumns.Seed, seedColumn, DataKind.Int64))
                .Append(transforms.CustomMapping<SeededGenerationInput, GenerationOutput>(
                    SeededGenerationMappingFactory.Map, GanChainColumns.SeededContract));
            temporaries.Add(GanChainColumns.Seed);
        }
        else
        {
            pipeline = pipeline.Append(transforms.CustomMapping<StreamGenerationInput, GenerationOutput>(
                StreamGenerationMappingFactory.Map, GanChainColumns.StreamContract));
        }
        pipeline = pipeline
            .Append(transforms.CopyColumns(settings.OutputColumnName, GanChainColumns.Generated))
            .Append(transforms.DropColumns([.. temporaries]));

        // Every step is trivial (nothing is learned from data); fitting only checks the schema, so an empty view
        // with the seed column (when there is one) is enough.
        var fitted = (IEnumerable<ITransformer>)pipeline.Fit(SchemaOnlyData(mlContext, settings.SeedColumnName));
        return new TransformerChain<ITransformer>(fitted.ToArray());
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
