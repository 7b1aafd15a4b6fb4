namespace Microsoft.ML.Gan.Training;

/// <summary>
/// What a GAN family gives the training engine: its two networks, how many real rows it trains on, and how to
/// compute each network's loss for one batch. The engine owns everything else (optimizers, n_critic, guards, EMA,
/// checkpoints, progress). Losses must draw all randomness (batches, noise) from torch's default generator so that a
/// checkpoint resumes exactly.
/// </summary>
internal interface IAdversarialProblem
{
    /// <summary>The generator, already on the training device.</summary>
    nn.Module Generator { get; }

    /// <summary>The discriminator (critic), already on the training device.</summary>
    nn.Module Discriminator { get; }

    /// <summary>Real rows available; an epoch is RowCount / BatchSize steps (at least one).</summary>
    long RowCount { get; }

    /// <summary>A new generator of the same architecture on the same device (for the EMA copy).</summary>
    nn.Module CreateGeneratorReplica();

    /// <summary>Discriminator loss (penalties included) for one batch of real rows and as many generated ones.</summary>
    Tensor DiscriminatorLoss(AdversarialObjective objective, int batchSize);

    /// <summary>Generator loss for one batch of generated rows (extra terms of the family included).</summary>
    Tensor GeneratorLoss(AdversarialObjective objective, int batchSize);

    /// <summary>
    /// True when the problem can train no further (e.g. its privacy budget is spent): the engine then stops before the
    /// next step, as if the planned steps were done. Default: never.
    /// </summary>
    bool IsExhausted => false;

    /// <summary>
    /// True when the problem trains under differential privacy. The engine then releases nothing computed from real
    /// rows that the privacy accounting does not cover: the discriminator loss is neither reported, logged nor kept in
    /// the summary (it is NaN there), a discriminator step is skipped only when its noisy gradient is not finite, and
    /// checkpoints hold no random-generator state. Default: false.
    /// </summary>
    bool IsDifferentiallyPrivate => false;
}
