namespace Microsoft.ML.Gan.Privacy;

/// <summary>
/// Log-space arithmetic and the error-function pieces the RDP accountant needs. .NET has no <c>erfc</c>, and
/// <c>double.LogP1</c>/<c>double.ExpM1</c> are computed naively (<c>Log(1 + x)</c>), so accurate versions live here.
/// </summary>
internal static class LogMath
{
    private static readonly double LogSqrtPi = 0.5 * Math.Log(Math.PI);
    private const double TwoOverSqrtPi = 1.1283791670955126;

    /// <summary>log(1 + x), accurate for tiny x (Goldberg's correction: exact when 1 + x rounds).</summary>
    public static double Log1P(double x)
    {
        if (x <= -1) return x == -1 ? double.NegativeInfinity : double.NaN;
        double u = 1 + x;
        if (u == 1) return x;
        return Math.Log(u) * x / (u - 1);
    }

    /// <summary>exp(x) − 1, accurate for tiny x (Kahan's correction).</summary>
    public static double ExpM1(double x)
    {
        if (Math.Abs(x) > 0.5) return Math.Exp(x) - 1;
        double u = Math.Exp(x);
        if (u == 1) return x;
        double um1 = u - 1;
        return um1 * x / Math.Log(u);
    }

    /// <summary>
    /// Streaming sum of terms given by their logarithms: the running total is <c>exp(Max) · Scale</c>, so no term
    /// overflows or underflows on its own.
    /// </summary>
    public struct LogSum
    {
        private double _max;
        private double _scale;
        private bool _any;

        /// <summary>Adds exp(logTerm).</summary>
        public void Add(double logTerm)
        {
            if (double.IsNegativeInfinity(logTerm)) return;
            if (!_any)
            {
                _max = logTerm;
                _scale = 1;
                _any = true;
            }
            else if (logTerm <= _max)
            {
                _scale += Math.Exp(logTerm - _max);
            }
            else
            {
                _scale = _scale * Math.Exp(_max - logTerm) + 1;
                _max = logTerm;
            }
        }

        /// <summary>The logarithm of the total so far (−∞ when empty).</summary>
        public readonly double Log => _any ? _max + Math.Log(_scale) : double.NegativeInfinity;
    }

    /// <summary>log(exp(a) − exp(b)) for a ≥ b; −∞ when they are equal.</summary>
    public static double LogSub(double a, double b)
    {
        if (double.IsNegativeInfinity(b)) return a;
        if (b > a) throw new ArithmeticException("Log-space subtraction would be negative.");
        if (a == b) return double.NegativeInfinity;
        return a + Log1P(-Math.Exp(b - a));
    }

    /// <summary>log(erfc(x)) for any real x, accurate also deep in the upper tail (where erfc underflows).</summary>
    public static double LogErfc(double x)
    {
        if (double.IsNaN(x)) return double.NaN;
        if (x < 0)
        {
            // erfc(x) = 2 − erfc(−x) ∈ (1, 2].
            return Math.Log(2 - Erfc(-x));
        }
        if (x < 2.5) return Math.Log(1 - Erf(x));
        return -x * x - LogSqrtPi + Math.Log(ErfcContinuedFraction(x));
    }

    /// <summary>erfc(x) for x ≥ 0 (relative error ≈ 1e-13 or better).</summary>
    private static double Erfc(double x)
    {
        if (x < 2.5) return 1 - Erf(x);
        if (x > 27.3) return 0; // below the smallest double
        return Math.Exp(-x * x) / Math.Sqrt(Math.PI) * ErfcContinuedFraction(x);
    }

    /// <summary>
    /// erf(x) for 0 ≤ x ≤ ~6 from the all-positive series erf(x) = 2/√π · e^(−x²) · Σ 2ⁿ x^(2n+1) / (1·3·…·(2n+1))
    /// (Abramowitz &amp; Stegun 7.1.6), which has no cancellation.
    /// </summary>
    private static double Erf(double x)
    {
        double x2 = x * x;
        double term = x, sum = x;
        for (int n = 0; n < 500; n++)
        {
            term *= 2 * x2 / (2 * n + 3);
            sum += term;
            if (term < 1e-17 * sum) break;
        }
        return TwoOverSqrtPi * Math.Exp(-x2) * sum;
    }

    /// <summary>
    /// erfc(x) · √π · e^(x²) for x ≥ 2.5 from Laplace's continued fraction
    /// 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))) (A&amp;S 7.1.14), evaluated with the modified Lentz method.
    /// </summary>
    private static double ErfcContinuedFraction(double x)
    {
        const double tiny = 1e-300;
        // f = b0 + a1/(b1 + a2/(b2 + …)) with b_k = x, a_k = k/2 (k ≥ 1); the value wanted is 1/f.
        double f = x, c = x, d = 0;
        for (int k = 1; k < 5000; k++)
        {
            double a = 0.5 * k;
            d = x + a * d;
            if (Math.Abs(d) < tiny) d = tiny;
            c = x + a / c;
            if (Math.Abs(c) < tiny) c = tiny;
            d = 1 / d;
            double delta = c * d;
            f *= delta;
            if (Math.Abs(delta - 1) < 1e-16) break;
        }
        return 1 / f;
    }
}
