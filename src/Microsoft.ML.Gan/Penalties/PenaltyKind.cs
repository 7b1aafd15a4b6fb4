namespace Microsoft.ML.Gan.Penalties;

/// <summary>Regularizer added to the discriminator's loss.</summary>
public enum PenaltyKind
{
    /// <summary>No penalty.</summary>
    None,

    /// <summary>Gulrajani et al. (2017) WGAN-GP: λ·E[(‖∇D(x̂)‖₂ − 1)²] on per-sample interpolates x̂ of real and fake.</summary>
    GradientPenalty,

    /// <summary>Mescheder et al. (2018) R1: (γ/2)·E[‖∇D(x)‖₂²] on real samples.</summary>
    R1,
}
