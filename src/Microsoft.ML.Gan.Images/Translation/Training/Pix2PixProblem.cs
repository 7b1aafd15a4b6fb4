using Microsoft.ML.Gan.Images.Networks.Translation;

namespace Microsoft.ML.Gan.Images.Training.Translation;

/// <summary>
/// pix2pix as the engine sees it: paired images A, B in [−1, 1]; D judges (A, B) pairs concatenated on channels
/// (a conditional PatchGAN); G's loss is the adversarial loss on (A, G(A)) plus λ·‖G(A) − B‖₁. Batches are drawn
/// from torch's default generator.
/// </summary>
internal sealed class Pix2PixProblem : AdversarialProblem<nn.Module<Tensor, Tensor>, PatchGanDiscriminator>
{
    private readonly Tensor _inputs;
    private readonly Tensor _targets;
    private readonly double _l1Weight;

    /// <param name="spec">Network shapes.</param>
    /// <param name="inputs">A: [N, Ca, H, W] in [−1, 1] on <paramref name="device"/>.</param>
    /// <param name="targets">B: [N, Cb, H, W] in [−1, 1], row i paired with A's row i.</param>
    /// <param name="l1Weight">λ of the L1 term.</param>
    /// <param name="device">Training device.</param>
    public Pix2PixProblem(TranslationNetworkSpec spec, Tensor inputs, Tensor targets, double l1Weight, Device device)
        : base(inputs.shape[0], device, spec.CreateGenerator, () => new PatchGanDiscriminator(spec.InputShape.Channels + spec.OutputShape.Channels, spec))
    {
        _inputs = inputs;
        _targets = targets;
        _l1Weight = l1Weight;
        TranslationInit.Apply(GeneratorNetwork);
        TranslationInit.Apply(DiscriminatorNetwork);
    }

    public override Tensor DiscriminatorLoss(AdversarialObjective objective, int batchSize)
    {
        using var scope = NewDisposeScope();
        var (a, b) = Batch(batchSize);
        Tensor fake;
        using (no_grad())
            fake = GeneratorNetwork.call(a);
        return objective.Discriminator(x => DiscriminatorNetwork.call(cat(new[] { a, x }, 1)), b, fake).MoveToOuterDisposeScope();
    }

    public override Tensor GeneratorLoss(AdversarialObjective objective, int batchSize)
    {
        using var scope = NewDisposeScope();
        var (a, b) = Batch(batchSize);
        var fake = GeneratorNetwork.call(a);
        var adversarial = objective.Generator(DiscriminatorNetwork.call(cat(new[] { a, fake }, 1)));
        return (adversarial + _l1Weight * nn.functional.l1_loss(fake, b)).MoveToOuterDisposeScope();
    }

    private (Tensor A, Tensor B) Batch(int batchSize)
    {
        var rows = randint(RowCount, batchSize, dtype: ScalarType.Int64).to(Device);
        return (_inputs.index_select(0, rows), _targets.index_select(0, rows));
    }
}
