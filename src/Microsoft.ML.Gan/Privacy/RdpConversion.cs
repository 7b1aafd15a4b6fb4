namespace Microsoft.ML.Gan.Privacy;

/// <summary>How an accountant turns Rényi-DP curves into an (ε, δ) guarantee.</summary>
public enum RdpConversion
{
    /// <summary>
    /// The tighter conversion used by current TF-Privacy/dp_accounting and Opacus (the default): Balle, Barthe,
    /// Gaboardi, Hsu &amp; Sato (2020), "Hypothesis Testing Interpretations and Rényi Differential Privacy",
    /// Theorem 21, in the form of Canonne, Kamath &amp; Steinke (2020), Proposition 12:
    /// ε = RDP(α) + log((α − 1)/α) − (log δ + log α)/(α − 1).
    /// In addition, (0, δ)-DP is reported whenever δ ≥ √(1 − e^(−RDP(α))) (total-variation bound via the
    /// Bretagnolle–Huber inequality, valid because RDP(α) ≥ KL for α ≥ 1), as dp_accounting does.
    /// </summary>
    Tight,

    /// <summary>
    /// The original conversion of Mironov (2017), "Rényi Differential Privacy", Proposition 3 (and of the moments
    /// accountant, Abadi et al. 2016): ε = RDP(α) + log(1/δ)/(α − 1). Always at least as large as <see cref="Tight"/>;
    /// offered to reproduce numbers published before 2020.
    /// </summary>
    Classic,
}
