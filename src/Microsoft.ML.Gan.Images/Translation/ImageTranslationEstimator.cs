using Microsoft.ML.Data;
using Microsoft.ML.Gan.Persistence;
using Microsoft.ML.Gan.Torch;
using Microsoft.ML.Transforms.Image;

namespace Microsoft.ML.Gan.Images;

/// <summary>
/// Trains an image-to-image GAN (pix2pix, SRGAN or CycleGAN, chosen by the options' type) with the shared engine and
/// returns an <see cref="ImageTranslationTransformer"/> that maps the input image column to a new output column.
/// </summary>
public sealed class ImageTranslationEstimator : IEstimator<ImageTranslationTransformer>
{
    private readonly MLContext _mlContext;
    private readonly ImageTranslationOptions _options;

    internal ImageTranslationEstimator(MLContext mlContext, ImageTranslationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _mlContext = mlContext;
        _options = options;
    }

    /// <summary>
    /// Trains on <paramref name="input"/>: pix2pix reads paired input and target columns (or only the target with
    /// <see cref="Pix2PixOptions.InputFromTargetGrayscale"/>); SRGAN reads the high-resolution target column; CycleGAN
    /// reads both columns and samples them independently (unpaired).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A column is missing or of the wrong type or size, or the batch is larger than the data.</exception>
    /// <exception cref="ArgumentException">The data is empty or holds non-finite pixels.</exception>
    public ImageTranslationTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Fit(input, input);
    }

    /// <summary>CycleGAN on unpaired data: domain A images from <paramref name="domainA"/>'s input column, domain B
    /// images from <paramref name="domainB"/>'s target column (the two views may have different row counts).</summary>
    /// <exception cref="InvalidOperationException">The options are not CycleGAN's (pix2pix and SRGAN train on one view).</exception>
    public ImageTranslationTransformer Fit(IDataView domainA, IDataView domainB)
    {
        ArgumentNullException.ThrowIfNull(domainA);
        ArgumentNullException.ThrowIfNull(domainB);
        if (_options is not CycleGanOptions && !ReferenceEquals(domainA, domainB))
            throw new InvalidOperationException($"{_options.Kind} trains on one data view with paired columns; only CycleGAN takes two unpaired views.");
        int seed = GanHost.ResolveSeed(_mlContext, _options.Seed, nameof(ImageTranslationEstimator));
        var device = TorchDevices.Resolve(_options.Device);
        var result = GanHost.WithLog(_mlContext, nameof(ImageTranslationEstimator), log => _options switch
        {
            Pix2PixOptions pix2pix => TranslationTraining.Pix2Pix(pix2pix, domainA, seed, device, log),
            SuperResolutionOptions superResolution => TranslationTraining.SuperResolution(superResolution, domainA, seed, device, log),
            CycleGanOptions cycleGan => TranslationTraining.CycleGan(cycleGan, domainA, domainB, seed, device, log),
            _ => throw new InvalidOperationException($"Unknown image translation options {_options.GetType().Name}; use Pix2PixOptions, SuperResolutionOptions or CycleGanOptions."),
        });
        var generator = new ImageTranslationGenerator(_options.NetworkSpec(), _options.PixelMin, _options.PixelMax, result.Network, result.Reverse, device);
        var settings = new GanGenerationSettings(_options.OutputColumnName, seed, null,
            new GanConditionColumn(_options.InputColumnName, GanConditionKind.Vector));
        return new ImageTranslationTransformer(_mlContext, generator, settings, result.Summary, Guid.NewGuid());
    }

    /// <summary>The input schema plus the translated image column; checks the training columns.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A column is missing or of the wrong type.</exception>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        var columns = new List<(string Name, string Option)> { (_options.TargetColumnName, nameof(ImageTranslationOptions.TargetColumnName)) };
        bool readsInput = _options is CycleGanOptions || _options is Pix2PixOptions { InputFromTargetGrayscale: false };
        if (readsInput)
            columns.Add((_options.InputColumnName, nameof(ImageTranslationOptions.InputColumnName)));
        SchemaShape.Column last = default;
        foreach (var (name, option) in columns)
        {
            last = inputSchema.FirstOrDefault(c => c.Name == name);
            if (last.Name is null)
                throw new ArgumentOutOfRangeException(option, $"Column '{name}' ({option}) is not in the input.");
            bool isImage = last.Kind == SchemaShape.Column.VectorKind.Scalar && last.ItemType is ImageDataViewType;
            if (!isImage && (last.Kind != SchemaShape.Column.VectorKind.Vector || last.ItemType != NumberDataViewType.Single))
                throw new ArgumentOutOfRangeException(option,
                    $"Column '{name}' ({option}) has type {last.ItemType}; expected an image (MLImage) or a known-size vector of Single.");
        }
        // SchemaShape.Column has no public constructor: let a built-in estimator describe the translated float vector.
        return last.ItemType is ImageDataViewType
            ? _mlContext.Transforms.ExtractPixels(_options.OutputColumnName, last.Name).GetOutputSchema(inputSchema)
            : _mlContext.Transforms.CopyColumns(_options.OutputColumnName, last.Name).GetOutputSchema(inputSchema);
    }
}
