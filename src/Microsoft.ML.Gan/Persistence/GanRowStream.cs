namespace Microsoft.ML.Gan.Persistence;

/// <summary>
/// The layout of the deterministic row stream that <see cref="IRowGenerator.GenerateBlock"/> produces.
/// </summary>
internal static class GanRowStream
{
    /// <summary>
    /// Rows per block: row <c>p</c> of a stream lives in block <c>p / BlockSize</c> at offset <c>p % BlockSize</c>.
    /// Generators draw one block's noise in one batch. This value is part of the saved-model contract:
    /// changing it would change the rows of every saved model, so it never changes.
    /// </summary>
    public const int BlockSize = 256;

    /// <summary>The block that holds row <paramref name="position"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The position is negative.</exception>
    public static long BlockOf(long position)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        return position / BlockSize;
    }

    /// <summary>The row's offset inside its block, in rows.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The position is negative.</exception>
    public static int OffsetInBlock(long position)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        return (int)(position % BlockSize);
    }
}
