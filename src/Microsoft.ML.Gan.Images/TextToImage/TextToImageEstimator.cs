using Microsoft.ML.Gan.Images.Data;
using Microsoft.ML.Gan.Images.Metrics;
using Microsoft.ML.Gan.Images.Training;
using Microsoft.ML.Gan.Persistence;
using Microsoft.ML.Gan.Torch;
using Microsoft.ML.Gan.Training;
using Microsoft.ML.Data;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Images.TextToImage;

/// <summary>
/// Learns to generate images from a text-vector column (GAN-INT-CLS, Reed et al. 2016) with DCGAN networks trained
/// by the shared engine, and returns a <see cref="TextToImageTransformer"/> that maps that column to images.
/// </summary>
public sealed class TextToImageEstimator : IEstimator<TextToImageTransformer>
{
    private readonly MLContext _mlContext;
    private readonly TextToImageOptions _options;

    internal TextToImageEstimator(MLContext mlContext, TextToImageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _mlContext = mlContext;
        _options = options;
    }

    /// <summary>Trains on the image and text-vector columns of <paramref name="input"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A column is missing or of the wrong type or size, or the batch is
    /// larger than the data.</exception>
    /// <exception cref="ArgumentException">The data is empty or holds non-finite values.</exception>
    public TextToImageTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        int conditionLength = TextVectorColumn.Length(input.Schema, _options.ConditionColumnName);
        var set = ImageColumnReader.Read(input, _options);
        var texts = TextVectorColumn.Read(input, _options.ConditionColumnName);
        _options.RequireBatchWithin(set.Count, "images");

        int seed = GanHost.ResolveSeed(_mlContext, _options.Seed, nameof(TextToImageEstimator));
        var device = TorchDevices.Resolve(_options.Device);
        var spec = TextToImageSpec.From(_options, conditionLength);
        TorchRuntime.SetThreads(_options.Threads);
        TorchRuntime.Seed(seed);
        using var images = ImageTensors.Pixels(set, device);
        using var textTensor = tensor(texts, new long[] { set.Count, conditionLength }, device: device);
        using var problem = new TextToImageProblem(spec, images, textTensor, _options, device);
        var options = _options.SampleGridPath is null ? _options : _options.WithProgress<TextToImageOptions>(new SampleGridProgress(_options,
            problem.GeneratorNetwork, () => new TextToImageGenerator(problem.GeneratorNetwork, 0, 1, device), seed));
        var (trained, summary) = GanHost.WithLog(_mlContext, nameof(TextToImageEstimator), log => new GanTrainer(options, log).Train(problem, seed));

        var network = FittedGenerator.Keep(trained, problem.Generator, new TextConditionedGenerator(spec));
        var generator = new TextToImageGenerator(TorchSharp.ModuleExtensionMethods.to(network, device), _options.PixelMin, _options.PixelMax, device);
        var settings = new GanGenerationSettings(_options.OutputColumnName, seed, _options.SeedColumnName,
            new GanConditionColumn(_options.ConditionColumnName, GanConditionKind.Vector));
        return new TextToImageTransformer(_mlContext, generator, settings, summary, Guid.NewGuid());
    }

    /// <summary>The input schema plus the generated image column; checks the image and text-vector columns.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A column is missing or of the wrong type.</exception>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        var output = ImageSchema.WithGeneratedColumn(_mlContext, _options, inputSchema);
        var text = inputSchema.FirstOrDefault(c => c.Name == _options.ConditionColumnName);
        if (text.Name is null)
            throw new ArgumentOutOfRangeException(nameof(TextToImageOptions.ConditionColumnName),
                $"Column '{_options.ConditionColumnName}' (ConditionColumnName) is not in the input.");
        if (text.Kind != SchemaShape.Column.VectorKind.Vector || text.ItemType != NumberDataViewType.Single)
            throw new ArgumentOutOfRangeException(nameof(TextToImageOptions.ConditionColumnName),
                $"Column '{text.Name}' (ConditionColumnName) has type {text.ItemType} ({text.Kind}); expected a known-size vector of Single.");
        return output;
    }
}
