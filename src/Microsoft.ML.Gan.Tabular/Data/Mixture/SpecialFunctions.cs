namespace Microsoft.ML.Gan.Tabular.Data;

/// <summary>Digamma and log-gamma for positive arguments, as the variational updates need them.</summary>
internal static class SpecialFunctions
{
    private static readonly double HalfLogTwoPi = 0.5 * Math.Log(2 * Math.PI);

    /// <summary>ψ(x) for x &gt; 0: recurrence up to x ≥ 6, then the asymptotic series (error below 1e-12).</summary>
    public static double Digamma(double x)
    {
        double result = 0;
        while (x < 6)
        {
            result -= 1 / x;
            x += 1;
        }
        double f = 1 / (x * x);
        return result + Math.Log(x) - 0.5 / x
            - f * (1.0 / 12 - f * (1.0 / 120 - f * (1.0 / 252 - f * (1.0 / 240 - f * (1.0 / 132)))));
    }

    /// <summary>ln Γ(x) for x &gt; 0: recurrence up to x ≥ 10, then Stirling's series (error below 1e-12).</summary>
    public static double LogGamma(double x)
    {
        double shift = 0;
        while (x < 10)
        {
            shift += Math.Log(x);
            x += 1;
        }
        double inverse = 1 / x;
        double f = inverse * inverse;
        double series = inverse * (1.0 / 12 - f * (1.0 / 360 - f * (1.0 / 1260 - f * (1.0 / 1680))));
        return (x - 0.5) * Math.Log(x) - x + HalfLogTwoPi + series - shift;
    }

    /// <summary>ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b).</summary>
    public static double LogBeta(double a, double b) => LogGamma(a) + LogGamma(b) - LogGamma(a + b);
}
