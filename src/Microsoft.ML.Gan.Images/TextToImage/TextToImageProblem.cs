namespace Microsoft.ML.Gan.Images.TextToImage;

/// <summary>
/// GAN-INT-CLS as the engine sees it. D's step: real images with their own text are positives; generated images with
/// that text and (matching-aware) real images with another row's text are negatives, averaged as one negative term so
/// that every configured loss keeps its form. G's step: images for training text vectors and, with interpolation, for
/// β-mixtures of two rows' vectors. All randomness comes from torch's default generator.
/// </summary>
/// <param name="spec">Network shapes.</param>
/// <param name="images">[N, C, H, W] in [−1, 1] on <paramref name="device"/>.</param>
/// <param name="texts">[N, T] text vectors on <paramref name="device"/>, row-aligned with the images.</param>
/// <param name="options">Matching-aware and interpolation settings.</param>
/// <param name="device">Training device.</param>
internal sealed class TextToImageProblem(TextToImageSpec spec, Tensor images, Tensor texts, TextToImageOptions options, Device device)
    : AdversarialProblem<TextConditionedGenerator, TextConditionedDiscriminator>(images.shape[0], device,
        () => new TextConditionedGenerator(spec), () => new TextConditionedDiscriminator(spec))
{
    public override Tensor DiscriminatorLoss(AdversarialObjective objective, int batchSize)
    {
        var rows = RandomRows(batchSize);
        var real = images.index_select(0, rows);
        var text = texts.index_select(0, rows);
        var fake = GeneratorNetwork.call(Noise(batchSize), text).detach();
        var critic = DiscriminatorNetwork.Critic(text);
        var realLogits = critic(real);
        var negatives = critic(fake);
        if (options.MatchingAware)
            negatives = cat(new[] { DiscriminatorNetwork.Judge(real, texts.index_select(0, RandomRows(batchSize))), negatives }, 0);
        return objective.Adversarial(realLogits, negatives) + objective.PenaltyTerm(critic, real, fake);
    }

    public override Tensor GeneratorLoss(AdversarialObjective objective, int batchSize)
    {
        var text = texts.index_select(0, RandomRows(batchSize));
        if (options.EmbeddingInterpolation)
        {
            var other = texts.index_select(0, RandomRows(batchSize));
            text = cat(new[] { text, other.lerp(text, options.InterpolationBeta) }, 0);
        }
        var fake = GeneratorNetwork.call(Noise(text.shape[0]), text);
        return objective.Generator(DiscriminatorNetwork.Judge(fake, text));
    }

    private Tensor Noise(long rows) => randn(rows, spec.Image.LatentDimension, device: Device);
}
