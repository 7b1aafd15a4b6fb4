using Microsoft.ML.Gan.Tabular.Data;

namespace Microsoft.ML.Gan.Tabular.Privacy;

/// <summary>
/// What the DP release of a table's statistics yields: a public proxy table drawn from the noisy histograms (the data
/// transformer is fitted on it, so its modes, bounds and category lists are post-processing of DP outputs), and the
/// training rows that fit the released encoding (rows holding a category that did not survive the threshold, or a
/// missing value where the release has none, are left out; continuous values are clamped to the released bounds).
/// </summary>
/// <param name="Proxy">The public proxy table: n rows following the noisy histograms, column by column.</param>
/// <param name="Training">The real rows to train on (a per-row function of each row and the release).</param>
/// <param name="DroppedRows">Rows left out of <paramref name="Training"/>.</param>
/// <param name="ThresholdDelta">δ spent by thresholding the category histograms (added to the RDP accountant's δ).</param>
/// <param name="Bounds">The released [min, max] of each continuous column, by name.</param>
internal sealed record PrivateTableRelease(TabularTable Proxy, TabularTable Training, int DroppedRows, double ThresholdDelta,
    IReadOnlyDictionary<string, (double Min, double Max)> Bounds);
