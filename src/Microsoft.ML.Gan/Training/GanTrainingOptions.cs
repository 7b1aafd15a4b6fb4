using Microsoft.ML.Gan.Losses;
using Microsoft.ML.Gan.Penalties;

namespace Microsoft.ML.Gan.Training;

/// <summary>
/// Options of the shared training engine. Every GAN family's options class derives from this one and sets the
/// defaults of its paper in its constructor.
/// </summary>
public class GanTrainingOptions
{
    private EpochsSetting _epochs = new(100, Chosen: false);

    /// <summary>
    /// Passes over the real rows. Default 100 (each family sets its own). A family's default may come with a floor of
    /// <see cref="DefaultMinimumSteps"/> generator steps for small tables; an <see cref="Epochs"/> set by the caller is
    /// trained exactly.
    /// </summary>
    public int Epochs
    {
        get => _epochs.Value;
        set => _epochs = new(value, Chosen: true);
    }

    /// <summary>If set, train exactly this many generator steps instead of <see cref="Epochs"/>.</summary>
    public long? MaxSteps { get; set; }

    /// <summary>
    /// The fewest generator steps of a run whose length the caller did not choose: while neither <see cref="Epochs"/>
    /// nor <see cref="MaxSteps"/> is set, a fit trains max(<see cref="Epochs"/> × steps per epoch, this), so that a
    /// small table (few steps per epoch) still gets enough updates. 0 for none. Set by the family
    /// (<see cref="SetDefaultLength"/>). Default 0.
    /// </summary>
    public long DefaultMinimumSteps { get; private set; }

    /// <summary>Sets the family's default length — <paramref name="epochs"/>, with at least <paramref name="minimumSteps"/> generator steps — without counting as a length the caller chose.</summary>
    /// <param name="epochs">The default <see cref="Epochs"/>.</param>
    /// <param name="minimumSteps">The default <see cref="DefaultMinimumSteps"/> (0 for none).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="epochs"/> is below 1 or <paramref name="minimumSteps"/> is negative.</exception>
    protected internal void SetDefaultLength(int epochs, long minimumSteps)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(epochs, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(minimumSteps);
        _epochs = new(epochs, Chosen: false);
        DefaultMinimumSteps = minimumSteps;
    }

    /// <summary>Generator steps of a fit on <paramref name="rowCount"/> rows: <see cref="MaxSteps"/> if set, otherwise <see cref="Epochs"/> passes of <see cref="BatchSize"/> (at least one step per epoch), raised to <see cref="DefaultMinimumSteps"/> unless the caller set <see cref="Epochs"/>.</summary>
    internal long TotalSteps(long rowCount) => _epochs.Steps(MaxSteps, StepsPerEpoch(rowCount), DefaultMinimumSteps);

    /// <summary>Generator steps per pass over <paramref name="rowCount"/> rows: whole batches, at least one.</summary>
    internal long StepsPerEpoch(long rowCount) => Math.Max(1, rowCount / BatchSize);

    /// <summary>Real rows per step. Default 64.</summary>
    public int BatchSize { get; set; } = 64;

    /// <summary>Discriminator updates per generator update (n_critic; 5 in WGAN and WGAN-GP). 0 trains the generator
    /// alone (a non-adversarial phase such as SRGAN's pixel-loss pre-training). Default 1.</summary>
    public int CriticSteps { get; set; } = 1;

    /// <summary>Adversarial loss on logits. Default non-saturating.</summary>
    public AdversarialLoss Loss { get; set; } = AdversarialLoss.NonSaturating;

    /// <summary>Discriminator penalty. Default none.</summary>
    public PenaltyKind Penalty { get; set; } = PenaltyKind.None;

    /// <summary>λ of the gradient penalty (10 in WGAN-GP) or γ of R1. Default 10.</summary>
    public double PenaltyWeight { get; set; } = 10;

    /// <summary>Apply the penalty every this many discriminator updates, scaled up by the interval (lazy
    /// regularization, StyleGAN2 uses 16 for R1). Default 1 (every update).</summary>
    public int PenaltyInterval { get; set; } = 1;

    /// <summary>If set, clamp every discriminator weight to [−c, c] after each update (WGAN: 0.01).</summary>
    public double? WeightClip { get; set; }

    /// <summary>Target for real samples in probabilistic losses; 0.9 gives one-sided label smoothing. Default 1.</summary>
    public double RealLabel { get; set; } = 1.0;

    /// <summary>Optimizer of both networks. Default Adam.</summary>
    public OptimizerKind Optimizer { get; set; } = OptimizerKind.Adam;

    /// <summary>Generator learning rate. Default 2e-4.</summary>
    public double GeneratorLearningRate { get; set; } = 2e-4;

    /// <summary>Discriminator learning rate (differs from G's for TTUR, Heusel et al. 2017). Default 2e-4.</summary>
    public double DiscriminatorLearningRate { get; set; } = 2e-4;

    /// <summary>Adam β₁ of the generator. Default 0.5 (DCGAN).</summary>
    public double GeneratorBeta1 { get; set; } = 0.5;

    /// <summary>Adam β₂ of the generator. Default 0.999.</summary>
    public double GeneratorBeta2 { get; set; } = 0.999;

    /// <summary>Adam β₁ of the discriminator. Default 0.5.</summary>
    public double DiscriminatorBeta1 { get; set; } = 0.5;

    /// <summary>Adam β₂ of the discriminator. Default 0.999.</summary>
    public double DiscriminatorBeta2 { get; set; } = 0.999;

    /// <summary>Fraction of training after which both learning rates decay linearly to zero at the last step
    /// (CycleGAN uses 0.5). Default 1: constant learning rates.</summary>
    public double LearningRateDecayStart { get; set; } = 1.0;

    /// <summary>L2 weight decay of both optimizers. Default 0.</summary>
    public double WeightDecay { get; set; }

    /// <summary>If set, rescale each network's gradients so their global L2 norm is at most this value.</summary>
    public double? GradientClipNorm { get; set; }

    /// <summary>If set (e.g. 0.999), keep an exponential moving average of the generator's weights and use it as the
    /// fitted generator (Yazıcı et al. 2019). The decay warms up as min(decay, (1 + step)/(10 + step)); after training
    /// the average's batch-norm statistics are recomputed for its own weights (50 generator passes). Default none.</summary>
    public double? GeneratorEmaDecay { get; set; }

    /// <summary>
    /// Seed of every random choice; null takes the MLContext's seed (or 0 when it has none). A differentially private
    /// fit is the exception: its training randomness comes from a cryptographically secure source that the seed does
    /// not reach (it would let the noise be replayed), so such a fit is not reproducible by seed; the seed still fixes
    /// the fitted model's sampling stream.
    /// </summary>
    public int? Seed { get; set; }

    /// <summary>"cpu" (default), "cuda", "cuda:N" or "auto".</summary>
    public string Device { get; set; } = Torch.TorchDevices.Default;

    /// <summary>
    /// Torch intra-op threads (process-wide). Default 0: torch's own count, one per physical core unless the
    /// <c>OMP_NUM_THREADS</c> environment variable says otherwise, as in PyTorch. When several trainings share a
    /// small machine, set 1 (or <c>OMP_NUM_THREADS=1</c>): OpenMP's spin-waiting threads slow down several-fold when
    /// another process takes their core (measured in benchmarks/BENCHMARKS.md).
    /// </summary>
    public int Threads { get; set; }

    /// <summary>If set, write a checkpoint to this file every <see cref="CheckpointInterval"/> steps and at the end.</summary>
    public string? CheckpointPath { get; set; }

    /// <summary>Steps between checkpoints; 0 writes only at the end. Default 0.</summary>
    public long CheckpointInterval { get; set; }

    /// <summary>If true and <see cref="CheckpointPath"/> exists, resume from it (weights, optimizers, step, torch's CPU generator): exact on the CPU; the CUDA generator's state is not checkpointed.</summary>
    public bool ResumeFromCheckpoint { get; set; }

    /// <summary>Receives progress reports.</summary>
    public IProgress<GanProgress>? Progress { get; set; }

    /// <summary>Steps between progress reports; 0 reports once per epoch, and every 100 steps within a longer epoch. Default 0.</summary>
    public long ProgressInterval { get; set; }

    /// <summary>Stops training (with an <see cref="OperationCanceledException"/>) when cancelled.</summary>
    public CancellationToken CancellationToken { get; set; }

    /// <summary>Throws an <see cref="ArgumentOutOfRangeException"/> naming the first invalid option.</summary>
    public virtual void Validate()
    {
        Require(Epochs >= 1, nameof(Epochs), Epochs, "at least 1");
        Require(MaxSteps is null or >= 1, nameof(MaxSteps), MaxSteps, "at least 1 when set");
        Require(BatchSize >= 1, nameof(BatchSize), BatchSize, "at least 1");
        Require(CriticSteps >= 0, nameof(CriticSteps), CriticSteps, "0 (generator only) or more (n_critic)");
        Require(PenaltyWeight >= 0, nameof(PenaltyWeight), PenaltyWeight, "non-negative");
        Require(PenaltyInterval >= 1, nameof(PenaltyInterval), PenaltyInterval, "at least 1");
        Require(WeightClip is null or > 0, nameof(WeightClip), WeightClip, "positive when set");
        Require(RealLabel is > 0 and <= 1, nameof(RealLabel), RealLabel, "in (0, 1]");
        Require(GeneratorLearningRate > 0, nameof(GeneratorLearningRate), GeneratorLearningRate, "positive");
        Require(DiscriminatorLearningRate > 0, nameof(DiscriminatorLearningRate), DiscriminatorLearningRate, "positive");
        foreach (var (name, beta) in new[] { (nameof(GeneratorBeta1), GeneratorBeta1), (nameof(GeneratorBeta2), GeneratorBeta2),
                     (nameof(DiscriminatorBeta1), DiscriminatorBeta1), (nameof(DiscriminatorBeta2), DiscriminatorBeta2) })
            Require(beta is >= 0 and < 1, name, beta, "in [0, 1)");
        Require(LearningRateDecayStart is >= 0 and <= 1, nameof(LearningRateDecayStart), LearningRateDecayStart, "in [0, 1]");
        Require(WeightDecay >= 0, nameof(WeightDecay), WeightDecay, "non-negative");
        Require(GradientClipNorm is null or > 0, nameof(GradientClipNorm), GradientClipNorm, "positive when set");
        Require(GeneratorEmaDecay is null or (> 0 and < 1), nameof(GeneratorEmaDecay), GeneratorEmaDecay, "in (0, 1) when set");
        Require(Threads >= 0, nameof(Threads), Threads, "0 (torch's default) or a positive count");
        Require(CheckpointInterval >= 0, nameof(CheckpointInterval), CheckpointInterval, "0 or positive");
        Require(ProgressInterval >= 0, nameof(ProgressInterval), ProgressInterval, "0 or positive");
        Require(!ResumeFromCheckpoint || CheckpointPath is not null, nameof(ResumeFromCheckpoint), ResumeFromCheckpoint,
            "false unless CheckpointPath is set");
        Torch.TorchDevices.Resolve(Device, nameof(Device));
    }

    /// <summary>Checks, once the training data is read, that <see cref="BatchSize"/> is not larger than it.</summary>
    /// <param name="count">How many training items there are.</param>
    /// <param name="items">What the items are called in the message, e.g. "rows" or "images".</param>
    /// <exception cref="ArgumentOutOfRangeException">The batch is larger than the data.</exception>
    internal void RequireBatchWithin(long count, string items)
    {
        if (BatchSize > count)
            throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize,
                $"BatchSize is {BatchSize} but the training data has only {count} {items}; use a batch of at most {count}.");
    }

    /// <summary>Throws an <see cref="ArgumentOutOfRangeException"/> for <paramref name="option"/> unless the condition holds.</summary>
    protected static void Require(bool condition, string option, object? value, string expected) =>
        OptionChecks.Require(condition, option, value, expected);
}
