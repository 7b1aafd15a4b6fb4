namespace Microsoft.ML.Gan.Tabular.Ctgan;

/// <summary>
/// One of <see cref="Count"/> equal parts of a sampled row stream, so that several processes (or machines) produce
/// one table between them: shard K of M of an n-row sample is rows [K·n/M, (K+1)·n/M) of the unsharded stream
/// (integer division), the same rows one process would write there. Concatenating the shards 0 … M−1 in order gives
/// exactly the unsharded sample.
/// </summary>
/// <param name="Index">K, from 0 to <see cref="Count"/> − 1.</param>
/// <param name="Count">M, at least 1.</param>
public readonly record struct SampleShard(int Index, int Count)
{
    /// <summary>The whole stream as one shard (0 of 1).</summary>
    public static SampleShard All => new(0, 1);

    /// <summary>The first row of this shard and how many rows it has, in an <paramref name="rowCount"/>-row sample.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The shard is not K of M with 0 ≤ K &lt; M, or the row count is negative.</exception>
    public (long Start, long Count) Rows(long rowCount)
    {
        Validate();
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        long start = Boundary(rowCount, Index), end = Boundary(rowCount, Index + 1);
        return (start, end - start);
    }

    /// <summary>"K/M".</summary>
    public override string ToString() => $"{Index}/{Count}";

    /// <exception cref="ArgumentOutOfRangeException">Not 0 ≤ <see cref="Index"/> &lt; <see cref="Count"/>.</exception>
    internal void Validate()
    {
        if (Count < 1 || Index < 0 || Index >= Count)
            throw new ArgumentOutOfRangeException(nameof(Index), $"Shard {Index}/{Count} is not K/M with 0 <= K < M.");
    }

    private long Boundary(long rowCount, int index) => (long)((Int128)rowCount * index / Count);
}
