using System.Runtime.InteropServices;

namespace Microsoft.ML.Gan.Tabular.Ctgan;

/// <summary>
/// A fitted tabular synthesizer's generator as <see cref="CtganModel"/> drives it: CTGAN's or TVAE's network
/// (<see cref="CtganGenerator"/>) or TabDDPM's denoiser. A subclass turns per-block torch generators into encoded rows
/// (<see cref="Encoded"/>); this class owns the row stream (row p of seed s is row p % 256 of block p / 256, a block's
/// randomness drawn from its own generator seeded by <see cref="NoiseSeeds.ForBlock"/>), bulk sampling (4 blocks per
/// call), decoding with the data transformer, and the <see cref="IRowGenerator"/> form (<see cref="DecodedRows"/>).
/// </summary>
internal abstract class TabularGenerator : IRowGenerator
{
    /// <summary>
    /// Blocks generated per network call in bulk sampling: 1,024 rows, whose tensors stay in the cache from one
    /// operation to the next (adult, one thread: about a fifth less CPU per row than 4,096-row calls; see BENCHMARKS.md).
    /// </summary>
    private const int BlocksPerCall = 4;

    protected TabularGenerator(DataTransformer transformer)
    {
        Transformer = transformer;
        Layout = new ConditionLayout(transformer);
        Schema = transformer.InverseTransform(new float[transformer.OutputDimension], 1);
    }

    public DataTransformer Transformer { get; }

    /// <summary>The discrete columns' category spans, by which a condition is resolved.</summary>
    public ConditionLayout Layout { get; }

    /// <summary>One decoded row: the fitted columns' names, types, kinds and categories.</summary>
    public TabularTable Schema { get; }

    /// <summary>The differential privacy spent by the fit, or null when it was not private.</summary>
    public Privacy.TabularPrivacyReport? Privacy { get; init; }

    /// <summary>
    /// The file's columns around the learned ones (generated identifiers, dates in the file's format) that samples get,
    /// or null for the learned columns only. Set once, on a fresh copy, by <see cref="CtganModel.WithMetadata"/>.
    /// </summary>
    public SyntheticCompletion? Completion { get; set; }

    /// <summary>The payload family of a saved model with this generator.</summary>
    public abstract string Family { get; }

    /// <summary>The payload family of a saved model whose rows are conditioned by an input column.</summary>
    public abstract string ConditionedFamily { get; }

    public int OutputLength => DecodedRows.Width(Schema.Columns.Count);

    /// <summary>The payload body (the family's reader turns it back into an equal generator).</summary>
    public abstract byte[] Write();

    /// <summary>The condition that forces category <paramref name="categoryIndex"/> (its position in the span) of a conditionable column.</summary>
    /// <exception cref="NotSupportedException">The generator cannot be conditioned.</exception>
    public virtual ForcedCategory Force(string columnName, int categoryIndex)
    {
        int column = Layout.IndexOf(columnName);
        return new ForcedCategory(column, Layout.SpanStart[column] + categoryIndex, Layout.Spans[column].Start + categoryIndex);
    }

    public void GenerateBlock(long seed, long blockIndex, Span<float> destination) =>
        DecodedRows.Write(DecodeBlocks(seed, blockIndex, 1, null, GanRowStream.BlockSize)[0], destination);

    public void GenerateFromSeed(long rowSeed, Span<float> destination) => GenerateFromSeed(rowSeed, null, destination);

    /// <summary>One row from its own seed, optionally with one category forced.</summary>
    public void GenerateFromSeed(long rowSeed, ForcedCategory? condition, Span<float> destination)
    {
        using var scope = NewDisposeScope();
        long noiseSeed = NoiseSeeds.ForRow(rowSeed);
        using var generator = new Generator((ulong)noiseSeed, CPU);
        var encoded = CollectionFreeStep.RunSamplingCall(() => Encoded([generator], 1, condition));
        DecodedRows.Write(Transformer.InverseTransform(Floats(encoded), 1, unchecked((int)noiseSeed)), destination);
    }

    /// <summary>
    /// Rows [<paramref name="start"/>, <paramref name="start"/> + <paramref name="rows"/>) of the stream of
    /// <paramref name="seed"/> (the rows the transformer gives input rows start, start + 1, …), optionally with one
    /// category forced in every row. Only the blocks holding these rows are generated, so any range costs its own rows.
    /// </summary>
    public TabularTable Sample(long start, int rows, long seed, ForcedCategory? condition)
    {
        if (rows == 0)
            return Transformer.InverseTransform([], 0);
        long end = start + rows;
        long firstBlock = GanRowStream.BlockOf(start), endBlock = GanRowStream.BlockOf(end - 1) + 1;
        var parts = new List<TabularTable>();
        for (long first = firstBlock; first < endBlock; first += BlocksPerCall)
        {
            int count = (int)Math.Min(BlocksPerCall, endBlock - first);
            long decoded = Math.Min(end - first * GanRowStream.BlockSize, (long)count * GanRowStream.BlockSize);
            parts.AddRange(DecodeBlocks(seed, first, count, condition, (int)decoded));
        }
        return TableConcatenation.Concat(parts, GanRowStream.OffsetInBlock(start), rows);
    }

    /// <summary>
    /// Encoded rows ready for decoding, a contiguous float32 CPU tensor [rows, encoded width] (in the caller's dispose
    /// scope), <paramref name="rowsPerGenerator"/> per generator: each generator draws its own rows' randomness, so a
    /// block's rows depend on its generator only (and on the condition).
    /// </summary>
    protected abstract Tensor Encoded(Generator[] generators, int rowsPerGenerator, ForcedCategory? condition);

    /// <summary>
    /// One draw per generator, stacked along the rows: generator b fills rows [b·n, (b+1)·n) of one
    /// [generators · n, …] tensor in place (the same numbers as its own <c>randn</c>/<c>rand</c> of shape
    /// <paramref name="shapePerGenerator"/>, with no concatenation). Torch draws from one generator serially, so the
    /// blocks' draws run side by side; worker threads have no dispose scope, so each fills through a view it disposes.
    /// </summary>
    /// <param name="generators">The blocks' generators.</param>
    /// <param name="shapePerGenerator">The shape each generator draws, rows first.</param>
    /// <param name="distribution">Which draw: standard normal or uniform on [0, 1).</param>
    /// <param name="dtype">The element type (float32 unless given).</param>
    protected static Tensor Draw(Generator[] generators, long[] shapePerGenerator, Distribution distribution, ScalarType dtype = ScalarType.Float32)
    {
        long rows = shapePerGenerator[0];
        var all = empty([rows * generators.Length, .. shapePerGenerator[1..]], dtype);
        Parallel.For(0, generators.Length, Parallelism(), b =>
        {
            using var part = all.narrow(0, b * rows, rows);
            if (distribution == Distribution.Normal)
                part.normal_(generator: generators[b]);
            else
                part.uniform_(0, 1, generators[b]);
        });
        return all;
    }

    /// <summary>A draw of <see cref="Draw"/>.</summary>
    protected enum Distribution
    {
        /// <summary>Standard normal (<c>randn</c>).</summary>
        Normal,

        /// <summary>Uniform on [0, 1) (<c>rand</c>).</summary>
        Uniform,
    }

    /// <summary>Work split across blocks uses as many threads as torch was given (one with Threads = 1).</summary>
    protected static ParallelOptions Parallelism() => new() { MaxDegreeOfParallelism = Math.Max(1, get_num_threads()) };

    public abstract void Dispose();

    /// <summary>The elements of a contiguous float32 CPU tensor, in place.</summary>
    private static ReadOnlySpan<float> Floats(Tensor encoded) => MemoryMarshal.Cast<byte, float>(encoded.bytes);

    /// <summary>
    /// Generates <paramref name="blocks"/> blocks from <paramref name="firstBlock"/> in one network call and decodes
    /// the first <paramref name="rows"/> rows, one table per block (each block's decoding draws are seeded by the block).
    /// </summary>
    private List<TabularTable> DecodeBlocks(long seed, long firstBlock, int blocks, ForcedCategory? condition, int rows)
    {
        using var scope = NewDisposeScope();
        var generators = new Generator[blocks];
        try
        {
            for (int b = 0; b < blocks; b++)
                generators[b] = new Generator((ulong)NoiseSeeds.ForBlock(seed, firstBlock + b), CPU);
            // The network call runs without collections (TorchSharp's temporary Scalars, see CollectionFreeStep);
            // the rows are decoded straight from the tensor's memory: no managed copy of the encoded rows.
            var encoded = CollectionFreeStep.RunSamplingCall(() => Encoded(generators, GanRowStream.BlockSize, condition));
            int stride = Transformer.OutputDimension;
            var tables = new TabularTable[(rows + GanRowStream.BlockSize - 1) / GanRowStream.BlockSize];
            // Blocks decode independently (the transformer is immutable).
            Parallel.For(0, tables.Length, Parallelism(), b =>
            {
                int count = Math.Min(GanRowStream.BlockSize, rows - b * GanRowStream.BlockSize);
                int decodeSeed = unchecked((int)NoiseSeeds.ForBlock(seed, firstBlock + b));
                tables[b] = Transformer.InverseTransform(Floats(encoded).Slice(b * GanRowStream.BlockSize * stride, count * stride), count, decodeSeed);
            });
            return [.. tables];
        }
        finally
        {
            foreach (var generator in generators)
                generator?.Dispose();
        }
    }
}
