using Microsoft.ML.Data;
using Microsoft.ML.Gan.Images.Data;
using Microsoft.ML.Gan.Images.Metrics;
using Microsoft.ML.Gan.Images.Training;
using Microsoft.ML.Gan.Persistence;
using Microsoft.ML.Gan.Training;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Images.TextToImage;

/// <summary>
/// Text-to-image training (GAN-INT-CLS, Reed et al. 2016): images generated from a text-vector column with DCGAN
/// networks; the fitted model maps that column to images.
/// </summary>
internal sealed class TextToImageTraining(TextToImageOptions options) : ImageFamilyTraining<TextToImageTransformer>
{
    public override GanTrainingOptions Options => options;

    public override string ComponentName => "TextToImageEstimator";

    public override TextToImageTransformer Fit(ImageFitContext context)
    {
        var input = context.Input;
        int conditionLength = TextVectorColumn.Length(input.Schema, options.ConditionColumnName);
        var set = ImageColumnReader.Read(input, options);
        var texts = TextVectorColumn.Read(input, options.ConditionColumnName);
        options.RequireBatchWithin(set.Count, "images");

        var device = context.Device;
        var spec = TextToImageSpec.From(options, conditionLength);
        GeneratorTraining.PrepareTorch(options, context.Seed);
        using var images = ImageTensors.Pixels(set, device);
        using var textTensor = tensor(texts, new long[] { set.Count, conditionLength }, device: device);
        using var problem = new TextToImageProblem(spec, images, textTensor, options, device);
        var (network, summary) = GeneratorTraining.Train(options, context, problem, problem.GeneratorNetwork,
            () => new TextToImageGenerator(problem.GeneratorNetwork, 0, 1, device), new TextConditionedGenerator(spec));
        var generator = new TextToImageGenerator(network, options.PixelMin, options.PixelMax, device);
        var settings = new GanGenerationSettings(options.OutputColumnName, context.Seed, options.SeedColumnName,
            new GanConditionColumn(options.ConditionColumnName, GanConditionKind.Vector));
        return TextToImageFamily.Instance.Create(context.MLContext, generator, settings, summary, Guid.NewGuid());
    }

    public override SchemaShape GetOutputSchema(MLContext mlContext, SchemaShape inputSchema)
    {
        var output = ImageSchema.WithGeneratedColumn(mlContext, options, inputSchema);
        var text = inputSchema.FirstOrDefault(c => c.Name == options.ConditionColumnName);
        if (text.Name is null)
            throw new ArgumentOutOfRangeException(nameof(TextToImageOptions.ConditionColumnName),
                $"Column '{options.ConditionColumnName}' (ConditionColumnName) is not in the input.");
        if (text.Kind != SchemaShape.Column.VectorKind.Vector || text.ItemType != NumberDataViewType.Single)
            throw new ArgumentOutOfRangeException(nameof(TextToImageOptions.ConditionColumnName),
                $"Column '{text.Name}' (ConditionColumnName) has type {text.ItemType} ({text.Kind}); expected a known-size vector of Single.");
        return output;
    }
}
