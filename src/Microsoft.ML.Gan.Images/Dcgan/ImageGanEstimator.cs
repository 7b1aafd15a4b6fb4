using Microsoft.ML.Data;
using Microsoft.ML.Gan.Images.Data;
using Microsoft.ML.Transforms.Image;
using Microsoft.ML.Gan.Images.Networks;
using Microsoft.ML.Gan.Images.Training;
using Microsoft.ML.Gan.Persistence;
using Microsoft.ML.Gan.Torch;
using Microsoft.ML.Gan.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Images;

/// <summary>
/// Learns the distribution of an image column (MLImage or planar float vector, optionally with a class label) with a
/// convolutional GAN (DCGAN, WGAN, WGAN-GP, cGAN, AC-GAN or projection, depending on the options) trained by the shared
/// engine, and returns an <see cref="ImageGanTransformer"/>.
/// </summary>
public sealed class ImageGanEstimator : IEstimator<ImageGanTransformer>
{
    private readonly MLContext _mlContext;
    private readonly ImageGanOptions _options;

    internal ImageGanEstimator(MLContext mlContext, ImageGanOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _mlContext = mlContext;
        _options = options;
    }

    /// <summary>Trains the GAN on <paramref name="input"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A column is missing or of the wrong type or size, a label is out of
    /// range, or the batch is larger than the data.</exception>
    /// <exception cref="ArgumentException">The data is empty or holds non-finite pixels.</exception>
    public ImageGanTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var conditional = _options.Conditioning != ImageConditioning.None;
        var set = ImageColumnReader.Read(input, _options);
        _options.RequireBatchWithin(set.Count, "images");
        if (conditional && set.ClassCount < 2)
            throw new ArgumentOutOfRangeException(nameof(ImageGanOptions.LabelColumnName),
                $"Column '{_options.LabelColumnName}' (LabelColumnName) has {set.ClassCount} class; a conditional GAN needs at least 2.");

        int seed = GanHost.ResolveSeed(_mlContext, _options.Seed, nameof(ImageGanEstimator));
        var device = TorchDevices.Resolve(_options.Device);
        var spec = ImageNetworkSpec.From(_options, set.ClassCount);
        TorchRuntime.SetThreads(_options.Threads);
        TorchRuntime.Seed(seed);
        using var images = Metrics.ImageTensors.Pixels(set, device);
        using var labels = conditional ? tensor(set.Labels!.Select(l => (long)l).ToArray(), device: device) : null;
        using var problem = new ImageGanProblem(spec, images, labels, _options.AuxiliaryLossWeight, _options.DiffAugment, device);
        var options = _options.SampleGridPath is null ? _options : _options.WithProgress<ImageGanOptions>(new SampleGridProgress(_options,
            problem.GeneratorNetwork, () => new ImageGanGenerator(spec, 0, 1, problem.GeneratorNetwork, device), seed));
        var (trained, summary) = GanHost.WithLog(_mlContext, nameof(ImageGanEstimator), log => new GanTrainer(options, log).Train(problem, seed));

        // Keep the fitted generator: the EMA copy is already separate, otherwise copy the weights out of the problem.
        var network = FittedGenerator.Keep(trained, problem.Generator, ImageNetworks.CreateGenerator(spec));
        var generator = new ImageGanGenerator(spec, _options.PixelMin, _options.PixelMax, network.to(device), device);
        var settings = new GanGenerationSettings(_options.OutputColumnName, seed, _options.SeedColumnName);
        return new ImageGanTransformer(_mlContext, generator, settings, summary, Guid.NewGuid());
    }

    /// <summary>The input schema plus the generated image column; checks the image and label columns.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A column is missing or of the wrong type or size.</exception>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        var output = ImageSchema.WithGeneratedColumn(_mlContext, _options, inputSchema);
        if (_options.Conditioning != ImageConditioning.None)
        {
            var label = inputSchema.FirstOrDefault(c => c.Name == _options.LabelColumnName);
            if (label.Name is null)
                throw new ArgumentOutOfRangeException(nameof(ImageGanOptions.LabelColumnName), $"Column '{_options.LabelColumnName}' (LabelColumnName) is not in the input.");
            if (label.Kind == SchemaShape.Column.VectorKind.Scalar && !label.IsKey)
                LabelColumnReader.CheckType(label.Name, label.ItemType);
        }
        return output;
    }
}
