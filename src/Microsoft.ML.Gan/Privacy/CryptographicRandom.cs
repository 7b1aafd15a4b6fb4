using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Microsoft.ML.Gan.Privacy;

/// <summary>
/// A <see cref="Random"/> whose every draw comes from the operating system's cryptographically secure generator
/// (<see cref="RandomNumberGenerator"/>): it has no seed and no state to save, so what it drew cannot be replayed. Use
/// it for the noise and sampling of differentially private releases, whose guarantee assumes the randomness is secret.
/// </summary>
internal sealed class CryptographicRandom : Random
{
    /// <summary>A fresh 64-bit seed from the secure generator (e.g. for a torch generator that lives for one fit and is never stored).</summary>
    public static long NewSeed() => BinaryPrimitives.ReadInt64LittleEndian(RandomNumberGenerator.GetBytes(sizeof(long)));

    /// <summary>
    /// A torch generator on <paramref name="device"/> seeded with 64 bits from the secure generator. Its seed is not
    /// kept anywhere: dispose the generator when the fit ends.
    /// </summary>
    public static torch.Generator NewTorchGenerator(torch.Device device) => new((ulong)NewSeed(), device);

    /// <inheritdoc />
    public override int Next() => RandomNumberGenerator.GetInt32(int.MaxValue);

    /// <inheritdoc />
    public override int Next(int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return maxValue == 0 ? 0 : RandomNumberGenerator.GetInt32(maxValue);
    }

    /// <inheritdoc />
    public override int Next(int minValue, int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        return minValue == maxValue ? minValue : RandomNumberGenerator.GetInt32(minValue, maxValue);
    }

    /// <inheritdoc />
    public override long NextInt64() => NextInt64(0, long.MaxValue);

    /// <inheritdoc />
    public override long NextInt64(long maxValue) => NextInt64(0, maxValue);

    /// <inheritdoc />
    public override long NextInt64(long minValue, long maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        ulong range = (ulong)(maxValue - minValue);
        if (range == 0) return minValue;
        // Rejection sampling keeps the draw uniform: accept only below the largest multiple of the range.
        ulong limit = ulong.MaxValue - ulong.MaxValue % range;
        ulong draw;
        do draw = NextUInt64();
        while (draw >= limit);
        return minValue + (long)(draw % range);
    }

    /// <summary>Uniform on [0, 1) with 53 random bits.</summary>
    public override double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform on [0, 1) with 24 random bits.</summary>
    public override float NextSingle() => (NextUInt64() >> 40) * (1f / (1 << 24));

    /// <inheritdoc />
    public override void NextBytes(byte[] buffer) => RandomNumberGenerator.Fill(buffer);

    /// <inheritdoc />
    public override void NextBytes(Span<byte> buffer) => RandomNumberGenerator.Fill(buffer);

    /// <inheritdoc />
    protected override double Sample() => NextDouble();

    private static ulong NextUInt64()
    {
        Span<byte> bytes = stackalloc byte[sizeof(ulong)];
        RandomNumberGenerator.Fill(bytes);
        return BinaryPrimitives.ReadUInt64LittleEndian(bytes);
    }
}
