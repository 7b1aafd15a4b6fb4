namespace Microsoft.ML.Gan.Losses;

/// <summary>The adversarial objective. Every loss takes raw discriminator outputs (logits), never probabilities.</summary>
public enum AdversarialLoss
{
    /// <summary>Goodfellow et al. (2014) minimax: G minimizes log(1 − D(G(z))). Saturates early in training.</summary>
    Minimax,

    /// <summary>Goodfellow et al. (2014) non-saturating: G maximizes log D(G(z)). The usual choice for vanilla GANs and DCGAN.</summary>
    NonSaturating,

    /// <summary>Arjovsky et al. (2017) Wasserstein: the critic maximizes E[D(real)] − E[D(fake)]; needs clipping or a gradient penalty.</summary>
    Wasserstein,

    /// <summary>Hinge loss (Lim &amp; Ye 2017; Miyato et al. 2018): D uses max(0, 1 ∓ D(x)), G maximizes E[D(G(z))].</summary>
    Hinge,

    /// <summary>Mao et al. (2017) least squares (LSGAN): targets 1 for real and 0 for fake.</summary>
    LeastSquares,
}
