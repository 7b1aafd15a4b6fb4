using Microsoft.ML.Gan.Images.Data;
using Microsoft.ML.Gan.Images.Metrics;
using Microsoft.ML.Gan.Images.Training;
using Microsoft.ML.Gan.Persistence;
using Microsoft.ML.Gan.Training;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Images.StyleGan;

/// <summary>StyleGAN's training: an image column (MLImage or planar float vector) learned by a small StyleGAN2-style generator.</summary>
internal sealed class StyleGanTraining(StyleGanOptions options) : ImageFamilyTraining<StyleGanTransformer>
{
    public override GanTrainingOptions Options => options;

    public override string ComponentName => "StyleGanEstimator";

    public override StyleGanTransformer Fit(ImageFitContext context)
    {
        var set = ImageColumnReader.Read(context.Input, options);
        options.RequireBatchWithin(set.Count, "images");

        var device = context.Device;
        var spec = StyleGanSpec.From(options);
        GeneratorTraining.PrepareTorch(options, context.Seed);
        using var images = PaddedPixels(set, spec, device);
        using var problem = new StyleGanProblem(spec, images, options.StyleMixingProbability, options.NoiseMode, device);
        var (network, summary) = GeneratorTraining.Train(options, context, problem, problem.GeneratorNetwork,
            () => new StyleGanImageGenerator(problem.GeneratorNetwork, 0, 1, 1, options.GenerationNoiseMode, device), new StyleGenerator(spec));
        var generator = new StyleGanImageGenerator(network, options.PixelMin, options.PixelMax, options.Truncation, options.GenerationNoiseMode, device);
        var settings = new GanGenerationSettings(options.OutputColumnName, context.Seed, options.SeedColumnName);
        return StyleGanFamily.Instance.Create(context.MLContext, generator, settings, summary, Guid.NewGuid());
    }

    public override SchemaShape GetOutputSchema(MLContext mlContext, SchemaShape inputSchema) =>
        ImageSchema.WithGeneratedColumn(mlContext, options, inputSchema);

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
