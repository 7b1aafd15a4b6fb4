using Microsoft.ML.Gan.Tabular.Ctgan;

namespace Microsoft.ML.Gan.Tabular.TabDdpm;

/// <summary>
/// A fitted TabDDPM: the denoiser, the schedule and the sampler. A block of rows runs the reverse process with every
/// random draw (initial noise, per-step noise and category draws, the label) taken from the block's own generator, so
/// row p of seed s is the same in bulk sampling, in <c>Transform</c> and after loading. With a label, each row's label
/// is drawn from the training frequencies — or fixed by a condition on the label column; a condition on another
/// discrete column is imposed by replacement (see <see cref="ReverseDiffusion"/>).
/// </summary>
internal sealed class TabDdpmGenerator : TabularGenerator
{
    private readonly TabDdpmDenoiser _denoiser;
    private readonly Device _device;
    private readonly MultinomialDiffusion _multinomial;
    private readonly ReverseDiffusion _reverse;
    private readonly GeneratedLabel? _label;

    public TabDdpmGenerator(DataTransformer transformer, TabDdpmArchitecture architecture, TabDdpmDenoiser denoiser, Device device)
        : base(transformer)
    {
        Architecture = architecture;
        DiffusionLayout = new TabDdpmLayout(transformer, architecture.LabelColumn);
        if (DiffusionLayout.Width != architecture.Width || DiffusionLayout.LabelClasses != architecture.LabelClasses)
            throw new InvalidDataException(
                $"The TabDDPM denoiser expects width {architecture.Width} and {architecture.LabelClasses} label classes; the data transformer gives {DiffusionLayout.Width} and {DiffusionLayout.LabelClasses}.");
        _denoiser = denoiser;
        _denoiser.eval();
        _device = device;
        _multinomial = new MultinomialDiffusion(DiffusionLayout.Features, CPU);
        _reverse = new ReverseDiffusion(DiffusionSchedule.Create(architecture.Schedule, architecture.Timesteps), _multinomial, DiffusionLayout,
            architecture.SamplingSteps);
        if (DiffusionLayout.Label is { } label)
            _label = new GeneratedLabel(Layout, label.ColumnName);
    }

    public TabDdpmArchitecture Architecture { get; }

    public TabDdpmLayout DiffusionLayout { get; }

    public TabDdpmDenoiser Denoiser => _denoiser;

    public override string Family => TabDdpmFamily.Name;

    public override string ConditionedFamily => TabDdpmFamily.ConditionedName;

    public override byte[] Write() => TabDdpmFamily.Write(this);

    protected override Tensor Encoded(Generator[] generators, int rowsPerGenerator, ForcedCategory? condition)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        long rows = (long)generators.Length * rowsPerGenerator;
        var label = _label?.Classes(rows, () => Draw(generators, [rowsPerGenerator], Distribution.Uniform), condition);
        var labelOnDevice = label?.to(_device);
        var (numeric, categorical) = _reverse.Run(
            (x, t) => _denoiser.Forward(x.to(_device), t.to(_device), labelOnDevice).to(CPU),
            width => Draw(generators, [rowsPerGenerator, width], Distribution.Normal),
            width => Draw(generators, [rowsPerGenerator, width], Distribution.Uniform),
            rows, DiffusedCondition(condition));
        return DiffusionLayout.Join(numeric, categorical, label).contiguous().MoveToOuterDisposeScope();
    }

    /// <summary>A condition on a diffused categorical feature as (start, length, category) in the categorical part; null for none or for the label.</summary>
    private (int Start, int Length, int Category)? DiffusedCondition(ForcedCategory? condition)
    {
        if (condition is null)
            return null;
        var span = Layout.Spans[condition.Column];
        if (DiffusionLayout.Label is { } label && label.Start == span.Start)
            return null;
        int start = Array.IndexOf(DiffusionLayout.CategoricalPositions, (long)span.Start);
        return (start, span.Length, condition.EncodedPosition - span.Start);
    }

    public override void Dispose()
    {
        _denoiser.Dispose();
        _multinomial.Dispose();
        _label?.Dispose();
    }
}
