namespace Microsoft.ML.Gan.Tabular.Evaluation;

/// <summary>One column's frequencies in the real and synthetic data: the data of its histogram or bar chart.</summary>
public sealed class ColumnDistribution
{
    /// <summary>The column.</summary>
    public required string Column { get; init; }

    /// <summary>"continuous" or "discrete".</summary>
    public required string Kind { get; init; }

    /// <summary>Continuous: the bin edges (one more than the bins, over the range of both tables). Discrete: null.</summary>
    public IReadOnlyList<double>? BinEdges { get; init; }

    /// <summary>Discrete: the category labels, most frequent in the real data first (at most 30, the rest summed as "(other)"). Continuous: null.</summary>
    public IReadOnlyList<string>? Categories { get; init; }

    /// <summary>Share of real rows per bin or category (missing values excluded for continuous columns).</summary>
    public required IReadOnlyList<double> Real { get; init; }

    /// <summary>Share of synthetic rows per bin or category.</summary>
    public required IReadOnlyList<double> Synthetic { get; init; }
}

/// <summary>A correlation matrix of the continuous columns; null entries are undefined (constant column).</summary>
public sealed class CorrelationMatrix
{
    /// <summary>The continuous columns, in schema order.</summary>
    public required IReadOnlyList<string> Columns { get; init; }

    /// <summary>Row-major correlations.</summary>
    public required IReadOnlyList<IReadOnlyList<double?>> Values { get; init; }
}
