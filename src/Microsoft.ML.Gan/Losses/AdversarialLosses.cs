using static TorchSharp.torch.nn.functional;

namespace Microsoft.ML.Gan.Losses;

/// <summary>Discriminator and generator losses on logits, averaged over the batch.</summary>
internal static class AdversarialLosses
{
    /// <summary>
    /// The discriminator's (critic's) loss for one batch of real and fake logits.
    /// </summary>
    /// <param name="loss">Which objective.</param>
    /// <param name="realLogits">D's outputs on real samples.</param>
    /// <param name="fakeLogits">D's outputs on generated samples.</param>
    /// <param name="realTarget">Target for real samples in the probabilistic losses: 1, or e.g. 0.9 for one-sided label
    /// smoothing (Salimans et al. 2016). Ignored by Wasserstein and hinge.</param>
    public static Tensor Discriminator(AdversarialLoss loss, Tensor realLogits, Tensor fakeLogits, double realTarget = 1.0)
    {
        switch (loss)
        {
            case AdversarialLoss.Minimax:
            case AdversarialLoss.NonSaturating:
                using (var realTargets = full_like(realLogits, realTarget))
                using (var fakeTargets = zeros_like(fakeLogits))
                {
                    return binary_cross_entropy_with_logits(realLogits, realTargets)
                        + binary_cross_entropy_with_logits(fakeLogits, fakeTargets);
                }
            case AdversarialLoss.Wasserstein:
                return fakeLogits.mean() - realLogits.mean();
            case AdversarialLoss.Hinge:
                return relu(1.0 - realLogits).mean() + relu(1.0 + fakeLogits).mean();
            case AdversarialLoss.LeastSquares:
                return 0.5 * ((realLogits - realTarget).square().mean() + fakeLogits.square().mean());
            default:
                throw new ArgumentOutOfRangeException(nameof(loss), loss, "Unknown adversarial loss.");
        }
    }

    /// <summary>The generator's loss given the discriminator's logits on generated samples.</summary>
    public static Tensor Generator(AdversarialLoss loss, Tensor fakeLogits)
    {
        return loss switch
        {
            // log(1 − sigmoid(l)) = −softplus(l): G minimizes it.
            AdversarialLoss.Minimax => -softplus(fakeLogits).mean(),
            // −log sigmoid(l) = softplus(−l).
            AdversarialLoss.NonSaturating => softplus(-fakeLogits).mean(),
            AdversarialLoss.Wasserstein or AdversarialLoss.Hinge => -fakeLogits.mean(),
            AdversarialLoss.LeastSquares => 0.5 * (fakeLogits - 1.0).square().mean(),
            _ => throw new ArgumentOutOfRangeException(nameof(loss), loss, "Unknown adversarial loss."),
        };
    }
}
