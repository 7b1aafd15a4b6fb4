namespace Microsoft.ML.Gan.Tabular.Data;

/// <summary>
/// Mode-specific normalization of a continuous column (CTGAN §4.2): a scalar α = (x − μₖ)/(4σₖ) clipped to
/// [−0.99, 0.99] and a one-hot of the mode k drawn from x's posterior responsibilities; plus a [present, missing]
/// one-hot when the column had NaN. A column with a single distinct value has no α or mode span: it decodes to that value.
/// A value held by at least <see cref="DataTransformerOptions.PointMassShare"/> of the present values (a point mass, such
/// as the zeros of a zero-inflated amount) gets a mode of its own after the mixture's modes, with α = 0, and decodes to
/// exactly that value; the mixture is fitted on the other values.
/// </summary>
internal sealed class ContinuousEncoder : ColumnEncoder
{
    private const double Clip = 0.99;
    private readonly VariationalGaussianMixture? _mixture;
    private readonly double[] _means;
    private readonly double[] _spreads; // 4σ of each mode
    private readonly double _min;
    private readonly double _max;
    private readonly bool _integral;
    private readonly bool _hasMissing;
    private readonly double[] _pointMasses;
    private readonly int _mixtureModes;
    private readonly (int Length, SpanKind Kind, SpanRole Role)[] _layout;

    private ContinuousEncoder(string name, DataViewType type, VariationalGaussianMixture? mixture, double[] pointMasses,
        double min, double max, bool integral, bool hasMissing)
        : base(name, type)
    {
        _mixture = mixture;
        _pointMasses = pointMasses;
        _mixtureModes = mixture?.ModeCount ?? 0;
        _means = mixture is null ? [] : [.. mixture.Means];
        _spreads = mixture is null ? [] : [.. mixture.StandardDeviations.Select(sd => 4 * sd)];
        _min = min;
        _max = max;
        _integral = integral;
        _hasMissing = hasMissing;
        var layout = new List<(int, SpanKind, SpanRole)>();
        if (ModeCount > 0)
        {
            layout.Add((1, SpanKind.Scalar, SpanRole.ContinuousValue));
            layout.Add((ModeCount, SpanKind.Categorical, SpanRole.Mode));
        }
        if (hasMissing)
            layout.Add((2, SpanKind.Categorical, SpanRole.MissingIndicator));
        _layout = [.. layout];
    }

    public override IReadOnlyList<(int Length, SpanKind Kind, SpanRole Role)> Layout => _layout;

    /// <summary>The fitted mixture, or null when the column has a single distinct value or only point masses.</summary>
    public VariationalGaussianMixture? Mixture => _mixture;

    /// <summary>The values that have a mode of their own (after the mixture's modes), ascending.</summary>
    public IReadOnlyList<double> PointMasses => _pointMasses;

    /// <summary>All modes: the mixture's, then one per point mass.</summary>
    private int ModeCount => _mixtureModes + _pointMasses.Length;

    /// <summary>
    /// Fits the column's encoding: its range, whole-number and missing flags from every row, the point masses and the
    /// mixture from <paramref name="present"/>'s sample of present values.
    /// </summary>
    public static ContinuousEncoder Fit(ContinuousColumn column, PresentValues present, VariationalGaussianMixtureOptions options, double pointMassShare)
    {
        if (present.Min == present.Max)
            return new ContinuousEncoder(column.Name, column.Type, null, [], present.Min, present.Max, present.Integral, present.HasMissing);
        var (pointMasses, rest) = SplitPointMasses(present.Sample, pointMassShare);
        var mixture = rest.Length == 0 ? null : VariationalGaussianMixture.Fit(rest, options);
        return new ContinuousEncoder(column.Name, column.Type, mixture, pointMasses, present.Min, present.Max, present.Integral, present.HasMissing);
    }

    /// <summary>
    /// The values held by at least <paramref name="share"/> of <paramref name="values"/>, and the other values. When the
    /// other values are all equal, that value is a point mass too (a mixture needs two distinct values).
    /// </summary>
    private static (double[] PointMasses, double[] Others) SplitPointMasses(ReadOnlySpan<double> values, double share)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        var masses = new List<double>();
        for (int start = 0; start < sorted.Length;)
        {
            int end = start;
            while (end < sorted.Length && sorted[end] == sorted[start])
                end++;
            if (end - start >= share * sorted.Length)
                masses.Add(sorted[start]);
            start = end;
        }
        var rest = masses.Count == 0 ? sorted : sorted.Where(v => masses.BinarySearch(v) < 0).ToArray();
        if (rest.Length > 0 && rest[0] == rest[^1])
        {
            masses.Add(rest[0]);
            masses.Sort();
            rest = [];
        }
        return ([.. masses], rest);
    }

    public override EncodedColumn Encode(TabularColumn column, Random random)
    {
        var values = ((ContinuousColumn)column).Values;
        var mixture = _mixture;
        int modeCount = ModeCount;
        var modes = new SmallCodes(values.Length, modeCount + 1);
        var alphas = mixture is null ? null : new float[values.Length];
        Span<double> scratch = stackalloc double[_mixtureModes];
        for (int row = 0; row < values.Length; row++)
        {
            double x = values[row];
            if (double.IsNaN(x))
            {
                if (!_hasMissing)
                    throw new ArgumentException(
                        $"Column '{Name}' has a missing value (NaN) at row {row}, but had none when the transformer was fitted.", nameof(column));
                modes[row] = modeCount;
                continue;
            }
            int mass = _pointMasses.Length == 0 ? -1 : Array.BinarySearch(_pointMasses, x);
            if (mass >= 0)
            {
                modes[row] = _mixtureModes + mass;
            }
            else if (mixture is not null)
            {
                int k = mixture.SampleMode(x, random.NextDouble(), scratch);
                double alpha = (x - _means[k]) / _spreads[k];
                alphas![row] = (float)Math.Clamp(alpha, -Clip, Clip);
                modes[row] = k;
            }
            else if (modeCount > 0)
            {
                modes[row] = NearestPointMass(~mass, x);
            }
        }
        return new EncodedModes(modes, alphas, modeCount, mixture?.HeaviestMode() ?? 0, _hasMissing);
    }

    /// <summary>
    /// The mode of the point mass nearest to <paramref name="x"/>, which lies before point mass <paramref name="next"/>:
    /// where a column has only point masses, a value that is none of them (absent from the rows the transformer was
    /// fitted on) takes the closest one.
    /// </summary>
    private int NearestPointMass(int next, double x)
    {
        int nearest = next == _pointMasses.Length || (next > 0 && x - _pointMasses[next - 1] <= _pointMasses[next] - x) ? next - 1 : next;
        return _mixtureModes + nearest;
    }

    public override DecodeTarget CreateTarget(int rows, Random random) => new ContinuousTarget(Name, Type, rows);

    public override void Decode(ReadOnlySpan<float> encoded, int stride, int offset, int start, int end, DecodeTarget target)
    {
        var values = ((ContinuousTarget)target).Values;
        int modeCount = ModeCount;
        int missingOffset = offset + (modeCount == 0 ? 0 : 1 + modeCount);
        for (int row = start; row < end; row++)
        {
            int at = row * stride;
            if (_hasMissing && encoded[at + missingOffset + 1] > encoded[at + missingOffset])
            {
                values[row] = double.NaN;
                continue;
            }
            if (modeCount == 0)
            {
                values[row] = _min;
                continue;
            }
            int k = ArgMax(encoded, at + offset + 1, modeCount);
            if (k >= _mixtureModes)
            {
                values[row] = _pointMasses[k - _mixtureModes];
                continue;
            }
            double x = encoded[at + offset] * _spreads[k] + _means[k];
            x = Math.Clamp(x, _min, _max);
            values[row] = _integral ? Math.Round(x) : x;
        }
    }

    public override void Write(BinaryWriter writer)
    {
        writer.Write(_min);
        writer.Write(_max);
        writer.Write(_integral);
        writer.Write(_hasMissing);
        writer.Write(_mixture is not null);
        _mixture?.Write(writer);
        BinaryArrays.Write(writer, _pointMasses);
    }

    public static ContinuousEncoder Read(BinaryReader reader, string name, DataViewType type)
    {
        double min = reader.ReadDouble();
        double max = reader.ReadDouble();
        bool integral = reader.ReadBoolean();
        bool hasMissing = reader.ReadBoolean();
        var mixture = reader.ReadBoolean() ? VariationalGaussianMixture.Read(reader) : null;
        int masses = reader.ReadInt32();
        if (masses < 0 || masses > 1_000_000)
            throw new InvalidDataException($"Column '{name}': invalid point mass count {masses}.");
        var pointMasses = BinaryArrays.ReadDoubles(reader, masses);
        bool modeled = mixture is not null || masses > 1;
        if (!(min <= max) || modeled == (min == max))
            throw new InvalidDataException($"Column '{name}': invalid range [{min}, {max}].");
        return new ContinuousEncoder(name, type, mixture, pointMasses, min, max, integral, hasMissing);
    }
}
