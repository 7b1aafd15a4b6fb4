namespace Microsoft.ML.Gan.Images.TextToImage;

/// <summary>
/// GAN-INT-CLS as the engine sees it. D's step: real images with their own text are positives; generated images with
/// that text and (matching-aware) real images with another row's text are negatives, averaged as one negative term so
/// that every configured loss keeps its form. G's step: images for training text vectors and, with interpolation, for
/// β-mixtures of two rows' vectors. All randomness comes from torch's default generator.
/// </summary>
internal sealed class TextToImageProblem : AdversarialProblem<TextConditionedGenerator, TextConditionedDiscriminator>
{
    private readonly TextToImageSpec _spec;
    private readonly Tensor _images;
    private readonly Tensor _texts;
    private readonly TextToImageOptions _options;

    /// <param name="spec">Network shapes.</param>
    /// <param name="images">[N, C, H, W] in [−1, 1] on <paramref name="device"/>.</param>
    /// <param name="texts">[N, T] text vectors on <paramref name="device"/>, row-aligned with the images.</param>
    /// <param name="options">Matching-aware and interpolation settings.</param>
    /// <param name="device">Training device.</param>
    public TextToImageProblem(TextToImageSpec spec, Tensor images, Tensor texts, TextToImageOptions options, Device device)
        : base(images.shape[0], device, () => new TextConditionedGenerator(spec), () => new TextConditionedDiscriminator(spec))
    {
        _spec = spec;
        _images = images;
        _texts = texts;
        _options = options;
    }

    public override Tensor DiscriminatorLoss(AdversarialObjective objective, int batchSize)
    {
        var rows = RandomRows(batchSize);
        var real = _images.index_select(0, rows);
        var text = _texts.index_select(0, rows);
        var fake = GeneratorNetwork.call(Noise(batchSize), text).detach();
        var critic = DiscriminatorNetwork.Critic(text);
        var realLogits = critic(real);
        var negatives = critic(fake);
        if (_options.MatchingAware)
            negatives = cat(new[] { DiscriminatorNetwork.Judge(real, _texts.index_select(0, RandomRows(batchSize))), negatives }, 0);
        return objective.Adversarial(realLogits, negatives) + objective.PenaltyTerm(critic, real, fake);
    }

    public override Tensor GeneratorLoss(AdversarialObjective objective, int batchSize)
    {
        var text = _texts.index_select(0, RandomRows(batchSize));
        if (_options.EmbeddingInterpolation)
        {
            var other = _texts.index_select(0, RandomRows(batchSize));
            text = cat(new[] { text, other.lerp(text, _options.InterpolationBeta) }, 0);
        }
        var fake = GeneratorNetwork.call(Noise(text.shape[0]), text);
        return objective.Generator(DiscriminatorNetwork.Judge(fake, text));
    }

    private Tensor Noise(long rows) => randn(rows, _spec.Image.LatentDimension, device: Device);
}
