namespace Microsoft.ML.Gan.Tabular.Evaluation;

/// <summary>How closely the relationship of two columns in the synthetic data matches the real one.</summary>
public sealed class PairTrendScore
{
    /// <summary>The first column.</summary>
    public required string Column1 { get; init; }

    /// <summary>The second column.</summary>
    public required string Column2 { get; init; }

    /// <summary>
    /// "CorrelationSimilarity" for two continuous columns: 1 − |ρ_real − ρ_synthetic| / 2 with the coefficient of
    /// <see cref="TabularQualityReport.CorrelationMethod"/>, on rows where both are present.
    /// "ContingencySimilarity" otherwise: 1 − the total-variation distance of the joint frequency tables, a
    /// continuous column cut into <see cref="TabularEvaluationOptions.PairBins"/> equal-width bins over its real range.
    /// </summary>
    public required string Metric { get; init; }

    /// <summary>The score in [0, 1], or null when a correlation is undefined (a constant or empty column).</summary>
    public double? Score { get; init; }

    /// <summary>The real correlation (correlation similarity only).</summary>
    public double? RealCorrelation { get; init; }

    /// <summary>The synthetic correlation (correlation similarity only).</summary>
    public double? SyntheticCorrelation { get; init; }
}
