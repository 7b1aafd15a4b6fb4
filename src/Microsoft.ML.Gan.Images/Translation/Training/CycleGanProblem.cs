using Microsoft.ML.Gan.Images.Networks.Translation;

namespace Microsoft.ML.Gan.Images.Training.Translation;

/// <summary>
/// CycleGAN as the engine sees it: the two generators G: A→B and F: B→A form one module, the two discriminators D_B
/// and D_A another, so the engine's optimizers, EMA, guards and checkpoints cover both. D's loss is the configured
/// adversarial loss of D_B on (b, pooled G(a)) plus D_A's on (a, pooled F(b)); G's loss is both adversarial terms plus
/// λ·(‖F(G(a)) − a‖₁ + ‖G(F(b)) − b‖₁) plus the identity terms w·λ·(‖G(b) − b‖₁ + ‖F(a) − a‖₁). A and B batches
/// are drawn independently (unpaired) from torch's default generator. The image pools are not checkpointed.
/// </summary>
internal sealed class CycleGanProblem : AdversarialProblem<NetworkPair, NetworkPair>
{
    private readonly Tensor _domainA;
    private readonly Tensor _domainB;
    private readonly double _cycleWeight;
    private readonly double _identityWeight;
    private readonly ImagePool _poolA;
    private readonly ImagePool _poolB;

    /// <param name="spec">Shapes of the A→B direction.</param>
    /// <param name="domainA">[Na, Ca, H, W] in [−1, 1] on <paramref name="device"/>.</param>
    /// <param name="domainB">[Nb, Cb, H, W] in [−1, 1].</param>
    /// <param name="cycleWeight">λ.</param>
    /// <param name="identityWeight">Identity weight relative to λ.</param>
    /// <param name="poolSize">Images kept per pool.</param>
    /// <param name="device">Training device.</param>
    public CycleGanProblem(TranslationNetworkSpec spec, Tensor domainA, Tensor domainB, double cycleWeight, double identityWeight, int poolSize, Device device)
        : base(Math.Max(domainA.shape[0], domainB.shape[0]), device,
            () => new NetworkPair(spec.CreateGenerator(), spec.Reversed().CreateGenerator()),
            () => new NetworkPair(new PatchGanDiscriminator(spec.OutputShape.Channels, spec), new PatchGanDiscriminator(spec.InputShape.Channels, spec.Reversed())))
    {
        _domainA = domainA;
        _domainB = domainB;
        _cycleWeight = cycleWeight;
        _identityWeight = identityWeight;
        TranslationInit.Apply(GeneratorNetwork);
        TranslationInit.Apply(DiscriminatorNetwork);
        _poolA = new ImagePool(poolSize);
        _poolB = new ImagePool(poolSize);
    }

    public override Tensor DiscriminatorLoss(AdversarialObjective objective, int batchSize)
    {
        using var scope = NewDisposeScope();
        var (a, b) = Batches(batchSize);
        Tensor fakeB, fakeA;
        using (no_grad())
        {
            fakeB = GeneratorNetwork.First.call(a);
            fakeA = GeneratorNetwork.Second.call(b);
        }
        var lossB = objective.Discriminator(DiscriminatorNetwork.First.call, b, _poolB.Query(fakeB));
        var lossA = objective.Discriminator(DiscriminatorNetwork.Second.call, a, _poolA.Query(fakeA));
        return (lossA + lossB).MoveToOuterDisposeScope();
    }

    public override Tensor GeneratorLoss(AdversarialObjective objective, int batchSize)
    {
        using var scope = NewDisposeScope();
        var (a, b) = Batches(batchSize);
        var g = GeneratorNetwork.First;
        var f = GeneratorNetwork.Second;
        var fakeB = g.call(a);
        var fakeA = f.call(b);
        var loss = objective.Generator(DiscriminatorNetwork.First.call(fakeB)) + objective.Generator(DiscriminatorNetwork.Second.call(fakeA))
            + _cycleWeight * (nn.functional.l1_loss(f.call(fakeB), a) + nn.functional.l1_loss(g.call(fakeA), b));
        if (_identityWeight > 0)
            loss += _identityWeight * _cycleWeight * (nn.functional.l1_loss(g.call(b), b) + nn.functional.l1_loss(f.call(a), a));
        return loss.MoveToOuterDisposeScope();
    }

    private (Tensor A, Tensor B) Batches(int batchSize)
    {
        var rowsA = randint(_domainA.shape[0], batchSize, dtype: ScalarType.Int64).to(Device);
        var rowsB = randint(_domainB.shape[0], batchSize, dtype: ScalarType.Int64).to(Device);
        return (_domainA.index_select(0, rowsA), _domainB.index_select(0, rowsB));
    }

    public override void Dispose()
    {
        base.Dispose();
        _poolA.Dispose();
        _poolB.Dispose();
    }
}
