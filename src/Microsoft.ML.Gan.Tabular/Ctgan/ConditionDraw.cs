using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Tabular.Ctgan;

/// <summary>
/// Draws conditions in batches: a conditionable column uniformly, then one of its categories from a fixed
/// probability matrix (log-frequencies for training-by-sampling, true frequencies for generation). Everything is
/// one batched torch call; randomness comes from the given generator, or torch's default one (training, so that a
/// checkpoint resumes exactly).
/// </summary>
internal sealed class ConditionDraw : IDisposable
{
    private readonly Tensor _probabilities; // [columns, max span length]
    private readonly Tensor _spanStart;     // [columns]
    private readonly int _columns;

    public ConditionDraw(ConditionLayout layout, float[] probabilityMatrix, Device device)
    {
        Layout = layout;
        _columns = layout.ColumnCount;
        _probabilities = tensor(probabilityMatrix, [_columns, layout.MaxSpanLength], device: device);
        _spanStart = tensor(layout.SpanStart.Select(s => (long)s).ToArray(), device: device);
    }

    public ConditionLayout Layout { get; }

    /// <summary>Draws <paramref name="rows"/> conditions: the column of each and its category's global index.</summary>
    public (Tensor Column, Tensor Category) Draw(int rows, Generator? generator = null)
    {
        using var scope = NewDisposeScope();
        var column = randint(_columns, [rows], dtype: ScalarType.Int64, device: _probabilities.device, generator: generator);
        var category = multinomial(_probabilities.index_select(0, column), 1, replacement: true, generator: generator).squeeze(1);
        var global = category + _spanStart.index_select(0, column);
        return (column.MoveToOuterDisposeScope(), global.MoveToOuterDisposeScope());
    }

    /// <summary>The conditional vectors [rows, width]: a one-hot of each row's global category.</summary>
    public Tensor OneHot(Tensor category)
    {
        using var scope = NewDisposeScope();
        return nn.functional.one_hot(category, Layout.Width).to_type(ScalarType.Float32).MoveToOuterDisposeScope();
    }

    public void Dispose()
    {
        _probabilities.Dispose();
        _spanStart.Dispose();
    }
}
