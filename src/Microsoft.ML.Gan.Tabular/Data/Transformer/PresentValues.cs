namespace Microsoft.ML.Gan.Tabular.Data;

/// <summary>
/// One pass over a continuous column's values: its range, whether all values are whole numbers and whether some are
/// missing, from every row; and the present (non-NaN) values the encoder is fitted on, all of them in row order when
/// there are at most <c>capacity</c>, else a uniform reservoir sample of <c>capacity</c> of them (Vitter's algorithm R,
/// seeded), so that fitting costs the same on any number of rows.
/// </summary>
internal sealed class PresentValues
{
    private PresentValues(double[] sample, int count, double min, double max, bool integral, bool hasMissing)
    {
        Sample = sample;
        Count = count;
        Min = min;
        Max = max;
        Integral = integral;
        HasMissing = hasMissing;
    }

    /// <summary>The present values fitted on: all of them in row order, or the reservoir sample.</summary>
    public double[] Sample { get; }

    /// <summary>The number of present values in the column.</summary>
    public int Count { get; }

    public double Min { get; }

    public double Max { get; }

    /// <summary>Whether every present value is a whole number.</summary>
    public bool Integral { get; }

    public bool HasMissing { get; }

    /// <exception cref="ArgumentException">The column has only missing values, or an infinite value.</exception>
    public static PresentValues Read(ContinuousColumn column, int capacity, int seed)
    {
        var values = column.Values;
        var reservoir = new double[Math.Min(values.Length, capacity)];
        var random = new Random(seed);
        int count = 0;
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        bool integral = true;
        foreach (double value in values)
        {
            if (double.IsNaN(value))
                continue;
            if (double.IsInfinity(value))
                throw new ArgumentException($"Column '{column.Name}' holds an infinite value; continuous columns need finite values or NaN.");
            if (count < reservoir.Length)
            {
                reservoir[count] = value;
            }
            else
            {
                long slot = random.NextInt64(count + 1L);
                if (slot < reservoir.Length)
                    reservoir[slot] = value;
            }
            count++;
            min = Math.Min(min, value);
            max = Math.Max(max, value);
            integral &= Math.Floor(value) == value;
        }
        if (count == 0)
            throw new ArgumentException(
                $"Column '{column.Name}' has only missing values (NaN), so it cannot be modeled. Leave it out with TabularReadOptions.IgnoreColumns.");
        var sample = count < reservoir.Length ? reservoir[..count] : reservoir;
        return new PresentValues(sample, count, min, max, integral, count < values.Length);
    }
}
