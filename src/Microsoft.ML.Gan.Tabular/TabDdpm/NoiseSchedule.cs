namespace Microsoft.ML.Gan.Tabular.TabDdpm;

/// <summary>How the forward process's noise grows over the diffusion steps (the same β schedule drives both the Gaussian and the multinomial part).</summary>
public enum NoiseSchedule
{
    /// <summary>Nichol and Dhariwal's cosine schedule: ᾱ(t) = cos²((t/T + 0.008)/1.008 · π/2), β capped at 0.999 (TabDDPM's default).</summary>
    Cosine,

    /// <summary>Ho et al.'s linear schedule: β from 10⁻⁴ to 0.02, scaled by 1000/T (capped at 0.999).</summary>
    Linear,
}
