namespace Microsoft.ML.Gan.Tabular.Data;

/// <summary>
/// Quantile normalization of a continuous column (TabDDPM's preprocessing, scikit-learn's
/// <c>QuantileTransformer(output_distribution="normal")</c>): the column's empirical CDF, kept as
/// Q = clamp(n / 30, 10, 1000) quantiles at evenly spaced probabilities, maps each value to a probability p, and the
/// encoded scalar is the normal score Φ⁻¹(p), with p clipped to [10⁻⁷, 1 − 10⁻⁷] (scores in about [−5.2, 5.2]).
/// Decoding inverts it: p = Φ(z), the value is the quantiles' linear interpolation at p, rounded when every training
/// value was a whole number. Plus a [present, missing] one-hot when the column had NaN (a missing value's score is 0).
/// </summary>
/// <remarks>
/// A value that fills several quantiles (a point mass, such as the zeros of a zero-inflated amount) maps to the middle
/// of its probability range and decodes from the whole range, so the point mass survives exactly. scikit-learn sends
/// a point mass at the minimum or maximum to the extreme score instead; the middle keeps it away from the clip.
/// A column with a single distinct value has no scalar: it decodes to that value.
/// </remarks>
internal sealed class QuantileEncoder : ColumnEncoder
{
    /// <summary>The probabilities are clipped to [Bound, 1 − Bound] before Φ⁻¹ (scikit-learn's bound).</summary>
    private const double Bound = 1e-7;
    private const int MinQuantiles = 10;
    private const int MaxQuantiles = 1000;
    private const int RowsPerQuantile = 30;

    /// <summary>A missing value's probability: its normal score is 0.</summary>
    private const double MissingProbability = 0.5;
    private readonly double[] _quantiles;
    private readonly bool _integral;
    private readonly bool _hasMissing;
    private readonly (int Length, SpanKind Kind, SpanRole Role)[] _layout;

    private QuantileEncoder(string name, DataViewType type, double[] quantiles, bool integral, bool hasMissing)
        : base(name, type)
    {
        _quantiles = quantiles;
        _integral = integral;
        _hasMissing = hasMissing;
        var layout = new List<(int, SpanKind, SpanRole)>();
        if (IsModeled)
            layout.Add((1, SpanKind.Scalar, SpanRole.NormalScore));
        if (hasMissing)
            layout.Add((2, SpanKind.Categorical, SpanRole.MissingIndicator));
        _layout = [.. layout];
    }

    public override IReadOnlyList<(int Length, SpanKind Kind, SpanRole Role)> Layout => _layout;

    /// <summary>The fitted quantiles, at probabilities 0, 1/(Q − 1), …, 1.</summary>
    public IReadOnlyList<double> Quantiles => _quantiles;

    private bool IsModeled => _quantiles[0] != _quantiles[^1];

    /// <summary>
    /// Fits the quantiles on <paramref name="present"/>'s sample of present values; the first and last are the column's
    /// minimum and maximum over every row.
    /// </summary>
    public static QuantileEncoder Fit(ContinuousColumn column, PresentValues present)
    {
        var sorted = present.Sample.ToArray();
        Array.Sort(sorted);
        int count = Math.Min(sorted.Length, Math.Clamp(sorted.Length / RowsPerQuantile, MinQuantiles, MaxQuantiles));
        count = Math.Max(count, 2);
        var quantiles = new double[count];
        for (int k = 0; k < count; k++)
        {
            double position = (double)k / (count - 1) * (sorted.Length - 1);
            int low = (int)Math.Floor(position);
            int high = Math.Min(low + 1, sorted.Length - 1);
            quantiles[k] = sorted[low] + (position - low) * (sorted[high] - sorted[low]);
            if (k > 0)
                quantiles[k] = Math.Max(quantiles[k], quantiles[k - 1]);
        }
        quantiles[0] = present.Min;
        quantiles[^1] = Math.Max(present.Max, quantiles[^2]);
        return new QuantileEncoder(column.Name, column.Type, quantiles, present.Integral, present.HasMissing);
    }

    /// <summary>The probability of <paramref name="x"/> under the fitted CDF (the middle of a flat stretch of equal quantiles).</summary>
    public double Probability(double x)
    {
        int first = LowerBound(x);
        int last = UpperBound(x) - 1;
        double step = 1.0 / (_quantiles.Length - 1);
        if (first <= last)
            return 0.5 * (first + last) * step;
        if (first == 0)
            return 0;
        if (first == _quantiles.Length)
            return 1;
        double low = _quantiles[last], high = _quantiles[first];
        return (last + (x - low) / (high - low)) * step;
    }

    /// <summary>The value at probability <paramref name="p"/>: the quantiles' linear interpolation.</summary>
    public double Value(double p)
    {
        double position = Math.Clamp(p, 0, 1) * (_quantiles.Length - 1);
        int low = Math.Min((int)Math.Floor(position), _quantiles.Length - 2);
        double x = _quantiles[low] + (position - low) * (_quantiles[low + 1] - _quantiles[low]);
        return _integral ? Math.Round(x) : x;
    }

    public override EncodedColumn Encode(TabularColumn column, Random random)
    {
        var values = ((ContinuousColumn)column).Values;
        var probabilities = new double[values.Length];
        for (int row = 0; row < values.Length; row++)
        {
            if (double.IsNaN(values[row]) && !_hasMissing)
                throw new ArgumentException(
                    $"Column '{Name}' has a missing value (NaN) at row {row}, but had none when the transformer was fitted.", nameof(column));
            probabilities[row] = double.IsNaN(values[row]) ? MissingProbability : Math.Clamp(Probability(values[row]), Bound, 1 - Bound);
        }
        var normalScores = NormalScores(probabilities);
        var scores = new float[values.Length];
        for (int row = 0; row < values.Length; row++)
            scores[row] = double.IsNaN(values[row]) ? float.NaN : (float)normalScores[row];
        return new EncodedScores(scores, IsModeled, (float)NormalScores([MissingProbability])[0], _hasMissing);
    }

    public override DecodeTarget CreateTarget(int rows, Random random) => new ContinuousTarget(Name, Type, rows);

    public override void Decode(ReadOnlySpan<float> encoded, int stride, int offset, int start, int end, DecodeTarget target)
    {
        var values = ((ContinuousTarget)target).Values;
        int missingOffset = offset + (IsModeled ? 1 : 0);
        double[] probabilities = [];
        if (IsModeled)
        {
            var scores = new double[end - start];
            for (int row = start; row < end; row++)
                scores[row - start] = encoded[row * stride + offset];
            probabilities = Probabilities(scores);
        }
        for (int row = start; row < end; row++)
        {
            int at = row * stride;
            if (_hasMissing && encoded[at + missingOffset + 1] > encoded[at + missingOffset])
                values[row] = double.NaN;
            else
                values[row] = IsModeled ? Value(probabilities[row - start]) : _quantiles[0];
        }
    }

    public override void Write(BinaryWriter writer)
    {
        writer.Write(_integral);
        writer.Write(_hasMissing);
        BinaryArrays.Write(writer, _quantiles);
    }

    public static QuantileEncoder Read(BinaryReader reader, string name, DataViewType type)
    {
        bool integral = reader.ReadBoolean();
        bool hasMissing = reader.ReadBoolean();
        int count = reader.ReadInt32();
        if (count < 2 || count > MaxQuantiles)
            throw new InvalidDataException($"Column '{name}': invalid quantile count {count}.");
        var quantiles = BinaryArrays.ReadDoubles(reader, count);
        for (int k = 0; k < count; k++)
        {
            if (!double.IsFinite(quantiles[k]) || (k > 0 && quantiles[k] < quantiles[k - 1]))
                throw new InvalidDataException($"Column '{name}': the quantiles are not finite and ascending.");
        }
        return new QuantileEncoder(name, type, quantiles, integral, hasMissing);
    }

    /// <summary>Φ⁻¹ of each probability, in double precision.</summary>
    private static double[] NormalScores(double[] probabilities) => Apply(probabilities, special.ndtri);

    /// <summary>Φ of each normal score, in double precision.</summary>
    private static double[] Probabilities(double[] scores) => Apply(scores, special.ndtr);

    private static double[] Apply(double[] values, Func<Tensor, Tensor> function)
    {
        using var scope = NewDisposeScope();
        return function(tensor(values, dtype: ScalarType.Float64)).data<double>().ToArray();
    }

    private int LowerBound(double x)
    {
        int index = Array.BinarySearch(_quantiles, x);
        if (index < 0)
            return ~index;
        while (index > 0 && _quantiles[index - 1] == x)
            index--;
        return index;
    }

    private int UpperBound(double x)
    {
        int index = Array.BinarySearch(_quantiles, x);
        if (index < 0)
            return ~index;
        while (index < _quantiles.Length - 1 && _quantiles[index + 1] == x)
            index++;
        return index + 1;
    }
}
