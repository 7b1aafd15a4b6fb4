using Microsoft.ML.Gan.Privacy;

namespace Microsoft.ML.Gan.Tabular.Privacy;

/// <summary>
/// Releases what the data transformer needs with the Gaussian mechanism, every release recorded in an
/// <see cref="RdpAccountant"/>. Phase 1 (only for continuous columns without public bounds): a noisy count per bin of
/// <see cref="PowerOfTwoGrid"/>; the bounds are the outer edges of the bins whose noisy count clears 4σ. Phase 2: per
/// discrete column a noisy count per category, thresholded at 1 + σ·√(2 ln(1/(2δ_col))) so that a category held by one
/// row survives with probability at most δ_col (the stability-based histogram; in text columns the rest share one
/// <see cref="TabularPrivacyOptions.RareCategoryLabel"/> category whose count is n minus the survivors'), or, for a text column listed in
/// <see cref="TabularPrivacyOptions.PublicCategories"/>, a noisy count per listed value with no threshold; per continuous column a noisy
/// histogram of <see cref="TabularPrivacyOptions.HistogramBins"/> equal bins over its bounds plus a missing-value bin
/// (bins under 2σ and a missing count under 4σ are read as empty: post-processing that keeps noise out of the modes).
/// Each row adds 1 to one bin per column, so the L2 sensitivity of a phase is √(its columns). The noise must come from a
/// secret source (<see cref="CryptographicRandom"/> in a fit): with a replayable one the counts could be recovered.
/// </summary>
internal static class PrivateStatistics
{
    /// <param name="table">The private table.</param>
    /// <param name="privacy">Privacy options (public bounds, bins).</param>
    /// <param name="unitNoise">Noise standard deviation per unit of sensitivity (the same in both phases).</param>
    /// <param name="thresholdDelta">δ allowed for the category thresholds, split over the discrete columns.</param>
    /// <param name="random">The noise's source (and the proxy's row order).</param>
    /// <param name="accountant">Receives the releases.</param>
    public static PrivateTableRelease Release(TabularTable table, TabularPrivacyOptions privacy, double unitNoise,
        double thresholdDelta, Random random, RdpAccountant accountant)
    {
        var continuous = table.Columns.OfType<ContinuousColumn>().ToArray();
        var domains = table.Columns.OfType<DiscreteColumn>().Select(c => DiscreteDomain.Of(c, privacy)).ToArray();
        var bounds = ReleaseBounds(continuous, privacy, unitNoise, random, accountant);

        // Phase 2: one vector query over every column.
        var exact = new List<double>();
        foreach (var domain in domains)
            exact.AddRange(domain.Counts());
        foreach (var column in continuous)
            exact.AddRange(Histogram(column, bounds[column.Name], privacy.HistogramBins));
        double sigma = unitNoise * Math.Sqrt(table.Columns.Count);
        double[] noisy = GaussianMechanism.Release(exact.ToArray(), Math.Sqrt(table.Columns.Count), sigma, random, accountant);

        int thresholded = domains.Count(d => !d.IsPublic);
        double columnDelta = thresholded == 0 ? 0 : thresholdDelta / thresholded;
        double threshold = 1 + sigma * Math.Sqrt(2 * Math.Log(1 / (2 * Math.Max(columnDelta, double.Epsilon))));
        int n = table.RowCount;
        var proxy = new List<TabularColumn>();
        var keep = new bool[n];
        Array.Fill(keep, true);
        var coverage = new List<ColumnCoverage>();
        var recoded = new Dictionary<string, TabularColumn>(StringComparer.Ordinal);
        int offset = 0;
        foreach (var domain in domains)
        {
            var column = domain.Column;
            int categories = column.Categories.Count;
            var released = noisy.AsSpan(offset, categories).ToArray();
            offset += categories;
            double[] weights;
            if (domain.IsPublic)
            {
                // A public domain needs no threshold; counts under 2σ are read as empty (post-processing).
                weights = released.Select(w => w > 2 * sigma ? w : 0).ToArray();
                if (weights.All(w => w == 0)) Array.Fill(weights, 1.0);
            }
            else
            {
                if (!released.Any(w => w > threshold))
                    throw new InvalidOperationException(FormattableString.Invariant(
                        $"Under differential privacy no category of column '{column.Name}' is frequent enough to be released (noisy counts must clear {threshold:F0} rows at this budget); {PrivacyRemedies.Discrete}."));
                weights = released.Select(w => w > threshold ? Math.Max(w, 1) : 0).ToArray();
                (column, weights) = GroupRare(column, weights, n, sigma, privacy.RareCategoryLabel);
            }
            // Rows holding a category whose weight is 0 are left out; the released weights estimate how many rows remain.
            coverage.Add(new ColumnCoverage(column.Name, Math.Clamp(weights.Sum() / n, 0, 1)));
            recoded[column.Name] = column;
            var (proxyColumn, allocation) = ProxyDiscrete(column, weights, n, random);
            proxy.Add(proxyColumn);
            var codes = column.Codes;
            for (int r = 0; r < n; r++) keep[r] &= !domain.IsOutside(r) && allocation[codes[r]] > 0;
        }
        foreach (var column in continuous)
        {
            var (min, max) = bounds[column.Name];
            // Post-processing: bins under 2σ are mostly noise, and a missing share under 4σ is taken as none.
            var weights = noisy.AsSpan(offset, privacy.HistogramBins + 1).ToArray().Select(w => w > 2 * sigma ? w : 0).ToArray();
            if (weights[^1] <= 4 * sigma) weights[^1] = 0;
            offset += privacy.HistogramBins + 1;
            if (weights.Take(privacy.HistogramBins).Sum() <= 0)
                throw new InvalidOperationException(
                    $"Under differential privacy the noisy histogram of column '{column.Name}' is empty at this budget; {PrivacyRemedies.Continuous}.");
            double noisyMissing = Math.Max(0, noisy[offset - 1]);
            bool integral = ColumnTypes.IsIntegral(column.Type);
            var proxyColumn = ProxyContinuous(column, weights, min, max, n, integral);
            proxy.Add(proxyColumn);
            bool allowsMissing = proxyColumn.Values.ToArray().Any(double.IsNaN);
            coverage.Add(new ColumnCoverage(column.Name, allowsMissing ? 1 : Math.Clamp(1 - noisyMissing / n, 0, 1)));
            var values = column.Values;
            for (int r = 0; r < n; r++) keep[r] &= allowsMissing || !double.IsNaN(values[r]);
        }

        var rows = Enumerable.Range(0, n).Where(r => keep[r]).ToArray();
        var training = new TabularTable(table.Columns.Select(c => Subset(recoded.GetValueOrDefault(c.Name, c), rows, bounds)));
        var proxyTable = new TabularTable(table.Columns.Select(c => proxy.First(p => p.Name == c.Name)));
        return new PrivateTableRelease(proxyTable, training, thresholded == 0 ? 0 : thresholdDelta, bounds, sigma,
            thresholded == 0 ? null : threshold, coverage);
    }

    private static Dictionary<string, (double Min, double Max)> ReleaseBounds(ContinuousColumn[] columns,
        TabularPrivacyOptions privacy, double unitNoise, Random random, RdpAccountant accountant)
    {
        var bounds = new Dictionary<string, (double Min, double Max)>(StringComparer.Ordinal);
        foreach (var column in columns.Where(c => privacy.PublicBounds.ContainsKey(c.Name)))
            bounds[column.Name] = privacy.PublicBounds[column.Name];
        var open = columns.Where(c => !bounds.ContainsKey(c.Name)).ToArray();
        if (open.Length == 0)
            return bounds;
        var counts = new double[open.Length * PowerOfTwoGrid.Count];
        for (int c = 0; c < open.Length; c++)
        {
            foreach (double value in open[c].Values)
            {
                if (double.IsFinite(value)) counts[c * PowerOfTwoGrid.Count + PowerOfTwoGrid.BinOf(value)]++;
            }
        }
        double sigma = unitNoise * Math.Sqrt(open.Length);
        double[] noisy = GaussianMechanism.Release(counts, Math.Sqrt(open.Length), sigma, random, accountant);
        for (int c = 0; c < open.Length; c++)
        {
            var bins = Enumerable.Range(0, PowerOfTwoGrid.Count)
                .Where(b => noisy[c * PowerOfTwoGrid.Count + b] > 4 * sigma).Select(PowerOfTwoGrid.Edges).ToArray();
            if (bins.Length == 0)
                throw new InvalidOperationException(
                    $"Under differential privacy the range of column '{open[c].Name}' cannot be released at this budget; {PrivacyRemedies.Range}.");
            bounds[open[c].Name] = (bins.Min(b => b.Low), bins.Max(b => b.High));
        }
        return bounds;
    }

    /// <summary>
    /// For a text column, when <paramref name="label"/> is set: the categories that did not survive share one category of
    /// that name, whose count is n minus the survivors' noisy counts (n is public, so this is post-processing), kept when
    /// it clears 2σ√(survivors). A value equal to the label in the data always joins that group, so whether the group
    /// exists never depends on one row. Otherwise the column as it is.
    /// </summary>
    private static (DiscreteColumn Column, double[] Weights) GroupRare(DiscreteColumn column, double[] weights, int rows,
        double sigma, string? label)
    {
        if (label is null || column.Type is not TextDataViewType)
            return (column, weights);
        int existing = column.Categories.Select((c, k) => (c, k)).FirstOrDefault(p => (string)p.c == label, (label, -1)).Item2;
        var grouped = (double[])weights.Clone();
        if (existing >= 0) grouped[existing] = 0;
        int survivors = grouped.Count(w => w > 0);
        double rest = rows - grouped.Sum();
        if (rest <= 2 * sigma * Math.Sqrt(survivors))
            return (column, grouped);
        int other = existing >= 0 ? existing : column.Categories.Count;
        var codes = new int[column.Length];
        for (int r = 0; r < codes.Length; r++)
        {
            int code = column.Codes[r];
            codes[r] = grouped[code] > 0 ? code : other;
        }
        grouped = existing >= 0 ? grouped : [.. grouped, 0];
        grouped[other] = rest;
        var categories = existing >= 0 ? column.Categories : [.. column.Categories, label];
        return (new DiscreteColumn(column.Name, column.Type, codes, categories, column.KeyValues), grouped);
    }

    /// <summary>Counts per equal-width bin of [min, max] (values clamped), then the count of missing values.</summary>
    private static double[] Histogram(ContinuousColumn column, (double Min, double Max) bounds, int bins)
    {
        var counts = new double[bins + 1];
        foreach (double value in column.Values)
        {
            if (double.IsNaN(value)) counts[bins]++;
            else counts[BinOf(value, bounds, bins)]++;
        }
        return counts;
    }

    private static int BinOf(double value, (double Min, double Max) bounds, int bins) =>
        Math.Clamp((int)Math.Floor((value - bounds.Min) / (bounds.Max - bounds.Min) * bins), 0, bins - 1);

    private static (DiscreteColumn Column, int[] Allocation) ProxyDiscrete(DiscreteColumn column, double[] weights, int rows, Random random)
    {
        var allocation = Allocate(weights, rows);
        var codes = new int[rows];
        int next = 0;
        for (int k = 0; k < allocation.Length; k++)
        {
            for (int i = 0; i < allocation[k]; i++) codes[next++] = k;
        }
        random.Shuffle(codes);
        return (new DiscreteColumn(column.Name, column.Type, codes, column.Categories, column.KeyValues), allocation);
    }

    /// <summary>Values spread evenly inside each bin, in proportion to its noisy count; the last weight is the missing share.</summary>
    private static ContinuousColumn ProxyContinuous(ContinuousColumn column, double[] weights, double min, double max,
        int rows, bool integral)
    {
        bool missingAllowed = !integral && column.Type.RawType != typeof(DateTime);
        if (!missingAllowed) weights[^1] = 0;
        var allocation = Allocate(weights, rows);
        int bins = weights.Length - 1;
        double width = (max - min) / bins;
        var values = new double[rows];
        int next = 0;
        for (int b = 0; b < bins; b++)
        {
            for (int i = 0; i < allocation[b]; i++)
            {
                double value = min + width * (b + (i + 0.5) / allocation[b]);
                values[next++] = integral ? Math.Round(value) : value;
            }
        }
        for (int i = 0; i < allocation[bins]; i++) values[next++] = double.NaN;
        return new ContinuousColumn(column.Name, column.Type, values);
    }

    /// <summary>Splits <paramref name="total"/> in proportion to non-negative weights (largest remainders).</summary>
    internal static int[] Allocate(double[] weights, int total)
    {
        double sum = weights.Sum();
        var exact = weights.Select(w => w / sum * total).ToArray();
        var counts = exact.Select(e => (int)Math.Floor(e)).ToArray();
        int left = total - counts.Sum();
        foreach (int k in Enumerable.Range(0, weights.Length).OrderByDescending(k => exact[k] - counts[k]).Take(left))
            counts[k]++;
        return counts;
    }

    private static TabularColumn Subset(TabularColumn column, int[] rows, IReadOnlyDictionary<string, (double Min, double Max)> bounds)
    {
        switch (column)
        {
            case DiscreteColumn d:
                var codes = new int[rows.Length];
                for (int i = 0; i < rows.Length; i++) codes[i] = d.Codes[rows[i]];
                return new DiscreteColumn(d.Name, d.Type, codes, d.Categories, d.KeyValues);
            case ContinuousColumn c:
                var (min, max) = bounds[c.Name];
                var values = new double[rows.Length];
                for (int i = 0; i < rows.Length; i++)
                {
                    double value = c.Values[rows[i]];
                    values[i] = double.IsNaN(value) ? double.NaN : Math.Clamp(value, min, max);
                }
                return new ContinuousColumn(c.Name, c.Type, values);
            default:
                throw new ArgumentException($"Column '{column.Name}' is of unsupported kind {column.GetType().Name}.", nameof(column));
        }
    }
}
