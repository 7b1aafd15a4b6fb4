namespace Microsoft.ML.Gan.Tabular.Ctgan;

/// <summary>
/// A fitted CTGAN generator. A block of rows: noise and conditions (a column uniformly, a category by its true
/// frequency) drawn from a generator seeded by (seed, block), the residual network in eval mode (BatchNorm running
/// statistics), tanh on scalars and a Gumbel draw on categorical spans, then the data transformer's inverse (the row
/// stream, bulk sampling and decoding are <see cref="TabularGenerator"/>'s). TVAE's decoder is fed noise only, or,
/// with a categorical label, noise ⊕ the label's one-hot, the label drawn from its training frequencies (or fixed by a
/// condition on it) and written into the row.
/// </summary>
internal sealed class CtganGenerator : TabularGenerator
{
    private const float Forced = 1e9f;
    private readonly nn.Module<Tensor, Tensor> _network;
    private readonly Device _device;
    private readonly ConditionDraw? _conditions;
    private readonly SpanActivation _activation;
    private readonly FoldedResidualGenerator? _folded;
    private readonly GeneratedLabel? _label;

    public CtganGenerator(DataTransformer transformer, CtganArchitecture architecture, nn.Module<Tensor, Tensor> network, Device device)
        : base(transformer)
    {
        Architecture = architecture;
        _network = network;
        _network.eval();
        _device = device;
        _activation = new SpanActivation(transformer.Spans, Layout, CPU);
        if (architecture.Kind == GeneratorKind.CtganResidual)
        {
            _conditions = Layout.ColumnCount == 0 || architecture.ConditionWidth == 0 ? null : new ConditionDraw(Layout, Layout.ProbabilityMatrix(logFrequency: false), CPU);
            _folded = new FoldedResidualGenerator(_network, architecture);
        }
        else if (architecture.LabelColumn is { } label)
        {
            _label = new GeneratedLabel(Layout, label);
            if (_label.Span.Length != architecture.ConditionWidth)
                throw new InvalidDataException(
                    $"The TVAE decoder expects {architecture.ConditionWidth} categories of label '{label}'; the data transformer has {_label.Span.Length}.");
        }
    }

    public CtganArchitecture Architecture { get; }

    public nn.Module<Tensor, Tensor> Network => _network;

    public override string Family => CtganFamily.Name;

    public override string ConditionedFamily => CtganFamily.ConditionedName;

    public override byte[] Write() => CtganFamily.Write(this);

    /// <inheritdoc/>
    /// <exception cref="NotSupportedException">
    /// The generator is TVAE's decoder and the column is not its categorical label (its only conditional input).
    /// </exception>
    public override ForcedCategory Force(string columnName, int categoryIndex)
    {
        if (Architecture.Kind == GeneratorKind.TvaeDecoder && Architecture.LabelColumn != columnName)
            throw new NotSupportedException(Architecture.LabelColumn is { } label
                ? $"TVAE's decoder is conditioned on its label '{label}' only: sample with a condition on '{label}', or without one (or use CTGAN or TabDDPM to condition on '{columnName}')."
                : "TVAE's decoder has no conditional input: sample without a condition, fit TVAE with a categorical LabelColumn to condition on the label, or use CTGAN or TabDDPM for conditional sampling.");
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
        // A labelled TVAE decoder's label: the condition's, or drawn with the first condition uniform of each row.
        var labels = _label?.Classes(allNoise.shape[0], () => allConditionUniforms.select(1, 0).contiguous(), condition);
        var raw = (_folded is not null ? _folded.Forward(allNoise.to(_device), slots)
            : labels is not null ? _network.call(cat([allNoise, _label!.OneHot(labels)], 1).to(_device))
            : _network.call(allNoise.to(_device))).to(CPU);
        var encoded = _activation.Sample(raw, allGumbelUniforms);
        using Scalar forced = Forced; // held: a temporary Scalar can be finalized during the native call
        if (labels is not null)
            encoded.narrow(1, _label!.Span.Start, _label.Span.Length).scatter_(1, labels.unsqueeze(1), full([labels.shape[0], 1], forced));
        else if (condition is not null)
            encoded.select(1, condition.EncodedPosition).fill_(forced);
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
        _label?.Dispose();
        _activation.Dispose();
    }
}
