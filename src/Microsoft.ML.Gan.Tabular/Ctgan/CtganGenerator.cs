using Microsoft.ML.Gan.Persistence;
using Microsoft.ML.Gan.Tabular.Data;
using Microsoft.ML.Gan.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Tabular.Ctgan;

/// <summary>
/// A fitted CTGAN generator. A block of rows: noise and conditions (a column uniformly, a category by its true
/// frequency) drawn from a generator seeded by (seed, block), the residual network in eval mode (BatchNorm running
/// statistics), tanh on scalars and a Gumbel draw on categorical spans, then the data transformer's inverse. As an
/// <see cref="IRowGenerator"/> it writes each decoded row as <see cref="DecodedRows"/>.
/// </summary>
internal sealed class CtganGenerator : IRowGenerator
{
    private const float Forced = 1e9f;
    /// <summary>Blocks generated per network call in bulk sampling.</summary>
    private const int BlocksPerCall = 16;
    private readonly nn.Module<Tensor, Tensor> _network;
    private readonly Device _device;
    private readonly ConditionDraw? _conditions;
    private readonly SpanActivation _activation;

    public CtganGenerator(DataTransformer transformer, CtganArchitecture architecture, nn.Module<Tensor, Tensor> network, Device device)
    {
        Transformer = transformer;
        Architecture = architecture;
        Layout = new ConditionLayout(transformer);
        _network = network;
        _network.eval();
        _device = device;
        _conditions = Layout.ColumnCount == 0 || architecture.ConditionWidth == 0 ? null : new ConditionDraw(Layout, Layout.ProbabilityMatrix(logFrequency: false), CPU);
        _activation = new SpanActivation(transformer.Spans, Layout, CPU);
        Schema = transformer.InverseTransform(new float[transformer.OutputDimension], 1);
    }

    public DataTransformer Transformer { get; }

    /// <summary>The differential privacy spent by the fit, or null when it was not private.</summary>
    public Privacy.TabularPrivacyReport? Privacy { get; init; }

    public CtganArchitecture Architecture { get; }

    public ConditionLayout Layout { get; }

    public nn.Module<Tensor, Tensor> Network => _network;

    /// <summary>One decoded row: the fitted columns' names, types, kinds and categories.</summary>
    public TabularTable Schema { get; }

    public int OutputLength => DecodedRows.Width(Schema.Columns.Count);

    public void GenerateBlock(long seed, long blockIndex, Span<float> destination) =>
        DecodedRows.Write(DecodeBlocks(seed, blockIndex, 1, null, GanRowStream.BlockSize)[0], destination);

    public void GenerateFromSeed(long rowSeed, Span<float> destination) => GenerateFromSeed(rowSeed, null, destination);

    /// <summary>One row from its own seed, optionally with one category forced.</summary>
    public void GenerateFromSeed(long rowSeed, ForcedCategory? condition, Span<float> destination)
    {
        using var scope = NewDisposeScope();
        long noiseSeed = NoiseSeeds.ForRow(rowSeed);
        using var generator = new Generator((ulong)noiseSeed, CPU);
        var encoded = Encoded([generator], 1, condition);
        DecodedRows.Write(Transformer.InverseTransform(encoded, 1, unchecked((int)noiseSeed)), destination);
    }

    /// <summary>The condition that forces category <paramref name="categoryIndex"/> (its position in the span) of a conditionable column.</summary>
    /// <exception cref="NotSupportedException">The generator is TVAE's decoder, which has no conditional input.</exception>
    public ForcedCategory Force(string columnName, int categoryIndex)
    {
        if (Architecture.Kind == GeneratorKind.TvaeDecoder)
            throw new NotSupportedException("TVAE's decoder has no conditional input: sample without a condition (or use CTGAN for conditional sampling).");
        int column = Layout.IndexOf(columnName);
        return new ForcedCategory(column, Layout.SpanStart[column] + categoryIndex, Layout.Spans[column].Start + categoryIndex);
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
            var encoded = Encoded(generators, GanRowStream.BlockSize, condition);
            int stride = Transformer.OutputDimension;
            var tables = new TabularTable[(rows + GanRowStream.BlockSize - 1) / GanRowStream.BlockSize];
            // Blocks decode independently (the transformer is immutable).
            Parallel.For(0, tables.Length, Parallelism(), b =>
            {
                int count = Math.Min(GanRowStream.BlockSize, rows - b * GanRowStream.BlockSize);
                int decodeSeed = unchecked((int)NoiseSeeds.ForBlock(seed, firstBlock + b));
                tables[b] = Transformer.InverseTransform(encoded.AsSpan(b * GanRowStream.BlockSize * stride, count * stride), count, decodeSeed);
            });
            return [.. tables];
        }
        finally
        {
            foreach (var generator in generators)
                generator?.Dispose();
        }
    }

    /// <summary>
    /// Encoded rows ready for decoding, <paramref name="rowsPerGenerator"/> per generator: each generator draws its
    /// rows' noise, condition uniforms and Gumbel uniforms, so a block's rows depend on its generator only; everything
    /// else is one batched pass over all blocks.
    /// </summary>
    private float[] Encoded(Generator[] generators, int rowsPerGenerator, ForcedCategory? condition)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        int width = Transformer.OutputDimension;
        var noise = new Tensor[generators.Length];
        var conditionUniforms = new Tensor[generators.Length];
        var gumbelUniforms = new Tensor[generators.Length];
        // Torch draws from one generator serially, so the blocks' draws run side by side. Worker threads have no
        // dispose scope: the parts are disposed here once concatenated.
        Parallel.For(0, generators.Length, Parallelism(), b =>
        {
            noise[b] = randn([rowsPerGenerator, Architecture.EmbeddingDimension], generator: generators[b]);
            conditionUniforms[b] = rand([rowsPerGenerator, 2], generator: generators[b]);
            gumbelUniforms[b] = rand([rowsPerGenerator, width], generator: generators[b]);
        });
        Tensor allNoise, allConditionUniforms, allGumbelUniforms;
        try
        {
            allNoise = cat(noise, 0);
            allConditionUniforms = cat(conditionUniforms, 0);
            allGumbelUniforms = cat(gumbelUniforms, 0);
        }
        finally
        {
            foreach (var part in noise.Concat(conditionUniforms).Concat(gumbelUniforms))
                part?.Dispose();
        }
        var conditions = Conditions(allConditionUniforms, condition);
        var raw = _network.call(cat([allNoise, conditions], 1).to(_device)).to(CPU);
        var encoded = _activation.Sample(raw, allGumbelUniforms);
        if (condition is not null)
            encoded.select(1, condition.EncodedPosition).fill_(Forced);
        var values = new float[encoded.shape[0] * width];
        TensorCopy.CopyTo(encoded, values);
        return values;
    }

    /// <summary>Work split across blocks uses as many threads as torch was given (one with Threads = 1).</summary>
    private static ParallelOptions Parallelism() => new() { MaxDegreeOfParallelism = Math.Max(1, get_num_threads()) };

    private Tensor Conditions(Tensor uniforms, ForcedCategory? condition)
    {
        long rows = uniforms.shape[0];
        if (_conditions is null)
            return empty([rows, 0]);
        if (condition is not null)
            return _conditions.OneHot(full([rows], (long)condition.Category, dtype: ScalarType.Int64));
        return _conditions.OneHot(_conditions.FromUniforms(uniforms).Category);
    }

    public void Dispose()
    {
        _network.Dispose();
        _conditions?.Dispose();
        _activation.Dispose();
    }
}
