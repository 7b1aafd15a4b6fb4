using Microsoft.ML.Gan.Losses;
using Microsoft.ML.Gan.Penalties;

namespace Microsoft.ML.Gan.Training;

/// <summary>
/// The adversarial loss, penalty and label smoothing chosen in the options, applied to any critic.
/// Families call it from their loss methods so that every option works the same in every family.
/// </summary>
internal sealed class AdversarialObjective
{
    /// <summary>Creates the objective from training options.</summary>
    public AdversarialObjective(GanTrainingOptions options)
    {
        Loss = options.Loss;
        Penalty = options.Penalty;
        PenaltyWeight = options.PenaltyWeight;
        PenaltyInterval = options.PenaltyInterval;
        RealLabel = options.RealLabel;
    }

    /// <summary>The adversarial loss.</summary>
    public AdversarialLoss Loss { get; }

    /// <summary>The discriminator penalty.</summary>
    public PenaltyKind Penalty { get; }

    /// <summary>λ for the gradient penalty, γ for R1.</summary>
    public double PenaltyWeight { get; }

    /// <summary>Apply the penalty every this many discriminator steps, scaled by the interval (lazy regularization).</summary>
    public int PenaltyInterval { get; }

    /// <summary>Target for real samples (below 1 for one-sided label smoothing).</summary>
    public double RealLabel { get; }

    /// <summary>Index of the current discriminator update, set by the engine (decides lazy regularization).</summary>
    public long DiscriminatorStep { get; internal set; }

    /// <summary>
    /// Discriminator loss on a real and a generated batch, with the configured penalty.
    /// </summary>
    /// <param name="critic">Maps a batch to logits (e.g. the discriminator, with any conditioning concatenated).</param>
    /// <param name="real">Real batch.</param>
    /// <param name="fake">Generated batch (detached here).</param>
    /// <param name="groupSize">Rows the critic reads as one sample (PacGAN), for the penalties.</param>
    public Tensor Discriminator(Func<Tensor, Tensor> critic, Tensor real, Tensor fake, int groupSize = 1)
    {
        using var scope = NewDisposeScope();
        var detachedFake = fake.detach();
        var loss = Adversarial(critic(real), critic(detachedFake)) + PenaltyTerm(critic, real, detachedFake, groupSize);
        return loss.MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The adversarial part of the discriminator loss from logits the family already computed (e.g. a discriminator
    /// with an auxiliary classifier head, whose one forward pass also yields class logits).
    /// </summary>
    public Tensor Adversarial(Tensor realLogits, Tensor fakeLogits) =>
        AdversarialLosses.Discriminator(Loss, realLogits, fakeLogits, RealLabel);

    /// <summary>
    /// The configured penalty for the current discriminator step (a zero scalar when there is none or lazy
    /// regularization skips this step). <see cref="Discriminator"/> adds it; families that call
    /// <see cref="Adversarial"/> add it themselves.
    /// </summary>
    /// <param name="critic">Maps a batch to logits.</param>
    /// <param name="real">Real batch.</param>
    /// <param name="fake">Generated batch, detached from the generator.</param>
    /// <param name="groupSize">Rows the critic reads as one sample (PacGAN).</param>
    public Tensor PenaltyTerm(Func<Tensor, Tensor> critic, Tensor real, Tensor fake, int groupSize = 1)
    {
        bool penalize = Penalty != PenaltyKind.None && DiscriminatorStep % PenaltyInterval == 0;
        if (!penalize)
            return zeros(Array.Empty<long>(), dtype: real.dtype, device: real.device);
        double weight = PenaltyWeight * PenaltyInterval;
        return Penalty == PenaltyKind.GradientPenalty
            ? GradientPenalties.Interpolated(critic, real, fake, weight, groupSize)
            : GradientPenalties.R1(critic, real, weight, groupSize);
    }

    /// <summary>Generator loss given the critic's logits on generated samples.</summary>
    public Tensor Generator(Tensor fakeLogits) => AdversarialLosses.Generator(Loss, fakeLogits);
}
