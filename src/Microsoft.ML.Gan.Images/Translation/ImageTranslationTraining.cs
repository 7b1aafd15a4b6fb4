using Microsoft.ML.Gan.Images.Training;
using Microsoft.ML.Transforms.Image;

namespace Microsoft.ML.Gan.Images;

/// <summary>
/// Image-to-image training (pix2pix, SRGAN or CycleGAN, chosen by the options' type); the fitted model maps the input
/// image column to a new output column.
/// </summary>
internal sealed class ImageTranslationTraining(ImageTranslationOptions options) : ImageFamilyTraining<ImageTranslationTransformer>
{
    public override GanTrainingOptions Options => options;

    public override string ComponentName => "ImageTranslationEstimator";

    /// <summary>CycleGAN reads two unpaired views; pix2pix and SRGAN one.</summary>
    public override void CheckInputs(IDataView input, IDataView secondInput)
    {
        if (options is not CycleGanOptions && !ReferenceEquals(input, secondInput))
            throw new InvalidOperationException($"{options.Kind} trains on one data view with paired columns; only CycleGAN takes two unpaired views.");
    }

    public override ImageTranslationTransformer Fit(ImageFitContext context)
    {
        var (seed, device, log) = (context.Seed, context.Device, context.Log);
        var result = options switch
        {
            Pix2PixOptions pix2pix => TranslationTraining.Pix2Pix(pix2pix, context.Input, seed, device, log),
            SuperResolutionOptions superResolution => TranslationTraining.SuperResolution(superResolution, context.Input, seed, device, log),
            CycleGanOptions cycleGan => TranslationTraining.CycleGan(cycleGan, context.Input, context.SecondInput, seed, device, log),
            _ => throw new InvalidOperationException($"Unknown image translation options {options.GetType().Name}; use Pix2PixOptions, SuperResolutionOptions or CycleGanOptions."),
        };
        var generator = new ImageTranslationGenerator(options.NetworkSpec(), options.PixelMin, options.PixelMax, result.Network, result.Reverse, device);
        var settings = new GanGenerationSettings(options.OutputColumnName, seed, null,
            new GanConditionColumn(options.InputColumnName, GanConditionKind.Vector));
        return ImageTranslationFamily.Instance.Create(context.MLContext, generator, settings, result.Summary, Guid.NewGuid());
    }

    public override SchemaShape GetOutputSchema(MLContext mlContext, SchemaShape inputSchema)
    {
        var columns = new List<(string Name, string Option)> { (options.TargetColumnName, nameof(ImageTranslationOptions.TargetColumnName)) };
        bool readsInput = options is CycleGanOptions || options is Pix2PixOptions { InputFromTargetGrayscale: false };
        if (readsInput)
            columns.Add((options.InputColumnName, nameof(ImageTranslationOptions.InputColumnName)));
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
            ? mlContext.Transforms.ExtractPixels(options.OutputColumnName, last.Name).GetOutputSchema(inputSchema)
            : mlContext.Transforms.CopyColumns(options.OutputColumnName, last.Name).GetOutputSchema(inputSchema);
    }
}
