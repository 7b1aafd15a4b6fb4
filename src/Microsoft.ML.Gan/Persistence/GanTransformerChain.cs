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
internal static class GanTransformerChain
{
    /// <summary>Builds the saveable chain for a model.</summary>
    /// <param name="mlContext">The context whose catalogs create the steps.</param>
    /// <param name="model">The generator and its settings.</param>
    /// <param name="generator">
    /// The live generator; needed only when the settings name a condition column (the chain's condition steps
    /// depend on its categories or condition length).
    /// </param>
    /// <param name="derivation">The family's derived column, computed after the generated column; null for none.</param>
    /// <returns>A <see cref="TransformerChain{TLastTransformer}"/> of built-in transformers (and the derivation's step).</returns>
    /// <exception cref="ArgumentException">The settings name a condition column but no conditional generator was given.</exception>
    public static TransformerChain<ITransformer> Build(MLContext mlContext, GanSavedModel model, IRowGenerator? generator = null,
        GeneratedColumnDerivation? derivation = null)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(model);
        var transforms = mlContext.Transforms;
        var settings = model.Settings;
        IConditionalRowGenerator? conditional = null;
        if (settings.Condition is { } condition)
        {
            conditional = ConditionBinding.AsConditional(generator ?? throw new ArgumentException(
                $"The model is conditioned on {condition}: pass its generator to build the chain.", nameof(generator)), condition);
        }
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
            pipeline = pipeline.Append(transforms.Conversion.ConvertType(GanChainColumns.Seed, seedColumn, DataKind.Int64));
            temporaries.Add(GanChainColumns.Seed);
        }
        if (settings.Condition is { } conditionColumn)
            pipeline = pipeline.Append(ConditionSteps(mlContext, conditionColumn, conditional!, temporaries));
        pipeline = pipeline
            .Append(GenerationStep(transforms, settings))
            .Append(transforms.CopyColumns(settings.OutputColumnName, GanChainColumns.Generated));
        if (derivation is not null)
        {
            pipeline = pipeline.Append(derivation.CreateChainStep(mlContext));
            temporaries.AddRange(derivation.ChainTemporaryColumns);
        }
        pipeline = pipeline.Append(transforms.DropColumns([.. temporaries]));

        // Every step is trivial (nothing is learned from data); fitting only checks the schema, so an empty view
        // with the seed and condition columns (when there are some) is enough.
        var fitted = (IEnumerable<ITransformer>)pipeline.Fit(SchemaOnlyData.Create(mlContext, settings, conditional));
        return new TransformerChain<ITransformer>(fitted.ToArray());
    }

    private static IEstimator<ITransformer> GenerationStep(TransformsCatalog transforms, GanGenerationSettings settings) =>
        (settings.SeedColumnName is not null, settings.Condition is not null) switch
        {
            (false, false) => transforms.CustomMapping<StreamGenerationInput, GenerationOutput>(
                StreamGenerationMappingFactory.Map, GanChainColumns.StreamContract),
            (true, false) => transforms.CustomMapping<SeededGenerationInput, GenerationOutput>(
                SeededGenerationMappingFactory.Map, GanChainColumns.SeededContract),
            (false, true) => transforms.CustomMapping<ConditionedStreamInput, GenerationOutput>(
                ConditionedStreamMappingFactory.Map, GanChainColumns.ConditionedStreamContract),
            (true, true) => transforms.CustomMapping<ConditionedSeededInput, GenerationOutput>(
                ConditionedSeededMappingFactory.Map, GanChainColumns.ConditionedSeededContract),
        };

    /// <summary>
    /// Steps that turn the condition column into the float vector the generation step reads: a vector as is; a key
    /// as a one-hot row; a text first as a key over the model's categories (unknown text becomes an all-zero row,
    /// which the generation step reports); an index as one Single.
    /// </summary>
    private static IEstimator<ITransformer> ConditionSteps(MLContext mlContext, GanConditionColumn condition,
        IConditionalRowGenerator generator, List<string> temporaries)
    {
        var conversion = mlContext.Transforms.Conversion;
        temporaries.Add(GanChainColumns.Condition);
        switch (condition.Kind)
        {
            case GanConditionKind.Text:
                temporaries.Add(GanChainColumns.ConditionKey);
                var categories = mlContext.Data.LoadFromEnumerable(
                    generator.ConditionCategories!.Select(c => new CategoryRow { Category = c }).ToArray());
                return conversion.MapValueToKey(GanChainColumns.ConditionKey, condition.Name, keyData: categories)
                    .Append(conversion.MapKeyToVector(GanChainColumns.Condition, GanChainColumns.ConditionKey));
            case GanConditionKind.Key:
                return conversion.MapKeyToVector(GanChainColumns.Condition, condition.Name);
            case GanConditionKind.Index:
                temporaries.Add(GanChainColumns.ConditionKey);
                return conversion.ConvertType(GanChainColumns.ConditionKey, condition.Name, DataKind.Single)
                    .Append(mlContext.Transforms.Concatenate(GanChainColumns.Condition, GanChainColumns.ConditionKey));
            default:
                return mlContext.Transforms.Concatenate(GanChainColumns.Condition, condition.Name);
        }
    }

    private sealed class CategoryRow
    {
        public string Category { get; set; } = "";
    }
}
