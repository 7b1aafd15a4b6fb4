using Microsoft.ML.Gan.Images.Data;
using Microsoft.ML.Gan.Images.Metrics;
using Microsoft.ML.Gan.Images.Networks;
using Microsoft.ML.Gan.Images.Training;

namespace Microsoft.ML.Gan.Images;

/// <summary>
/// The DCGAN-like family's training: an image column (MLImage or planar float vector, with a class label when
/// conditional) learned by a convolutional or MLP GAN (DCGAN, WGAN, WGAN-GP, cGAN, AC-GAN or projection, depending on
/// the options).
/// </summary>
internal sealed class ImageGanTraining(ImageGanOptions options) : GeneratingFamilyTraining<ImageGanOptions, ImageGanTransformer>(options)
{
    public override string ComponentName => "ImageGanEstimator";

    protected override ImageGanTransformer Train(ImageFitContext context, ImageSet set)
    {
        var conditional = FamilyOptions.Conditioning != ImageConditioning.None;
        if (conditional && set.ClassCount < 2)
            throw new ArgumentOutOfRangeException(nameof(ImageGanOptions.LabelColumnName),
                $"Column '{FamilyOptions.LabelColumnName}' (LabelColumnName) has {set.ClassCount} class; a conditional GAN needs at least 2.");

        var device = context.Device;
        var spec = ImageNetworkSpec.From(FamilyOptions, set.ClassCount);
        GeneratorTraining.PrepareTorch(FamilyOptions, context.Seed);
        using var images = ImageTensors.Pixels(set, device);
        using var labels = conditional ? tensor(set.Labels!.Select(l => (long)l).ToArray(), device: device) : null;
        using var problem = new ImageGanProblem(spec, images, labels, FamilyOptions.AuxiliaryLossWeight, FamilyOptions.DiffAugment, device);
        var (network, summary) = GeneratorTraining.Train(FamilyOptions, context, problem, problem.GeneratorNetwork,
            () => new ImageGanGenerator(spec, 0, 1, problem.GeneratorNetwork, device), ImageNetworks.CreateGenerator(spec));
        var generator = new ImageGanGenerator(spec, FamilyOptions.PixelMin, FamilyOptions.PixelMax, network, device);
        var settings = new GanGenerationSettings(FamilyOptions.OutputColumnName, context.Seed, FamilyOptions.SeedColumnName);
        return ImageGanFamily.Instance.Create(context.MLContext, generator, settings, summary, Guid.NewGuid());
    }

    public override SchemaShape GetOutputSchema(MLContext mlContext, SchemaShape inputSchema)
    {
        var output = base.GetOutputSchema(mlContext, inputSchema);
        if (FamilyOptions.Conditioning != ImageConditioning.None)
        {
            var label = inputSchema.FirstOrDefault(c => c.Name == FamilyOptions.LabelColumnName);
            if (label.Name is null)
                throw new ArgumentOutOfRangeException(nameof(ImageGanOptions.LabelColumnName), $"Column '{FamilyOptions.LabelColumnName}' (LabelColumnName) is not in the input.");
            if (label.Kind == SchemaShape.Column.VectorKind.Scalar && !label.IsKey)
                LabelColumnReader.CheckType(label.Name, label.ItemType);
        }
        return output;
    }
}
