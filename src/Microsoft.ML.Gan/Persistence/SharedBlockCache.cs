namespace Microsoft.ML.Gan.Persistence;

/// <summary>
/// The most recent stream blocks of one generator and seed, shared by the parallel cursors ML.NET may run a loaded
/// model on (each gets batches of rows from the same blocks), so a block is generated once, not once per cursor.
/// Blocks are never modified after generation, so readers use them without locking.
/// </summary>
internal sealed class SharedBlockCache
{
    /// <summary>How many blocks stay cached.</summary>
    public const int Capacity = 4;

    private readonly IRowGenerator _generator;
    private readonly long _seed;
    private readonly LinkedList<(long Index, float[] Values)> _blocks = new();

    public SharedBlockCache(IRowGenerator generator, long seed)
    {
        _generator = generator;
        _seed = seed;
    }

    /// <summary>The block's values (<see cref="GanRowStream.BlockSize"/> rows); do not modify them.</summary>
    public float[] Get(long blockIndex)
    {
        lock (_blocks)
        {
            for (var node = _blocks.First; node is not null; node = node.Next)
            {
                if (node.Value.Index == blockIndex)
                {
                    _blocks.Remove(node);
                    _blocks.AddFirst(node);
                    return node.Value.Values;
                }
            }
            var values = new float[GanRowStream.BlockSize * _generator.OutputLength];
            lock (_generator)
                _generator.GenerateBlock(_seed, blockIndex, values);
            _blocks.AddFirst((blockIndex, values));
            if (_blocks.Count > Capacity)
                _blocks.RemoveLast();
            return values;
        }
    }
}
