namespace Microsoft.ML.Gan.Persistence;

/// <summary>
/// A fitted generator as the persistence bridge sees it: something that turns a seed into rows of floats.
/// Every GAN family (vector GANs, tabular synthesizers, image GANs) implements it for its own network.
/// </summary>
/// <remarks>
/// <para>
/// Two ways of asking for rows exist. Without a seed column the rows of a transformer form one deterministic
/// stream per base seed: row <c>p</c> is row <c>p % GanRowStream.BlockSize</c> of block
/// <c>p / GanRowStream.BlockSize</c>, and a block depends only on (seed, block index). That is what lets the live
/// transformer and a model loaded with <c>mlContext.Model.Load</c> produce the same rows while generating a whole
/// block in one batched network call. With a seed column each row is generated from its own seed.
/// </para>
/// <para>
/// The bridge serializes calls on one instance (it locks on the instance), so implementations need not be
/// thread-safe. Both methods must be deterministic: the same arguments always give the same values.
/// </para>
/// </remarks>
internal interface IRowGenerator : IDisposable
{
    /// <summary>The number of floats in one generated row (the size of the output vector column).</summary>
    int OutputLength { get; }

    /// <summary>
    /// Generates block <paramref name="blockIndex"/> of the row stream of <paramref name="seed"/>:
    /// <see cref="GanRowStream.BlockSize"/> rows, row-major.
    /// </summary>
    /// <param name="seed">The stream's base seed.</param>
    /// <param name="blockIndex">The block's index (0 for rows 0 .. BlockSize-1).</param>
    /// <param name="destination">Exactly <c>GanRowStream.BlockSize * OutputLength</c> floats.</param>
    void GenerateBlock(long seed, long blockIndex, Span<float> destination);

    /// <summary>Generates one row from an explicit per-row seed (used when the input has a seed column).</summary>
    /// <param name="rowSeed">The row's seed.</param>
    /// <param name="destination">Exactly <see cref="OutputLength"/> floats.</param>
    void GenerateFromSeed(long rowSeed, Span<float> destination);
}
