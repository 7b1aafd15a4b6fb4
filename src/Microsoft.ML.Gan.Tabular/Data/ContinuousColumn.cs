namespace Microsoft.ML.Gan.Tabular.Data;

/// <summary>
/// A numeric column held as <see cref="double"/> values, <see cref="double.NaN"/> marking a missing value.
/// DateTime columns hold their ticks. Int64, UInt64 and DateTime values beyond 2^53 (ticks: about 0.9 µs
/// resolution for present-day dates) lose their lowest digits in this form.
/// </summary>
internal sealed class ContinuousColumn : TabularColumn
{
    private readonly double[] _values;

    /// <summary>Creates a column over <paramref name="values"/>; the column keeps the array without copying it.</summary>
    /// <param name="name">The column name.</param>
    /// <param name="type">A numeric ML.NET type (<see cref="NumberDataViewType"/>) or <see cref="DateTimeDataViewType"/>.</param>
    /// <param name="values">The values; NaN is allowed only for Single and Double columns.</param>
    /// <exception cref="ArgumentException">The type is not numeric, or an integer column holds NaN.</exception>
    public ContinuousColumn(string name, DataViewType type, double[] values)
        : base(name, type, (values ?? throw new ArgumentNullException(nameof(values))).Length)
    {
        if (!ColumnTypes.IsNumeric(type))
            throw new ArgumentException($"Column '{name}' has type {type}; a continuous column needs a numeric or DateTime type.", nameof(type));
        if (ColumnTypes.IsIntegral(type) && Array.Exists(values, double.IsNaN))
            throw new ArgumentException($"Column '{name}' has type {type}, which cannot hold missing values, but its values contain NaN.", nameof(values));
        _values = values;
    }

    /// <summary>The values, NaN where missing.</summary>
    public ReadOnlySpan<double> Values => _values;
}
