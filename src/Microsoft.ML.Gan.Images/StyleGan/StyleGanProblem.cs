using Microsoft.ML.Gan.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Images.StyleGan;

/// <summary>
/// StyleGAN as the engine sees it: real images padded to the network resolution, the style generator (with style
/// mixing and per-layer noise) and the residual discriminator. The configured loss and penalty (R1 with lazy
/// regularization by default) come from the engine's objective; all randomness from torch's default generator.
/// </summary>
internal sealed class StyleGanProblem : IAdversarialProblem, IDisposable
{
    private readonly StyleGanSpec _spec;
    private readonly Tensor _images;
    private readonly Device _device;
    private readonly StyleGenerator _generator;
    private readonly StyleDiscriminator _discriminator;
    private readonly double _mixingProbability;
    private readonly NoiseMode _noise;

    /// <param name="spec">Network shapes.</param>
    /// <param name="images">[N, C, R, R] real images in [−1, 1], already padded, on <paramref name="device"/>.</param>
    /// <param name="mixingProbability">Style mixing probability.</param>
    /// <param name="noise">Noise inputs during training.</param>
    /// <param name="device">Training device.</param>
    public StyleGanProblem(StyleGanSpec spec, Tensor images, double mixingProbability, NoiseMode noise, Device device)
    {
        _spec = spec;
        _images = images;
        _mixingProbability = mixingProbability;
        _noise = noise;
        _device = device;
        _generator = new StyleGenerator(spec).to(device);
        _discriminator = new StyleDiscriminator(spec).to(device);
    }

    public nn.Module Generator => _generator;

    public StyleGenerator GeneratorNetwork => _generator;

    public nn.Module Discriminator => _discriminator;

    public long RowCount => _images.shape[0];

    public nn.Module CreateGeneratorReplica() => new StyleGenerator(_spec).to(_device);

    public Tensor DiscriminatorLoss(AdversarialObjective objective, int batchSize)
    {
        var real = _images.index_select(0, randint(RowCount, batchSize, dtype: ScalarType.Int64, device: _device));
        var fake = _generator.TrainingImages(batchSize, _mixingProbability, _noise, trackAverage: false).detach();
        return objective.Discriminator(_discriminator.call, real, fake);
    }

    public Tensor GeneratorLoss(AdversarialObjective objective, int batchSize) =>
        objective.Generator(_discriminator.call(_generator.TrainingImages(batchSize, _mixingProbability, _noise, trackAverage: true)));

    public void Dispose()
    {
        _generator.Dispose();
        _discriminator.Dispose();
    }
}
