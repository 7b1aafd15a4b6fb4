namespace Microsoft.ML.Gan.Privacy;

/// <summary>
/// The plain Gaussian mechanism for budget spent outside training (e.g. the data transformer's statistics): add
/// N(0, σ²) noise to a query with L2 sensitivity Δ and record the release in an <see cref="RdpAccountant"/>, whose RDP
/// is α·Δ²/(2σ²) at order α (Mironov 2017, "Rényi Differential Privacy", Proposition 7).
/// </summary>
internal static class GaussianMechanism
{
    /// <summary>RDP at <paramref name="order"/> of one Gaussian release: α·Δ²/(2σ²).</summary>
    /// <param name="order">α &gt; 1.</param>
    /// <param name="sensitivity">Δ &gt; 0: L2 sensitivity of the query.</param>
    /// <param name="noiseStandardDeviation">σ &gt; 0: standard deviation of the noise.</param>
    public static double Rdp(double order, double sensitivity, double noiseStandardDeviation)
    {
        if (!(order > 1) || double.IsInfinity(order))
            throw new ArgumentOutOfRangeException(nameof(order), order, "The Rényi order must be finite and greater than 1.");
        Validate(sensitivity, noiseStandardDeviation);
        double ratio = sensitivity / noiseStandardDeviation;
        return order * ratio * ratio / 2;
    }

    /// <summary>
    /// Releases <paramref name="values"/> (one vector-valued query whose L2 sensitivity is <paramref name="sensitivity"/>)
    /// with independent N(0, σ²) noise on every coordinate, and composes the release into <paramref name="accountant"/>.
    /// </summary>
    /// <param name="values">The exact query answer.</param>
    /// <param name="sensitivity">Δ &gt; 0: L2 sensitivity of the whole vector under add/remove-one neighbours.</param>
    /// <param name="noiseStandardDeviation">σ &gt; 0.</param>
    /// <param name="random">Source of randomness (for reproducible tests; not a cryptographic generator).</param>
    /// <param name="accountant">Where the spending is recorded.</param>
    /// <returns>The noisy answer (a new array).</returns>
    public static double[] Release(ReadOnlySpan<double> values, double sensitivity, double noiseStandardDeviation,
        Random random, RdpAccountant accountant)
    {
        Validate(sensitivity, noiseStandardDeviation);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(accountant);
        var result = new double[values.Length];
        for (int i = 0; i < values.Length; i++) result[i] = values[i] + noiseStandardDeviation * StandardNormal(random);
        accountant.AddGaussianRelease(sensitivity, noiseStandardDeviation);
        return result;
    }

    /// <summary>
    /// The smallest noise standard deviation (relative precision 1e-6, rounded up) for which
    /// <paramref name="releases"/> Gaussian releases of a query with sensitivity Δ are (ε, δ)-DP on their own,
    /// under the accountant's default orders and tight conversion.
    /// </summary>
    /// <param name="epsilon">ε &gt; 0.</param>
    /// <param name="delta">δ in (0, 1).</param>
    /// <param name="sensitivity">Δ &gt; 0.</param>
    /// <param name="releases">Number of releases ≥ 1.</param>
    public static double NoiseStandardDeviationFor(double epsilon, double delta, double sensitivity, long releases = 1)
    {
        RdpAccountant.ValidateTargetEpsilon(epsilon, nameof(epsilon));
        RdpAccountant.ValidateDelta(delta, nameof(delta));
        if (!(sensitivity > 0) || double.IsInfinity(sensitivity))
            throw new ArgumentOutOfRangeException(nameof(sensitivity), sensitivity, "The sensitivity Δ must be finite and greater than 0.");
        if (releases < 1) throw new ArgumentOutOfRangeException(nameof(releases), releases, "At least one release is needed.");
        // A Gaussian release is a sampled Gaussian step with q = 1 and noise multiplier σ/Δ.
        return sensitivity * RdpAccountant.NoiseMultiplierFor(epsilon, delta, 1.0, releases);
    }

    internal static void Validate(double sensitivity, double noiseStandardDeviation)
    {
        if (!(sensitivity > 0) || double.IsInfinity(sensitivity))
            throw new ArgumentOutOfRangeException(nameof(sensitivity), sensitivity, "The sensitivity Δ must be finite and greater than 0.");
        if (!(noiseStandardDeviation > 0) || double.IsInfinity(noiseStandardDeviation))
            throw new ArgumentOutOfRangeException(nameof(noiseStandardDeviation), noiseStandardDeviation, "The noise standard deviation σ must be finite and greater than 0.");
    }

    /// <summary>Box–Muller draw from N(0, 1).</summary>
    private static double StandardNormal(Random random)
    {
        double u1 = 1.0 - random.NextDouble(); // (0, 1]
        double u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
