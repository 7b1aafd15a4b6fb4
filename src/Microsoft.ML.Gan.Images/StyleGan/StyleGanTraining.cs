using Microsoft.ML.Gan.Images.Metrics;
using Microsoft.ML.Gan.Images.Training;

namespace Microsoft.ML.Gan.Images.StyleGan;

/// <summary>StyleGAN's training: an image column (MLImage or planar float vector) learned by a small StyleGAN2-style generator.</summary>
internal sealed class StyleGanTraining(StyleGanOptions options) : GeneratingFamilyTraining<StyleGanOptions, StyleGanTransformer>(options)
{
    public override string ComponentName => "StyleGanEstimator";

    protected override StyleGanTransformer Train(ImageFitContext context, ImageSet set)
    {
        var device = context.Device;
        var spec = StyleGanSpec.From(FamilyOptions);
        GeneratorTraining.PrepareTorch(FamilyOptions, context.Seed);
        using var images = PaddedPixels(set, spec, device);
        using var problem = new StyleGanProblem(spec, images, FamilyOptions.StyleMixingProbability, FamilyOptions.NoiseMode, device);
        var (network, summary) = GeneratorTraining.Train(FamilyOptions, context, problem, problem.GeneratorNetwork,
            () => new StyleGanImageGenerator(problem.GeneratorNetwork, 0, 1, 1, FamilyOptions.GenerationNoiseMode, device), new StyleGenerator(spec));
        var generator = new StyleGanImageGenerator(network, FamilyOptions.PixelMin, FamilyOptions.PixelMax, FamilyOptions.Truncation, FamilyOptions.GenerationNoiseMode, device);
        var settings = new GanGenerationSettings(FamilyOptions.OutputColumnName, context.Seed, FamilyOptions.SeedColumnName);
        return StyleGanFamily.Instance.Create(context.MLContext, generator, settings, summary, Guid.NewGuid());
    }

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
