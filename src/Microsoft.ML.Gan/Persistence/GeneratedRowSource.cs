namespace Microsoft.ML.Gan.Persistence;

/// <summary>
/// One reader's view of a generator: serves stream rows from a cached block (so consecutive rows cost one batched
/// call per <see cref="GanRowStream.BlockSize"/> rows) and seeded rows one at a time. Not thread-safe: each cursor,
/// row or loaded-mapping state owns one; the generator itself is shared and locked per call.
/// </summary>
internal sealed class GeneratedRowSource
{
    private readonly IRowGenerator _generator;
    private readonly long _seed;
    private float[]? _block;
    private long _blockIndex = -1;

    public GeneratedRowSource(IRowGenerator generator, long seed)
    {
        ArgumentNullException.ThrowIfNull(generator);
        if (generator.OutputLength <= 0)
            throw new ArgumentException($"The generator's OutputLength must be positive, not {generator.OutputLength}.", nameof(generator));
        _generator = generator;
        _seed = seed;
    }

    public int OutputLength => _generator.OutputLength;

    /// <summary>Copies row <paramref name="position"/> of the base seed's stream into <paramref name="destination"/>.</summary>
    public void ReadStreamRow(long position, Span<float> destination)
    {
        long block = GanRowStream.BlockOf(position);
        int width = OutputLength;
        float[] buffer = _block ??= new float[GanRowStream.BlockSize * width];
        if (block != _blockIndex)
        {
            _blockIndex = -1;
            lock (_generator)
                _generator.GenerateBlock(_seed, block, buffer);
            _blockIndex = block;
        }
        buffer.AsSpan(GanRowStream.OffsetInBlock(position) * width, width).CopyTo(destination);
    }

    /// <summary>Generates the row of an explicit per-row seed into <paramref name="destination"/>.</summary>
    public void ReadSeededRow(long rowSeed, Span<float> destination)
    {
        lock (_generator)
            _generator.GenerateFromSeed(rowSeed, destination[..OutputLength]);
    }
}
