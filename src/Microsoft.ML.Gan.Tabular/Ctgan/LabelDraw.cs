namespace Microsoft.ML.Gan.Tabular.Ctgan;

/// <summary>
/// Draws each generated row's label from the label's training frequencies (TabDDPM and TVAE with a
/// <c>LabelColumn</c>): the category whose cumulative frequency first exceeds the row's uniform.
/// </summary>
internal sealed class LabelDraw : IDisposable
{
    private readonly Tensor _cumulative;
    private readonly long _classes;

    /// <param name="frequencies">The label categories' training frequencies (summing to 1).</param>
    public LabelDraw(IReadOnlyList<double> frequencies)
    {
        double running = 0;
        _cumulative = tensor(frequencies.Select(f => (float)(running += f)).ToArray()).DetachFromDisposeScope();
        _classes = frequencies.Count;
    }

    /// <summary>The label class of each row [rows] from its uniform in [0, 1) [rows] (on the CPU).</summary>
    public Tensor FromUniforms(Tensor uniforms) => searchsorted(_cumulative, uniforms, right: true).clamp(max: _classes - 1);

    public void Dispose() => _cumulative.Dispose();
}
