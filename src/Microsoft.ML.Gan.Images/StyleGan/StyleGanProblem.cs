namespace Microsoft.ML.Gan.Images.StyleGan;

/// <summary>
/// StyleGAN as the engine sees it: real images padded to the network resolution, the style generator (with style
/// mixing and per-layer noise) and the residual discriminator. The configured loss and penalty (R1 with lazy
/// regularization by default) come from the engine's objective; all randomness from torch's default generator.
/// </summary>
/// <param name="spec">Network shapes.</param>
/// <param name="images">[N, C, R, R] real images in [−1, 1], already padded, on <paramref name="device"/>.</param>
/// <param name="mixingProbability">Style mixing probability.</param>
/// <param name="noise">Noise inputs during training.</param>
/// <param name="device">Training device.</param>
internal sealed class StyleGanProblem(StyleGanSpec spec, Tensor images, double mixingProbability, NoiseMode noise, Device device)
    : AdversarialProblem<StyleGenerator, StyleDiscriminator>(images.shape[0], device, () => new StyleGenerator(spec), () => new StyleDiscriminator(spec))
{
    public override Tensor DiscriminatorLoss(AdversarialObjective objective, int batchSize)
    {
        var real = images.index_select(0, RandomRows(batchSize));
        var fake = GeneratorNetwork.TrainingImages(batchSize, mixingProbability, noise, trackAverage: false).detach();
        return objective.Discriminator(DiscriminatorNetwork.call, real, fake);
    }

    public override Tensor GeneratorLoss(AdversarialObjective objective, int batchSize) =>
        objective.Generator(DiscriminatorNetwork.call(GeneratorNetwork.TrainingImages(batchSize, mixingProbability, noise, trackAverage: true)));
}
