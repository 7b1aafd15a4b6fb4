using Microsoft.ML.Gan.Images.Data;
using Microsoft.ML.Gan.Images.Metrics;
using Microsoft.ML.Gan.Images.Training;
using Microsoft.ML.Gan.Persistence;
using Microsoft.ML.Gan.Torch;
using Microsoft.ML.Gan.Training;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Images.StyleGan;

/// <summary>
/// Learns the distribution of an image column (MLImage or planar float vector) with a small StyleGAN2-style generator
/// trained by the shared engine, and returns a <see cref="StyleGanTransformer"/>.
/// </summary>
public sealed class StyleGanEstimator : IEstimator<StyleGanTransformer>
{
    private readonly MLContext _mlContext;
    private readonly StyleGanOptions _options;

    internal StyleGanEstimator(MLContext mlContext, StyleGanOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _mlContext = mlContext;
        _options = options;
    }

    /// <summary>Trains StyleGAN on <paramref name="input"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The image column is missing or of the wrong type or size, or the
    /// batch is larger than the data.</exception>
    /// <exception cref="ArgumentException">The data is empty or holds non-finite pixels.</exception>
    public StyleGanTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var set = ImageColumnReader.Read(input, _options);
        _options.RequireBatchWithin(set.Count, "images");

        int seed = GanHost.ResolveSeed(_mlContext, _options.Seed, nameof(StyleGanEstimator));
        var device = TorchDevices.Resolve(_options.Device);
        var spec = StyleGanSpec.From(_options);
        TorchRuntime.SetThreads(_options.Threads);
        TorchRuntime.Seed(seed);
        using var images = PaddedPixels(set, spec, device);
        using var problem = new StyleGanProblem(spec, images, _options.StyleMixingProbability, _options.NoiseMode, device);
        var options = _options.SampleGridPath is null ? _options : _options.WithProgress<StyleGanOptions>(new SampleGridProgress(_options,
            problem.GeneratorNetwork, () => new StyleGanImageGenerator(problem.GeneratorNetwork, 0, 1, 1, _options.GenerationNoiseMode, device), seed));
        var (trained, summary) = GanHost.WithLog(_mlContext, nameof(StyleGanEstimator), log => new GanTrainer(options, log).Train(problem, seed));

        var network = FittedGenerator.Keep(trained, problem.Generator, new StyleGenerator(spec));
        var generator = new StyleGanImageGenerator(TorchSharp.ModuleExtensionMethods.to(network, device), _options.PixelMin, _options.PixelMax,
            _options.Truncation, _options.GenerationNoiseMode, device);
        var settings = new GanGenerationSettings(_options.OutputColumnName, seed, _options.SeedColumnName);
        return new StyleGanTransformer(_mlContext, generator, settings, summary, Guid.NewGuid());
    }

    /// <summary>The input schema plus the generated image column; checks the image column.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The image column is missing or of the wrong type.</exception>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema) => ImageSchema.WithGeneratedColumn(_mlContext, _options, inputSchema);

    /// <summary>[N, C, R, R] in [−1, 1]: the images centred on a black (−1) square of the network resolution.</summary>
    private static Tensor PaddedPixels(ImageSet set, StyleGanSpec spec, Device device)
    {
        using var scope = NewDisposeScope();
        var pixels = ImageTensors.Pixels(set, device);
        int right = spec.Resolution - set.Shape.Width - spec.PadLeft, bottom = spec.Resolution - set.Shape.Height - spec.PadTop;
        var padded = nn.functional.pad(pixels, new long[] { spec.PadLeft, right, spec.PadTop, bottom }, value: -1);
        return padded.MoveToOuterDisposeScope();
    }
}
