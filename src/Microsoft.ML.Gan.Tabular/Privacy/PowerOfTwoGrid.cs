namespace Microsoft.ML.Gan.Tabular.Privacy;

/// <summary>
/// A fixed, data-independent grid for DP bounds of a continuous column: 64 bins per sign, [0, 1), [1, 2), [2, 4), …,
/// [2^62, 2^63) and their mirror images, as in SmartNoise's approximate bounds. A noisy count per bin over this grid
/// has a public domain, so it needs no δ for unseen bins.
/// </summary>
internal static class PowerOfTwoGrid
{
    private const int BinsPerSign = 64;

    /// <summary>The number of bins.</summary>
    public const int Count = 2 * BinsPerSign;

    /// <summary>The bin of a finite value.</summary>
    public static int BinOf(double value)
    {
        double magnitude = Math.Abs(value);
        int bin = magnitude < 1 ? 0 : Math.Min(BinsPerSign - 1, (int)Math.Floor(Math.Log2(magnitude)) + 1);
        return value < 0 ? BinsPerSign + bin : bin;
    }

    /// <summary>The [low, high] edges of a bin.</summary>
    public static (double Low, double High) Edges(int bin)
    {
        int magnitudeBin = bin % BinsPerSign;
        double low = magnitudeBin == 0 ? 0 : Math.Pow(2, magnitudeBin - 1);
        double high = Math.Pow(2, magnitudeBin);
        return bin < BinsPerSign ? (low, high) : (-high, -low);
    }
}
