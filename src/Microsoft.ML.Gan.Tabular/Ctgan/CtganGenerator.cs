namespace Microsoft.ML.Gan.Tabular.Ctgan;

/// <summary>
/// A fitted CTGAN generator. A block of rows: noise and conditions (a column uniformly, a category by its true
/// frequency) drawn from a generator seeded by (seed, block), the residual network in eval mode (BatchNorm running
/// statistics), tanh on scalars and a Gumbel draw on categorical spans, then the data transformer's inverse (the row
/// stream, bulk sampling and decoding are <see cref="TabularGenerator"/>'s).
/// </summary>
internal sealed class CtganGenerator : TabularGenerator
{
    private const float Forced = 1e9f;
    private readonly nn.Module<Tensor, Tensor> _network;
    private readonly Device _device;
    private readonly ConditionDraw? _conditions;
    private readonly SpanActivation _activation;
    private readonly FoldedResidualGenerator? _folded;

    public CtganGenerator(DataTransformer transformer, CtganArchitecture architecture, nn.Module<Tensor, Tensor> network, Device device)
        : base(transformer)
    {
        Architecture = architecture;
        _network = network;
        _network.eval();
        _device = device;
        _conditions = Layout.ColumnCount == 0 || architecture.ConditionWidth == 0 ? null : new ConditionDraw(Layout, Layout.ProbabilityMatrix(logFrequency: false), CPU);
        _activation = new SpanActivation(transformer.Spans, Layout, CPU);
        if (architecture.Kind == GeneratorKind.CtganResidual)
            _folded = new FoldedResidualGenerator(_network, architecture);
    }

    public CtganArchitecture Architecture { get; }

    public nn.Module<Tensor, Tensor> Network => _network;

    public override string Family => CtganFamily.Name;

    public override string ConditionedFamily => CtganFamily.ConditionedName;

    public override byte[] Write() => CtganFamily.Write(this);

    /// <inheritdoc/>
    /// <exception cref="NotSupportedException">The generator is TVAE's decoder, which has no conditional input.</exception>
    public override ForcedCategory Force(string columnName, int categoryIndex)
    {
        if (Architecture.Kind == GeneratorKind.TvaeDecoder)
            throw new NotSupportedException("TVAE's decoder has no conditional input: sample without a condition (or use CTGAN for conditional sampling).");
        return base.Force(columnName, categoryIndex);
    }

    /// <summary>
    /// Each generator draws its rows' noise, condition uniforms and Gumbel uniforms; everything else is one batched
    /// pass over all blocks.
    /// </summary>
    protected override Tensor Encoded(Generator[] generators, int rowsPerGenerator, ForcedCategory? condition)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        int width = Transformer.OutputDimension;
        var allNoise = Draw(generators, [rowsPerGenerator, Architecture.EmbeddingDimension], Distribution.Normal);
        var allConditionUniforms = Draw(generators, [rowsPerGenerator, 2], Distribution.Uniform);
        var allGumbelUniforms = Draw(generators, [rowsPerGenerator, width], Distribution.Uniform);
        var slots = ConditionSlots(allConditionUniforms, condition)?.to(_device);
        var raw = (_folded is not null
            ? _folded.Forward(allNoise.to(_device), slots)
            : _network.call(allNoise.to(_device))).to(CPU);
        var encoded = _activation.Sample(raw, allGumbelUniforms);
        if (condition is not null)
        {
            using Scalar forced = Forced; // held: a temporary Scalar can be finalized during the native call
            encoded.select(1, condition.EncodedPosition).fill_(forced);
        }
        return encoded.MoveToOuterDisposeScope();
    }

    /// <summary>Each row's slot of the conditional vector (a one-hot), or null when the network has none.</summary>
    private Tensor? ConditionSlots(Tensor uniforms, ForcedCategory? condition)
    {
        if (_conditions is null)
            return null;
        if (condition is not null)
        {
            using Scalar category = (long)condition.Category;
            return full([uniforms.shape[0]], category, dtype: ScalarType.Int64);
        }
        return _conditions.FromUniforms(uniforms).Category;
    }

    public override void Dispose()
    {
        _network.Dispose();
        _folded?.Dispose();
        _conditions?.Dispose();
        _activation.Dispose();
    }
}
