using Microsoft.ML.Gan.Images.Data;
using Microsoft.ML.Gan.Images.Metrics;
using Microsoft.ML.Gan.Images.Networks;
using Microsoft.ML.Gan.Images.Training;
using Microsoft.ML.Gan.Persistence;
using Microsoft.ML.Gan.Training;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Images;

/// <summary>
/// The DCGAN-like family's training: an image column (MLImage or planar float vector, with a class label when
/// conditional) learned by a convolutional or MLP GAN (DCGAN, WGAN, WGAN-GP, cGAN, AC-GAN or projection, depending on
/// the options).
/// </summary>
internal sealed class ImageGanTraining(ImageGanOptions options) : ImageFamilyTraining<ImageGanTransformer>
{
    public override GanTrainingOptions Options => options;

    public override string ComponentName => "ImageGanEstimator";

    public override ImageGanTransformer Fit(ImageFitContext context)
    {
        var conditional = options.Conditioning != ImageConditioning.None;
        var set = ImageColumnReader.Read(context.Input, options);
        options.RequireBatchWithin(set.Count, "images");
        if (conditional && set.ClassCount < 2)
            throw new ArgumentOutOfRangeException(nameof(ImageGanOptions.LabelColumnName),
                $"Column '{options.LabelColumnName}' (LabelColumnName) has {set.ClassCount} class; a conditional GAN needs at least 2.");

        var device = context.Device;
        var spec = ImageNetworkSpec.From(options, set.ClassCount);
        GeneratorTraining.PrepareTorch(options, context.Seed);
        using var images = ImageTensors.Pixels(set, device);
        using var labels = conditional ? tensor(set.Labels!.Select(l => (long)l).ToArray(), device: device) : null;
        using var problem = new ImageGanProblem(spec, images, labels, options.AuxiliaryLossWeight, options.DiffAugment, device);
        var (network, summary) = GeneratorTraining.Train(options, context, problem, problem.GeneratorNetwork,
            () => new ImageGanGenerator(spec, 0, 1, problem.GeneratorNetwork, device), ImageNetworks.CreateGenerator(spec));
        var generator = new ImageGanGenerator(spec, options.PixelMin, options.PixelMax, network, device);
        var settings = new GanGenerationSettings(options.OutputColumnName, context.Seed, options.SeedColumnName);
        return ImageGanFamily.Instance.Create(context.MLContext, generator, settings, summary, Guid.NewGuid());
    }

    public override SchemaShape GetOutputSchema(MLContext mlContext, SchemaShape inputSchema)
    {
        var output = ImageSchema.WithGeneratedColumn(mlContext, options, inputSchema);
        if (options.Conditioning != ImageConditioning.None)
        {
            var label = inputSchema.FirstOrDefault(c => c.Name == options.LabelColumnName);
            if (label.Name is null)
                throw new ArgumentOutOfRangeException(nameof(ImageGanOptions.LabelColumnName), $"Column '{options.LabelColumnName}' (LabelColumnName) is not in the input.");
            if (label.Kind == SchemaShape.Column.VectorKind.Scalar && !label.IsKey)
                LabelColumnReader.CheckType(label.Name, label.ItemType);
        }
        return output;
    }
}
