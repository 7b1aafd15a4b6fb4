namespace Microsoft.ML.Gan.Torch;

/// <summary>
/// Derives independent, reproducible seeds for generation: one per (base seed, block) or per row seed, with the
/// SplitMix64 finalizer so that neighbouring inputs give unrelated streams. Part of the saved-model contract: the
/// same inputs must give the same seeds in every version.
/// </summary>
internal static class NoiseSeeds
{
    /// <summary>The seed of block <paramref name="blockIndex"/> of the stream of <paramref name="seed"/>.</summary>
    public static long ForBlock(long seed, long blockIndex) => (long)Mix(Mix((ulong)seed) ^ (ulong)blockIndex);

    /// <summary>The seed of a single row generated from its own seed value.</summary>
    public static long ForRow(long rowSeed) => (long)Mix((ulong)rowSeed ^ 0x5851F42D4C957F2DUL);

    /// <summary>
    /// The seed of the row at position <paramref name="position"/> of a conditioned stream of <paramref name="seed"/>
    /// (conditioned rows are generated one by one, each from its own seed).
    /// </summary>
    public static long ForPosition(long seed, long position) => (long)Mix(Mix((ulong)seed ^ 0xD1B54A32D192ED03UL) ^ (ulong)position);

    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
