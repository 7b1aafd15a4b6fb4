using Microsoft.ML.Gan.Images.Networks;

namespace Microsoft.ML.Gan.Images.Training;

/// <summary>
/// A convolutional image GAN as the engine sees it: real images in [−1, 1], optional labels, the DCGAN networks and
/// the losses of the chosen conditioning. Generated images in D's step reuse the real batch's labels; G's step draws
/// labels from the training labels (so classes keep their frequencies). With a <see cref="DiffAugmentPolicy"/>, every
/// image D judges (real, generated, and the gradient penalty's interpolates) is augmented first. All randomness comes
/// from torch's default generator.
/// </summary>
internal sealed class ImageGanProblem : AdversarialProblem<nn.Module<Tensor, Tensor>, nn.Module>
{
    private readonly ImageNetworkSpec _spec;
    private readonly Tensor _images;
    private readonly Tensor? _labels;
    private readonly IImageDiscriminator _judge;
    private readonly double _auxiliaryWeight;
    private readonly DiffAugmentPolicy _augment;

    /// <param name="spec">Network shapes.</param>
    /// <param name="images">[N, C, H, W] in [−1, 1] on <paramref name="device"/>.</param>
    /// <param name="labels">[N] int64 class indices, or null when unconditional.</param>
    /// <param name="auxiliaryWeight">Weight of AC-GAN's classification losses.</param>
    /// <param name="augment">Differentiable augmentations applied before D.</param>
    /// <param name="device">Training device.</param>
    public ImageGanProblem(ImageNetworkSpec spec, Tensor images, Tensor? labels, double auxiliaryWeight, DiffAugmentPolicy augment, Device device)
        : base(images.shape[0], device, () => ImageNetworks.CreateGenerator(spec), () => ImageNetworks.CreateDiscriminator(spec))
    {
        _augment = augment;
        _spec = spec;
        _images = images;
        _labels = spec.LabelWidth > 0 ? labels : null;
        _auxiliaryWeight = auxiliaryWeight;
        _judge = (IImageDiscriminator)DiscriminatorNetwork;
    }

    public override Tensor DiscriminatorLoss(AdversarialObjective objective, int batchSize)
    {
        var rows = RandomRows(batchSize);
        var real = _images.index_select(0, rows);
        var labels = _labels?.index_select(0, rows);
        var oneHot = OneHot(labels);
        var fake = GeneratorNetwork.call(GeneratorInput(batchSize, oneHot)).detach();
        Func<Tensor, Tensor> critic = images => Judge(images, oneHot).Logits;
        if (_spec.Conditioning != ImageConditioning.AuxiliaryClassifier)
            return objective.Discriminator(critic, real, fake);

        var (realLogits, realClasses) = Judge(real, oneHot);
        var (fakeLogits, fakeClasses) = Judge(fake, oneHot);
        var classification = nn.functional.cross_entropy(realClasses!, labels!) + nn.functional.cross_entropy(fakeClasses!, labels!);
        return objective.Adversarial(realLogits, fakeLogits) + objective.PenaltyTerm(critic, real, fake) + _auxiliaryWeight * classification;
    }

    public override Tensor GeneratorLoss(AdversarialObjective objective, int batchSize)
    {
        Tensor? labels = null;
        if (_labels is not null)
            labels = _labels.index_select(0, RandomRows(batchSize));
        var oneHot = OneHot(labels);
        var fake = GeneratorNetwork.call(GeneratorInput(batchSize, oneHot));
        var (logits, classes) = Judge(fake, oneHot);
        var loss = objective.Generator(logits);
        return classes is null ? loss : loss + _auxiliaryWeight * nn.functional.cross_entropy(classes, labels!);
    }

    /// <summary>D's verdict on <paramref name="images"/>, augmented first when a policy is set.</summary>
    private (Tensor Logits, Tensor? ClassLogits) Judge(Tensor images, Tensor? oneHot) =>
        _judge.Judge(DiffAugment.Apply(images, _augment), oneHot);

    /// <summary>G's input: noise ~ N(0, I) followed by the one-hot labels (when conditional).</summary>
    private Tensor GeneratorInput(int rows, Tensor? oneHot)
    {
        var noise = randn(rows, _spec.LatentDimension, device: Device);
        return oneHot is null ? noise : cat(new[] { noise, oneHot }, 1);
    }

    private Tensor? OneHot(Tensor? labels) =>
        labels is null ? null : nn.functional.one_hot(labels, _spec.ClassCount).to(ScalarType.Float32);
}
