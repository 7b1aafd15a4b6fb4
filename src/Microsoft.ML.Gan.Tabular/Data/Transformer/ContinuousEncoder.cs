using Microsoft.ML.Data;

namespace Microsoft.ML.Gan.Tabular.Data;

/// <summary>
/// Mode-specific normalization of a continuous column (CTGAN §4.2): a scalar α = (x − μₖ)/(4σₖ) clipped to
/// [−0.99, 0.99] and a one-hot of the mode k drawn from x's posterior responsibilities; plus a [present, missing]
/// one-hot when the column had NaN. A column with a single distinct value has no α or mode span: it decodes to that value.
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
    private readonly (int Length, SpanKind Kind, SpanRole Role)[] _layout;

    private ContinuousEncoder(string name, DataViewType type, VariationalGaussianMixture? mixture, double min, double max, bool integral, bool hasMissing)
        : base(name, type)
    {
        _mixture = mixture;
        _means = mixture is null ? [] : [.. mixture.Means];
        _spreads = mixture is null ? [] : [.. mixture.StandardDeviations.Select(sd => 4 * sd)];
        _min = min;
        _max = max;
        _integral = integral;
        _hasMissing = hasMissing;
        var layout = new List<(int, SpanKind, SpanRole)>();
        if (mixture is not null)
        {
            layout.Add((1, SpanKind.Scalar, SpanRole.ContinuousValue));
            layout.Add((mixture.ModeCount, SpanKind.Categorical, SpanRole.Mode));
        }
        if (hasMissing)
            layout.Add((2, SpanKind.Categorical, SpanRole.MissingIndicator));
        _layout = [.. layout];
    }

    public override IReadOnlyList<(int Length, SpanKind Kind, SpanRole Role)> Layout => _layout;

    /// <summary>The fitted mixture, or null when the column has a single distinct value.</summary>
    public VariationalGaussianMixture? Mixture => _mixture;

    public static ContinuousEncoder Fit(ContinuousColumn column, VariationalGaussianMixtureOptions options)
    {
        var values = column.Values;
        var present = new double[values.Length];
        int count = 0;
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        bool integral = true;
        foreach (double value in values)
        {
            if (double.IsNaN(value))
                continue;
            present[count++] = value;
            min = Math.Min(min, value);
            max = Math.Max(max, value);
            integral &= Math.Floor(value) == value;
        }
        if (count == 0)
            throw new ArgumentException(
                $"Column '{column.Name}' has only missing values (NaN), so it cannot be modeled. Leave it out with TabularReadOptions.IgnoreColumns.");
        if (double.IsInfinity(min) || double.IsInfinity(max))
            throw new ArgumentException($"Column '{column.Name}' holds an infinite value; continuous columns need finite values or NaN.");
        var mixture = min == max ? null : VariationalGaussianMixture.Fit(present.AsSpan(0, count), options);
        return new ContinuousEncoder(column.Name, column.Type, mixture, min, max, integral, count < values.Length);
    }

    public override void Encode(TabularColumn column, Span<float> output, int stride, int offset, Random random)
    {
        var values = ((ContinuousColumn)column).Values;
        var mixture = _mixture;
        int modeCount = mixture?.ModeCount ?? 0;
        int missingOffset = offset + (mixture is null ? 0 : 1 + modeCount);
        int missingMode = mixture?.HeaviestMode() ?? 0;
        Span<double> scratch = stackalloc double[modeCount];
        for (int row = 0; row < values.Length; row++)
        {
            double x = values[row];
            int at = row * stride;
            if (double.IsNaN(x))
            {
                if (!_hasMissing)
                    throw new ArgumentException(
                        $"Column '{Name}' has a missing value (NaN) at row {row}, but had none when the transformer was fitted.", nameof(column));
                if (mixture is not null)
                    output[at + offset + 1 + missingMode] = 1;
                output[at + missingOffset + 1] = 1;
                continue;
            }
            if (mixture is not null)
            {
                int k = mixture.SampleMode(x, random.NextDouble(), scratch);
                double alpha = (x - _means[k]) / _spreads[k];
                output[at + offset] = (float)Math.Clamp(alpha, -Clip, Clip);
                output[at + offset + 1 + k] = 1;
            }
            if (_hasMissing)
                output[at + missingOffset] = 1;
        }
    }

    public override DecodeTarget CreateTarget(int rows, Random random) => new Target(Name, Type, rows);

    public override void Decode(ReadOnlySpan<float> encoded, int stride, int offset, int start, int end, DecodeTarget target)
    {
        var values = ((Target)target).Values;
        var mixture = _mixture;
        int modeCount = mixture?.ModeCount ?? 0;
        int missingOffset = offset + (mixture is null ? 0 : 1 + modeCount);
        for (int row = start; row < end; row++)
        {
            int at = row * stride;
            if (_hasMissing && encoded[at + missingOffset + 1] > encoded[at + missingOffset])
            {
                values[row] = double.NaN;
                continue;
            }
            if (mixture is null)
            {
                values[row] = _min;
                continue;
            }
            int k = ArgMax(encoded, at + offset + 1, modeCount);
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
    }

    public static ContinuousEncoder Read(BinaryReader reader, string name, DataViewType type)
    {
        double min = reader.ReadDouble();
        double max = reader.ReadDouble();
        bool integral = reader.ReadBoolean();
        bool hasMissing = reader.ReadBoolean();
        var mixture = reader.ReadBoolean() ? VariationalGaussianMixture.Read(reader) : null;
        if (!(min <= max) || (mixture is null) != (min == max))
            throw new InvalidDataException($"Column '{name}': invalid range [{min}, {max}].");
        return new ContinuousEncoder(name, type, mixture, min, max, integral, hasMissing);
    }

    private sealed class Target(string name, DataViewType type, int rows) : DecodeTarget
    {
        public double[] Values { get; } = new double[rows];

        public override TabularColumn ToColumn() => new ContinuousColumn(name, type, Values);
    }
}
