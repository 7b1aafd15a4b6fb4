namespace Microsoft.ML.Gan.Training;

/// <summary>
/// Optional capability of an <see cref="IAdversarialProblem"/> that computes its discriminator's gradients itself
/// instead of returning a loss for the engine to differentiate (e.g. DP-SGD, which clips per-sample gradients and adds
/// noise). The engine then runs its usual guard, optimizer step and weight clipping on those gradients.
/// </summary>
internal interface IDiscriminatorGradients
{
    /// <summary>
    /// Writes the discriminator's gradients for one step into its parameters' <c>.grad</c> and returns the loss value to
    /// report (NaN when nothing may be reported: see <see cref="IAdversarialProblem.IsDifferentiallyPrivate"/>).
    /// </summary>
    /// <param name="objective">The configured adversarial objective.</param>
    /// <param name="batchSize">The batch size of the options (the expected size, under Poisson sampling).</param>
    double WriteDiscriminatorGradients(AdversarialObjective objective, int batchSize);
}
