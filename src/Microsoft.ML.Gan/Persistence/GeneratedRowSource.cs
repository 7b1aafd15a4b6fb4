namespace Microsoft.ML.Gan.Persistence;

/// <summary>
/// One reader's view of a generator: serves stream rows from a current block (so consecutive rows cost one batched
/// call per <see cref="GanRowStream.BlockSize"/> rows) and seeded rows one at a time. Not thread-safe: each cursor,
/// row or loaded-mapping output owns one; the generator is shared and locked per call.
/// </summary>
internal sealed class GeneratedRowSource
{
    private readonly IRowGenerator _generator;
    private readonly long _seed;
    private readonly SharedBlockCache? _shared;
    private float[]? _block;
    private long _blockIndex = -1;

    /// <param name="generator">The generator.</param>
    /// <param name="seed">The stream's base seed.</param>
    /// <param name="shared">Blocks shared with other readers, or null to generate into a private buffer.</param>
    public GeneratedRowSource(IRowGenerator generator, long seed, SharedBlockCache? shared = null)
    {
        ArgumentNullException.ThrowIfNull(generator);
        if (generator.OutputLength <= 0)
            throw new ArgumentException($"The generator's OutputLength must be positive, not {generator.OutputLength}.", nameof(generator));
        _generator = generator;
        _seed = seed;
        _shared = shared;
    }

    public int OutputLength => _generator.OutputLength;

    /// <summary>Copies row <paramref name="position"/> of the base seed's stream into <paramref name="destination"/>.</summary>
    public void ReadStreamRow(long position, Span<float> destination)
    {
        long block = GanRowStream.BlockOf(position);
        if (block != _blockIndex || _block is null)
        {
            _blockIndex = -1;
            if (_shared is not null)
            {
                _block = _shared.Get(block);
            }
            else
            {
                _block ??= new float[GanRowStream.BlockSize * OutputLength];
                lock (_generator)
                    _generator.GenerateBlock(_seed, block, _block);
            }
            _blockIndex = block;
        }
        _block.AsSpan(GanRowStream.OffsetInBlock(position) * OutputLength, OutputLength).CopyTo(destination);
    }

    /// <summary>Generates the row of an explicit per-row seed into <paramref name="destination"/>.</summary>
    public void ReadSeededRow(long rowSeed, Span<float> destination)
    {
        lock (_generator)
            _generator.GenerateFromSeed(rowSeed, destination[..OutputLength]);
    }

    /// <summary>Generates the row of a per-row seed and condition into <paramref name="destination"/>.</summary>
    /// <exception cref="InvalidOperationException">The generator is not an <see cref="IConditionalRowGenerator"/>.</exception>
    public void ReadConditionedRow(long rowSeed, ReadOnlySpan<float> condition, Span<float> destination)
    {
        if (_generator is not IConditionalRowGenerator conditional)
            throw new InvalidOperationException($"The generator {_generator.GetType().Name} cannot be conditioned.");
        lock (_generator)
            conditional.GenerateConditioned(rowSeed, condition, destination[..OutputLength]);
    }
}
