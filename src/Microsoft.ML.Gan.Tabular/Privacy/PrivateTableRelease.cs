namespace Microsoft.ML.Gan.Tabular.Privacy;

/// <summary>
/// What the DP release of a table's statistics yields: a public proxy table drawn from the noisy histograms (the data
/// transformer is fitted on it, so its modes, bounds and category lists are post-processing of DP outputs), and the
/// training rows that fit the released encoding (rows holding a category that did not survive the threshold, or a
/// missing value where the release has none, are left out; continuous values are clamped to the released bounds).
/// How many rows were left out is never released: <paramref name="Coverage"/> estimates it from the noisy counts.
/// </summary>
/// <param name="Proxy">The public proxy table: n rows following the noisy histograms, column by column.</param>
/// <param name="Training">The real rows to train on (a per-row function of each row and the release; secret).</param>
/// <param name="ThresholdDelta">δ spent by thresholding the category histograms (added to the RDP accountant's δ).</param>
/// <param name="Bounds">The released [min, max] of each continuous column, by name.</param>
/// <param name="CountNoise">σ of the noise on each histogram count, in rows.</param>
/// <param name="CategoryThreshold">The noisy count a category must clear to be released; null when no column is thresholded.</param>
/// <param name="Coverage">Per column, the noisy estimate of the share of rows that fit its release.</param>
internal sealed record PrivateTableRelease(TabularTable Proxy, TabularTable Training, double ThresholdDelta,
    IReadOnlyDictionary<string, (double Min, double Max)> Bounds, double CountNoise, double? CategoryThreshold,
    IReadOnlyList<ColumnCoverage> Coverage)
{
    /// <summary>The noisy estimate of the share of rows that fit every column's release (columns taken as independent).</summary>
    public double EstimatedShareKept => Coverage.Aggregate(1.0, (share, c) => share * c.NoisyShare);
}

/// <summary>The noisy estimate of the share of rows whose value in <paramref name="Column"/> fits its DP release.</summary>
internal sealed record ColumnCoverage(string Column, double NoisyShare);
