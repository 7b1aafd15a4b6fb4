using System.Numerics;

namespace Microsoft.ML.Gan.Tabular.Ctgan;

/// <summary>
/// CTGAN's output activations, applied span-wise but fused: tanh on every scalar span at once, and Gumbel-softmax on
/// the categorical spans grouped by width (spans padded to the next power of two, so a group is one
/// [batch, spans, width] softmax). The pieces are put back in encoded-row order with one gather. Also the
/// generator's cross-entropy on the conditioned span, and the generation-time draw of categories.
/// </summary>
internal sealed class SpanActivation : IDisposable
{
    private const float Padding = -1e9f;
    private readonly int _width;
    private readonly Tensor _scalarIndex;                     // positions of scalar spans
    private readonly (Tensor Index, long Spans, long Width)[] _groups; // categorical spans by padded width
    private readonly Tensor _assemble;                        // per encoded position, its place in the pieces
    private readonly Tensor _categoricalMask;                 // 1 on categorical positions
    private readonly Tensor? _conditionIndex;                 // [columns, max span length], padded
    private readonly Tensor? _conditionStart;                 // [columns]

    public SpanActivation(IReadOnlyList<OutputSpan> spans, ConditionLayout condition, Device device)
    {
        _width = spans.Sum(s => s.Length);
        var scalars = spans.Where(s => s.Kind == SpanKind.Scalar).SelectMany(s => Enumerable.Range(s.Start, s.Length)).ToArray();
        var assemble = new long[_width];
        for (int i = 0; i < scalars.Length; i++)
            assemble[scalars[i]] = i;
        long next = scalars.Length;
        var groups = new List<(Tensor, long, long)>();
        foreach (var group in spans.Where(s => s.Kind == SpanKind.Categorical).GroupBy(s => (long)BitOperations.RoundUpToPowerOf2((uint)s.Length)))
        {
            var members = group.ToArray();
            long width = group.Key;
            var index = new long[members.Length * width];
            for (int m = 0; m < members.Length; m++)
            {
                for (int t = 0; t < width; t++)
                {
                    long slot = m * width + t;
                    if (t < members[m].Length)
                    {
                        index[slot] = members[m].Start + t;
                        assemble[members[m].Start + t] = next + slot;
                    }
                    else
                    {
                        index[slot] = _width; // the padding column
                    }
                }
            }
            groups.Add((tensor(index, device: device), members.Length, width));
            next += index.Length;
        }
        _scalarIndex = tensor(scalars.Select(i => (long)i).ToArray(), device: device);
        _groups = [.. groups];
        _assemble = tensor(assemble, device: device);
        var categorical = new float[_width];
        foreach (var span in spans.Where(s => s.Kind == SpanKind.Categorical))
            Array.Fill(categorical, 1f, span.Start, span.Length);
        _categoricalMask = tensor(categorical, device: device);

        if (condition.ColumnCount > 0)
        {
            int max = condition.MaxSpanLength;
            var index = new long[condition.ColumnCount * max];
            for (int c = 0; c < condition.ColumnCount; c++)
            {
                for (int t = 0; t < max; t++)
                    index[c * max + t] = t < condition.Spans[c].Length ? condition.Spans[c].Start + t : _width;
            }
            _conditionIndex = tensor(index, [condition.ColumnCount, max], device: device);
            _conditionStart = tensor(condition.SpanStart.Select(s => (long)s).ToArray(), device: device);
        }
    }

    /// <summary>
    /// Training activation: tanh on scalars, Gumbel-softmax (soft, temperature τ) on categorical spans, with the Gumbel
    /// noise from <paramref name="noise"/> (null: torch's default generator).
    /// </summary>
    public Tensor Activate(Tensor raw, double temperature, Generator? noise = null)
    {
        using var scope = NewDisposeScope();
        var padded = Padded(raw);
        var pieces = new List<Tensor>(_groups.Length + 1) { raw.index_select(1, _scalarIndex).tanh() };
        foreach (var (index, spans, width) in _groups)
        {
            var logits = padded.index_select(1, index).view(raw.shape[0], spans, width);
            var gumbel = -(-(rand(logits.shape, logits.dtype, logits.device, generator: noise).clamp_min(1e-20f)).log()).log();
            pieces.Add(((logits + gumbel) / temperature).softmax(2).view(raw.shape[0], -1));
        }
        return cat(pieces, 1).index_select(1, _assemble).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Generation: tanh on scalars, and on categorical spans logits plus Gumbel noise, whose argmax (taken when the
    /// row is decoded) is a draw from the span's softmax — the category Gumbel-softmax would pick, without the softmax.
    /// </summary>
    /// <param name="raw">Generator outputs [B, width].</param>
    /// <param name="uniforms">
    /// Uniforms in [0, 1) of the same shape, from which the Gumbel noise is made (overwritten when already on the
    /// generator's device: the noise is computed in place).
    /// </param>
    public Tensor Sample(Tensor raw, Tensor uniforms)
    {
        using var scope = NewDisposeScope();
        using Scalar tiny = 1e-20f; // held: a temporary Scalar can be finalized during the native call
        // −log(−log u), masked to the categorical positions; scalars get tanh. In-place ops keep it to one buffer.
        var sampled = uniforms.to(raw.device).clamp_min_(tiny).log_().neg_().log_().neg_().mul_(_categoricalMask).add_(raw);
        sampled.index_copy_(1, _scalarIndex, raw.index_select(1, _scalarIndex).tanh());
        return sampled.MoveToOuterDisposeScope();
    }

    /// <summary>Mean cross-entropy of each row's conditioned span (raw logits) against its conditioned category.</summary>
    /// <param name="raw">Generator outputs [B, width].</param>
    /// <param name="column">The conditioned column of each row [B].</param>
    /// <param name="category">The global category of each row [B].</param>
    public Tensor ConditionLoss(Tensor raw, Tensor column, Tensor category)
    {
        using var scope = NewDisposeScope();
        var logits = Padded(raw).gather(1, _conditionIndex!.index_select(0, column));
        var target = category - _conditionStart!.index_select(0, column);
        return nn.functional.cross_entropy(logits, target).MoveToOuterDisposeScope();
    }

    private static Tensor Padded(Tensor raw) => cat([raw, full([raw.shape[0], 1], Padding, device: raw.device)], 1);

    public void Dispose()
    {
        _scalarIndex.Dispose();
        foreach (var group in _groups)
            group.Index.Dispose();
        _assemble.Dispose();
        _categoricalMask.Dispose();
        _conditionIndex?.Dispose();
        _conditionStart?.Dispose();
    }
}
