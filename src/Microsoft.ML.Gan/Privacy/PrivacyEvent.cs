namespace Microsoft.ML.Gan.Privacy;

/// <summary>What kind of mechanism an accountant entry records.</summary>
public enum PrivacyEventKind
{
    /// <summary>Steps of the Poisson-subsampled Gaussian mechanism (DP-SGD).</summary>
    SampledGaussian,

    /// <summary>One-off releases of the plain Gaussian mechanism (e.g. noisy statistics of a data transformer).</summary>
    GaussianRelease,
}

/// <summary>One phase in an accountant's history: <paramref name="Count"/> identical mechanism invocations.</summary>
/// <param name="Kind">Which mechanism.</param>
/// <param name="NoiseMultiplier">Noise standard deviation divided by the L2 sensitivity (σ/Δ).</param>
/// <param name="SampleRate">Poisson sampling probability q (1 for a plain Gaussian release).</param>
/// <param name="Count">How many times it ran.</param>
public sealed record PrivacyEvent(PrivacyEventKind Kind, double NoiseMultiplier, double SampleRate, long Count);
