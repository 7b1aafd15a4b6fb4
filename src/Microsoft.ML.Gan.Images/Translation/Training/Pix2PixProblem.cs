using Microsoft.ML.Gan.Images.Networks.Translation;
using Microsoft.ML.Gan.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Images.Training.Translation;

/// <summary>
/// pix2pix as the engine sees it: paired images A, B in [−1, 1]; D judges (A, B) pairs concatenated on channels
/// (a conditional PatchGAN); G's loss is the adversarial loss on (A, G(A)) plus λ·‖G(A) − B‖₁. Batches are drawn
/// from torch's default generator.
/// </summary>
internal sealed class Pix2PixProblem : IAdversarialProblem, IDisposable
{
    private readonly TranslationNetworkSpec _spec;
    private readonly Tensor _inputs;
    private readonly Tensor _targets;
    private readonly double _l1Weight;
    private readonly Device _device;
    private readonly nn.Module<Tensor, Tensor> _generator;
    private readonly PatchGanDiscriminator _discriminator;

    /// <param name="spec">Network shapes.</param>
    /// <param name="inputs">A: [N, Ca, H, W] in [−1, 1] on <paramref name="device"/>.</param>
    /// <param name="targets">B: [N, Cb, H, W] in [−1, 1], row i paired with A's row i.</param>
    /// <param name="l1Weight">λ of the L1 term.</param>
    /// <param name="device">Training device.</param>
    public Pix2PixProblem(TranslationNetworkSpec spec, Tensor inputs, Tensor targets, double l1Weight, Device device)
    {
        _spec = spec;
        _inputs = inputs;
        _targets = targets;
        _l1Weight = l1Weight;
        _device = device;
        _generator = spec.CreateGenerator().to(device);
        _discriminator = new PatchGanDiscriminator(spec.InputShape.Channels + spec.OutputShape.Channels, spec).to(device);
        TranslationInit.Apply(_generator);
        TranslationInit.Apply(_discriminator);
    }

    public nn.Module Generator => _generator;

    public nn.Module Discriminator => _discriminator;

    public long RowCount => _inputs.shape[0];

    public nn.Module CreateGeneratorReplica() => _spec.CreateGenerator().to(_device);

    public Tensor DiscriminatorLoss(AdversarialObjective objective, int batchSize)
    {
        using var scope = NewDisposeScope();
        var (a, b) = Batch(batchSize);
        Tensor fake;
        using (no_grad())
            fake = _generator.call(a);
        return objective.Discriminator(x => _discriminator.call(cat(new[] { a, x }, 1)), b, fake).MoveToOuterDisposeScope();
    }

    public Tensor GeneratorLoss(AdversarialObjective objective, int batchSize)
    {
        using var scope = NewDisposeScope();
        var (a, b) = Batch(batchSize);
        var fake = _generator.call(a);
        var adversarial = objective.Generator(_discriminator.call(cat(new[] { a, fake }, 1)));
        return (adversarial + _l1Weight * nn.functional.l1_loss(fake, b)).MoveToOuterDisposeScope();
    }

    private (Tensor A, Tensor B) Batch(int batchSize)
    {
        var rows = randint(RowCount, batchSize, dtype: ScalarType.Int64).to(_device);
        return (_inputs.index_select(0, rows), _targets.index_select(0, rows));
    }

    public void Dispose()
    {
        _generator.Dispose();
        _discriminator.Dispose();
    }
}
