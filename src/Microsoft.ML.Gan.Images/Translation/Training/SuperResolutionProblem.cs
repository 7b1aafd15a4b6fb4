using Microsoft.ML.Gan.Images.Networks.Translation;

namespace Microsoft.ML.Gan.Images.Training.Translation;

/// <summary>
/// SRGAN as the engine sees it: high-resolution images in [−1, 1], randomly cropped (one offset per batch) and
/// downsampled on the fly into the generator's inputs. In pre-training (the engine with CriticSteps 0) G's loss is
/// pixel MSE; in the adversarial phase it is the content loss (MSE of the feature network's outputs, or pixel MSE
/// without one) plus the adversarial weight times the configured adversarial loss of the VGG-style discriminator.
/// </summary>
/// <param name="spec">Network shapes.</param>
/// <param name="images">High-resolution images [N, C, H, W] in [−1, 1] on <paramref name="device"/>.</param>
/// <param name="cropSize">The side of the random crops; null trains on whole images.</param>
/// <param name="downsampling">How the generator's inputs are made from the crops.</param>
/// <param name="contentFeatures">The feature network of the content loss, or null for pixel MSE.</param>
/// <param name="adversarialWeight">Weight of the adversarial term in the adversarial phase.</param>
/// <param name="device">Training device.</param>
internal sealed class SuperResolutionProblem(TranslationNetworkSpec spec, Tensor images, int? cropSize, SuperResolutionDownsampling downsampling,
    Func<Tensor, Tensor>? contentFeatures, double adversarialWeight, Device device)
    : AdversarialProblem<nn.Module<Tensor, Tensor>, VggDiscriminator>(images.shape[0], device, spec.CreateGenerator, () => new VggDiscriminator(
        cropSize is int side ? new ImageShape(spec.OutputShape.Channels, side, side) : spec.OutputShape, spec.DiscriminatorFeatures))
{
    /// <summary>True while pre-training: G's loss is pixel MSE and D is not used.</summary>
    public bool Pretraining { get; set; } = true;

    public override Tensor DiscriminatorLoss(AdversarialObjective objective, int batchSize)
    {
        using var scope = NewDisposeScope();
        var (lowRes, highRes) = Batch(batchSize);
        Tensor fake;
        using (no_grad())
            fake = GeneratorNetwork.call(lowRes);
        return objective.Discriminator(DiscriminatorNetwork.call, highRes, fake).MoveToOuterDisposeScope();
    }

    public override Tensor GeneratorLoss(AdversarialObjective objective, int batchSize)
    {
        using var scope = NewDisposeScope();
        var (lowRes, highRes) = Batch(batchSize);
        var upscaled = GeneratorNetwork.call(lowRes);
        if (Pretraining)
            return nn.functional.mse_loss(upscaled, highRes).MoveToOuterDisposeScope();
        var content = contentFeatures is null
            ? nn.functional.mse_loss(upscaled, highRes)
            : nn.functional.mse_loss(contentFeatures(upscaled), contentFeatures(highRes).detach());
        return (content + adversarialWeight * objective.Generator(DiscriminatorNetwork.call(upscaled))).MoveToOuterDisposeScope();
    }

    private (Tensor LowRes, Tensor HighRes) Batch(int batchSize)
    {
        var rows = randint(RowCount, batchSize, dtype: ScalarType.Int64).to(Device);
        var highRes = images.index_select(0, rows);
        if (cropSize is int side)
        {
            long top = randint(images.shape[2] - side + 1, new long[] { 1 }).item<long>();
            long left = randint(images.shape[3] - side + 1, new long[] { 1 }).item<long>();
            highRes = highRes.narrow(2, top, side).narrow(3, left, side);
        }
        return (ImageResampling.Downsample(highRes, spec.Scale, downsampling), highRes);
    }
}
