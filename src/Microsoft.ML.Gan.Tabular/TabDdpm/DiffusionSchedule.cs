namespace Microsoft.ML.Gan.Tabular.TabDdpm;

/// <summary>
/// The forward process's constants for T steps, in double precision: βₜ, αₜ = 1 − βₜ and ᾱₜ = α₀ ⋯ αₜ for
/// t = 0 … T − 1 (step t takes x_{t−1} to xₜ; ᾱ before step 0 is 1). Both diffusions read them: the Gaussian
/// q(xₜ | x₀) = N(√ᾱₜ x₀, (1 − ᾱₜ) I), the multinomial q(xₜ | x₀) = Cat(ᾱₜ x₀ + (1 − ᾱₜ)/K).
/// </summary>
internal sealed class DiffusionSchedule
{
    private DiffusionSchedule(double[] betas)
    {
        Betas = betas;
        AlphaBars = new double[betas.Length];
        double product = 1;
        for (int t = 0; t < betas.Length; t++)
        {
            product *= 1 - betas[t];
            AlphaBars[t] = product;
        }
    }

    public int Steps => Betas.Length;

    public double[] Betas { get; }

    public double[] AlphaBars { get; }

    /// <summary>ᾱ before step <paramref name="t"/> + 1, i.e. ᾱₜ; 1 for t = −1 (the clean data).</summary>
    public double AlphaBar(int t) => t < 0 ? 1 : AlphaBars[t];

    public static DiffusionSchedule Create(NoiseSchedule schedule, int steps) => new(schedule switch
    {
        NoiseSchedule.Cosine => CosineBetas(steps),
        NoiseSchedule.Linear => LinearBetas(steps),
        _ => throw new ArgumentOutOfRangeException(nameof(schedule), schedule, "Unknown noise schedule."),
    });

    /// <summary>
    /// The timesteps a sampler visits, descending from T − 1 to 0: every step when <paramref name="samplingSteps"/>
    /// is T, else <paramref name="samplingSteps"/> evenly spaced ones (rounded; distinct).
    /// </summary>
    public int[] SamplingTimesteps(int samplingSteps)
    {
        if (samplingSteps >= Steps)
            return [.. Enumerable.Range(0, Steps).Reverse()];
        var visited = new SortedSet<int>();
        for (int i = 0; i < samplingSteps; i++)
            visited.Add((int)Math.Round(i * (Steps - 1) / (double)Math.Max(1, samplingSteps - 1)));
        return [.. visited.Reverse()];
    }

    private static double[] CosineBetas(int steps)
    {
        static double AlphaBarAt(double u) => Math.Pow(Math.Cos((u + 0.008) / 1.008 * Math.PI / 2), 2);
        var betas = new double[steps];
        for (int t = 0; t < steps; t++)
            betas[t] = Math.Min(1 - AlphaBarAt((t + 1.0) / steps) / AlphaBarAt((double)t / steps), 0.999);
        return betas;
    }

    private static double[] LinearBetas(int steps)
    {
        double scale = 1000.0 / steps;
        double first = scale * 1e-4, last = scale * 0.02;
        return [.. Enumerable.Range(0, steps).Select(t => Math.Min(steps == 1 ? first : first + (last - first) * t / (steps - 1), 0.999))];
    }
}
