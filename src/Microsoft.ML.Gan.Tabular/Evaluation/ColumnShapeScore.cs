namespace Microsoft.ML.Gan.Tabular.Evaluation;

/// <summary>How closely one synthetic column's distribution matches the real one (1 = identical, 0 = disjoint).</summary>
public sealed class ColumnShapeScore
{
    /// <summary>The column.</summary>
    public required string Column { get; init; }

    /// <summary>"continuous" or "discrete".</summary>
    public required string Kind { get; init; }

    /// <summary>
    /// "KSComplement" (1 − the two-sample Kolmogorov–Smirnov statistic, on the present values) for a continuous
    /// column; "TVComplement" (1 − the total-variation distance of the category frequencies, missing being a
    /// category) for a discrete column.
    /// </summary>
    public required string Metric { get; init; }

    /// <summary>The score in [0, 1].</summary>
    public required double Score { get; init; }
}
