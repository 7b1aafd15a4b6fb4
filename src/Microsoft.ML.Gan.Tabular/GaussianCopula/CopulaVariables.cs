using Microsoft.ML.Gan.Tabular.Data;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Tabular.GaussianCopula;

/// <summary>
/// The copula's variables, one per span of the quantile transformer's encoded row, each with a standard normal
/// marginal. A continuous column's span already holds its normal score Φ⁻¹(F(x)) under the column's empirical CDF
/// (<see cref="QuantileEncoder"/>). A categorical span — a discrete column's categories, or a continuous column's
/// [present, missing] indicator — splits [0, 1] into one interval per category, the most frequent first, each as wide as
/// the category's training frequency (Patki et al. 2016, §4.1; SDV's frequency/uniform encoders); a row's value is a
/// uniform draw inside its category's interval, and its score Φ⁻¹ of that. Back from scores: Φ(z) falls in one
/// category's interval.
/// </summary>
internal sealed class CopulaVariables
{
    /// <summary>Probabilities are kept in [Bound, 1 − Bound] before Φ⁻¹, as the quantile encoder's are (|score| ≤ 5.2).</summary>
    private const double Bound = 1e-7;
    private readonly OutputSpan[] _spans;
    private readonly double[][] _frequencies;
    private readonly double[][] _lower;
    private readonly double[][] _upper;
    private readonly int[][] _slotByRank;
    private readonly long[] _scorePositions;
    private readonly long[] _scoreVariables;
    private readonly long[] _categoricalVariables;

    /// <param name="spans">The transformer's spans (the encoded row).</param>
    /// <param name="frequencies">Per span, the training frequency of each slot of a categorical span; empty for a score.</param>
    public CopulaVariables(IReadOnlyList<OutputSpan> spans, double[][] frequencies)
    {
        _spans = [.. spans];
        _frequencies = frequencies;
        _lower = new double[_spans.Length][];
        _upper = new double[_spans.Length][];
        _slotByRank = new int[_spans.Length][];
        for (int v = 0; v < _spans.Length; v++)
        {
            var slots = frequencies[v];
            _slotByRank[v] = [.. Enumerable.Range(0, slots.Length).OrderByDescending(s => slots[s])];
            _lower[v] = new double[slots.Length];
            _upper[v] = new double[slots.Length];
            double total = slots.Sum(), running = 0;
            foreach (int slot in _slotByRank[v])
            {
                _lower[v][slot] = running / total;
                running += slots[slot];
                _upper[v][slot] = running / total;
            }
            if (slots.Length > 0)
                _upper[v][_slotByRank[v][^1]] = 1;
        }
        var scores = Enumerable.Range(0, _spans.Length).Where(v => IsScore(v)).ToArray();
        _scorePositions = [.. scores.Select(v => (long)_spans[v].Start)];
        _scoreVariables = [.. scores.Select(v => (long)v)];
        _categoricalVariables = [.. Enumerable.Range(0, _spans.Length).Where(v => !IsScore(v)).Select(v => (long)v)];
    }

    /// <summary>The number of variables (the correlation matrix's order).</summary>
    public int Count => _spans.Length;

    /// <summary>Per variable, the training frequency of each slot of a categorical span; empty for a score.</summary>
    public IReadOnlyList<double[]> Frequencies => _frequencies;

    /// <summary>The variables of <paramref name="spans"/> with each categorical span's slot frequencies counted over every encoded row.</summary>
    public static CopulaVariables Fit(IReadOnlyList<OutputSpan> spans, EncodedTable data)
    {
        var counts = spans.Select(s => new long[s.Kind == SpanKind.Categorical ? s.Length : 0]).ToArray();
        var row = new float[data.Width];
        for (int r = 0; r < data.RowCount; r++)
        {
            Array.Clear(row);
            data.WriteRow(r, row);
            for (int v = 0; v < spans.Count; v++)
            {
                if (counts[v].Length > 0)
                    counts[v][Slot(row, spans[v])]++;
            }
        }
        return new CopulaVariables(spans, [.. counts.Select(c => c.Select(n => (double)n / data.RowCount).ToArray())]);
    }

    /// <summary>The variable of the span that starts at <paramref name="start"/> in the encoded row.</summary>
    public int IndexOfSpan(int start) => Array.FindIndex(_spans, s => s.Start == start);

    /// <summary>
    /// One encoded row's variables before Φ⁻¹ (see <see cref="Scores"/>): a continuous column's score as it is, a
    /// categorical span's value as a uniform draw (from the variable's own <paramref name="randoms"/>) inside its slot's interval.
    /// </summary>
    public void Latent(ReadOnlySpan<float> encoded, Random[] randoms, Span<double> destination)
    {
        for (int v = 0; v < _spans.Length; v++)
        {
            if (IsScore(v))
            {
                destination[v] = encoded[_spans[v].Start];
                continue;
            }
            int slot = Slot(encoded, _spans[v]);
            destination[v] = _lower[v][slot] + randoms[v].NextDouble() * (_upper[v][slot] - _lower[v][slot]);
        }
    }

    /// <summary>Rows of <see cref="Latent"/> values, [rows, <see cref="Count"/>] row-major, as normal scores (float64 tensor).</summary>
    public Tensor Scores(double[] latent, int rows)
    {
        var scores = tensor(latent.AsSpan(0, rows * Count).ToArray(), [rows, Count], dtype: ScalarType.Float64);
        if (_categoricalVariables.Length == 0)
            return scores;
        var categorical = tensor(_categoricalVariables);
        return scores.index_copy_(1, categorical, special.ndtri(scores.index_select(1, categorical).clamp(Bound, 1 - Bound)));
    }

    /// <summary>
    /// A score of a categorical variable drawn from the standard normal truncated to <paramref name="slot"/>'s interval:
    /// Φ⁻¹ of a uniform draw inside it, one per given uniform (exact inverse-CDF sampling).
    /// </summary>
    public Tensor ScoreWithin(int variable, int slot, Tensor uniforms)
    {
        double lower = _lower[variable][slot], upper = _upper[variable][slot];
        return special.ndtri((lower + uniforms * (upper - lower)).clamp(Bound, 1 - Bound));
    }

    /// <summary>
    /// Encoded rows (float32, [rows, <paramref name="width"/>]) from normal scores [rows, <see cref="Count"/>]: the
    /// continuous columns' scores as they are, each categorical span the one-hot of the slot whose interval holds Φ(z)
    /// (or the forced slot).
    /// </summary>
    public Tensor Encode(Tensor scores, int width, (int Variable, int Slot)? forced)
    {
        long rows = scores.shape[0];
        var encoded = zeros([rows, width], dtype: ScalarType.Float32);
        if (_scoreVariables.Length > 0)
            encoded.index_copy_(1, tensor(_scorePositions), scores.index_select(1, tensor(_scoreVariables)).to(ScalarType.Float32));
        if (_categoricalVariables.Length == 0)
            return encoded;
        var probabilities = special.ndtr(scores.index_select(1, tensor(_categoricalVariables)));
        var positions = new Tensor[_categoricalVariables.Length];
        for (int i = 0; i < positions.Length; i++)
        {
            int v = (int)_categoricalVariables[i];
            if (forced is { } f && f.Variable == v)
            {
                positions[i] = full([rows], (long)(_spans[v].Start + f.Slot), dtype: ScalarType.Int64);
                continue;
            }
            var ranks = searchsorted(tensor(_slotByRank[v].Select(s => _upper[v][s]).ToArray()), probabilities.select(1, i).contiguous(), right: true)
                .clamp(max: _slotByRank[v].Length - 1);
            positions[i] = tensor(_slotByRank[v].Select(s => (long)(_spans[v].Start + s)).ToArray()).index_select(0, ranks);
        }
        encoded.scatter_(1, stack(positions, 1), ones([rows, positions.Length], dtype: ScalarType.Float32));
        return encoded;
    }

    private bool IsScore(int variable) => _spans[variable].Kind == SpanKind.Scalar;

    /// <summary>The slot set in a categorical span of an encoded row (its largest entry).</summary>
    private static int Slot(ReadOnlySpan<float> encoded, OutputSpan span)
    {
        var values = encoded.Slice(span.Start, span.Length);
        int best = 0;
        for (int i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best])
                best = i;
        }
        return best;
    }
}
