namespace Microsoft.ML.Gan.Privacy;

/// <summary>
/// Rényi differential privacy of one step of the Poisson-subsampled Gaussian mechanism, following Mironov, Talwar
/// &amp; Zhang (2019), "Rényi Differential Privacy of the Sampled Gaussian Mechanism" (arXiv:1908.10530), Section 3.
/// With μ₀ = N(0, σ²), μ₁ = N(1, σ²) and μ = (1 − q)μ₀ + qμ₁, the RDP at order α is
/// log(A_α)/(α − 1) with A_α = E_{z∼μ₀}[(μ(z)/μ₀(z))^α].
/// </summary>
internal static class SubsampledGaussianRdp
{
    /// <summary>Integer orders up to this are summed exactly (α + 1 terms); larger ones use the series.</summary>
    private const double MaxExactIntegerOrder = 1 << 20;

    /// <summary>Safety cap on the fractional-order series (it converges far sooner for any sensible input).</summary>
    private const int MaxSeriesTerms = 2_000_000;

    /// <summary>Series terms this far (in log space) below the running total are negligible (≈ 1e-15 relative).</summary>
    private const double SeriesCutoff = 34.5;

    /// <summary>RDP at <paramref name="order"/> of one step; arguments are assumed validated.</summary>
    public static double Compute(double sampleRate, double noiseMultiplier, double order)
    {
        if (sampleRate == 0) return 0;
        if (sampleRate == 1) return order / (2 * noiseMultiplier * noiseMultiplier);
        double logA = order == Math.Floor(order) && order <= MaxExactIntegerOrder
            ? LogAIntegerOrder(sampleRate, noiseMultiplier, (int)order)
            : LogAFractionalOrder(sampleRate, noiseMultiplier, order);
        // A_α ≥ 1 (a Rényi divergence is non-negative); clamp round-off below zero.
        return Math.Max(0, logA / (order - 1));
    }

    /// <summary>
    /// Integer α: binomial expansion A_α = Σ_{k=0}^{α} C(α,k) (1 − q)^{α−k} q^k exp((k² − k)/(2σ²)),
    /// summed in log space (two passes: maximum, then Σ exp(term − max)).
    /// </summary>
    internal static double LogAIntegerOrder(double q, double sigma, int alpha)
    {
        double logQ = Math.Log(q);
        double log1mQ = LogMath.Log1P(-q);
        double twoSigma2 = 2 * sigma * sigma;
        var terms = new double[alpha + 1];
        double logBinomial = 0; // log C(α, 0)
        double max = double.NegativeInfinity;
        for (int k = 0; k <= alpha; k++)
        {
            if (k > 0) logBinomial += Math.Log(alpha - k + 1) - Math.Log(k);
            double kd = k;
            double t = logBinomial + kd * logQ + (alpha - kd) * log1mQ + (kd * kd - kd) / twoSigma2;
            terms[k] = t;
            if (t > max) max = t;
        }
        if (double.IsPositiveInfinity(max)) return double.PositiveInfinity;
        double sum = 0;
        for (int k = 0; k <= alpha; k++) sum += Math.Exp(terms[k] - max);
        return max + Math.Log(sum);
    }

    /// <summary>
    /// Fractional α (Mironov et al. 2019, Section 3.3): split the expectation at z₀ = σ² log(1/q − 1) + ½, where
    /// q·μ₁/μ₀ = 1 − q, and expand (1 − q + q·μ₁/μ₀)^α as a generalized binomial series on each side:
    /// A_α = Σ_k C(α,k) (1 − q)^{α−k} q^k exp((k² − k)/(2σ²)) · ½ erfc((k − z₀)/(√2 σ))
    ///     + Σ_k C(α,k) q^{α−k} (1 − q)^k exp(((α−k)² − (α−k))/(2σ²)) · ½ erfc((z₀ − (α − k))/(√2 σ)).
    /// Generalized binomial coefficients change sign once k exceeds α, so positive and negative terms are summed
    /// separately in log space and subtracted at the end.
    /// </summary>
    internal static double LogAFractionalOrder(double q, double sigma, double alpha)
    {
        double logQ = Math.Log(q);
        double log1mQ = LogMath.Log1P(-q);
        double twoSigma2 = 2 * sigma * sigma;
        double sqrt2Sigma = Math.Sqrt(2) * sigma;
        double z0 = sigma * sigma * (log1mQ - logQ) + 0.5;
        double logHalf = -Math.Log(2);

        var positive = new LogMath.LogSum();
        var negative = new LogMath.LogSum();
        double logAbsBinomial = 0; // log |C(α, 0)|
        bool binomialPositive = true;
        for (int k = 0; k < MaxSeriesTerms; k++)
        {
            if (k > 0)
            {
                double ratio = (alpha - (k - 1)) / k; // C(α,k) = C(α,k−1) · (α − k + 1)/k
                if (ratio == 0) break;                // only for integer α, which is handled elsewhere
                logAbsBinomial += Math.Log(Math.Abs(ratio));
                if (ratio < 0) binomialPositive = !binomialPositive;
            }
            double j = alpha - k;
            double s0 = logAbsBinomial + k * logQ + j * log1mQ + ((double)k * k - k) / twoSigma2
                + logHalf + LogMath.LogErfc((k - z0) / sqrt2Sigma);
            double s1 = logAbsBinomial + j * logQ + k * log1mQ + (j * j - j) / twoSigma2
                + logHalf + LogMath.LogErfc((z0 - j) / sqrt2Sigma);
            if (binomialPositive)
            {
                positive.Add(s0);
                positive.Add(s1);
            }
            else
            {
                negative.Add(s0);
                negative.Add(s1);
            }
            // Past k > α the coefficients shrink and every further term is smaller (see the remarks in Section 3.3);
            // stop when both new terms are negligible against the (never smaller than 0 = log 1) running total.
            if (k > alpha + 1 && Math.Max(s0, s1) < Math.Max(positive.Log, 0) - SeriesCutoff) break;
            if (k == MaxSeriesTerms - 1)
                throw new ArithmeticException($"The RDP series for order {alpha} did not converge (q = {q}, σ = {sigma}).");
        }
        if (double.IsPositiveInfinity(positive.Log)) return double.PositiveInfinity;
        return LogMath.LogSub(positive.Log, negative.Log);
    }
}
