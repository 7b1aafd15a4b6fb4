using Microsoft.ML.Gan.Images.Metrics;
using Microsoft.ML.Gan.Images.Training;

namespace Microsoft.ML.Gan.Images.TextToImage;

/// <summary>
/// Text-to-image training (GAN-INT-CLS, Reed et al. 2016): images generated from a text-vector column with DCGAN
/// networks; the fitted model maps that column to images.
/// </summary>
internal sealed class TextToImageTraining(TextToImageOptions options) : GeneratingFamilyTraining<TextToImageOptions, TextToImageTransformer>(options)
{
    public override string ComponentName => "TextToImageEstimator";

    /// <summary>The text-vector column: present, a known-size vector of Single.</summary>
    protected override void CheckColumns(DataViewSchema schema) => TextVectorColumn.Length(schema, FamilyOptions.ConditionColumnName);

    protected override TextToImageTransformer Train(ImageFitContext context, ImageSet set)
    {
        var input = context.Input;
        int conditionLength = TextVectorColumn.Length(input.Schema, FamilyOptions.ConditionColumnName);
        var texts = TextVectorColumn.Read(input, FamilyOptions.ConditionColumnName);

        var device = context.Device;
        var spec = TextToImageSpec.From(FamilyOptions, conditionLength);
        GeneratorTraining.PrepareTorch(FamilyOptions, context.Seed);
        using var images = ImageTensors.Pixels(set, device);
        using var textTensor = tensor(texts, new long[] { set.Count, conditionLength }, device: device);
        using var problem = new TextToImageProblem(spec, images, textTensor, FamilyOptions, device);
        var (network, summary) = GeneratorTraining.Train(FamilyOptions, context, problem, problem.GeneratorNetwork,
            () => new TextToImageGenerator(problem.GeneratorNetwork, 0, 1, device), new TextConditionedGenerator(spec));
        var generator = new TextToImageGenerator(network, FamilyOptions.PixelMin, FamilyOptions.PixelMax, device);
        var settings = new GanGenerationSettings(FamilyOptions.OutputColumnName, context.Seed, FamilyOptions.SeedColumnName,
            new GanConditionColumn(FamilyOptions.ConditionColumnName, GanConditionKind.Vector));
        return TextToImageFamily.Instance.Create(context.MLContext, generator, settings, summary, Guid.NewGuid());
    }

    public override SchemaShape GetOutputSchema(MLContext mlContext, SchemaShape inputSchema)
    {
        var output = base.GetOutputSchema(mlContext, inputSchema);
        var text = inputSchema.FirstOrDefault(c => c.Name == FamilyOptions.ConditionColumnName);
        if (text.Name is null)
            throw new ArgumentOutOfRangeException(nameof(TextToImageOptions.ConditionColumnName),
                $"Column '{FamilyOptions.ConditionColumnName}' (ConditionColumnName) is not in the input.");
        if (text.Kind != SchemaShape.Column.VectorKind.Vector || text.ItemType != NumberDataViewType.Single)
            throw new ArgumentOutOfRangeException(nameof(TextToImageOptions.ConditionColumnName),
                $"Column '{text.Name}' (ConditionColumnName) has type {text.ItemType} ({text.Kind}); expected a known-size vector of Single.");
        return output;
    }
}
