namespace Microsoft.ML.Gan.Tabular.Evaluation;

/// <summary>DCR against a holdout baseline, exact-copy rates, rare-category exposure and, with a given holdout, the membership-inference attack.</summary>
internal static class PrivacyMetrics
{
    public static PrivacyResult Compute(AlignedTable training, AlignedTable holdout, AlignedTable synthetic, TabularEvaluationOptions options)
    {
        var random = new Random(options.Seed);
        var distance = new RecordDistance(training);
        var syntheticSample = Sample(synthetic, options.PrivacySampleSize, random);
        var holdoutSample = Sample(holdout, options.PrivacySampleSize, random);
        double[] syntheticDcr = distance.Closest(syntheticSample);
        double[] holdoutDcr = distance.Closest(holdoutSample);
        double holdoutP5 = Quantile(holdoutDcr, 0.05);

        var copies = new ExactCopyIndex(training);
        var (exposureRate, exposed) = RareCategories(training, synthetic, options.RareCategoryThreshold);
        return new PrivacyResult
        {
            TrainingRows = training.RowCount,
            SyntheticSampleRows = syntheticSample.RowCount,
            HoldoutSampleRows = holdoutSample.RowCount,
            SyntheticDcr = Summarize(syntheticDcr),
            HoldoutDcr = Summarize(holdoutDcr),
            SyntheticShareBelowHoldoutPercentile5 = syntheticDcr.Length == 0 ? 0 : syntheticDcr.Count(d => d < holdoutP5) / (double)syntheticDcr.Length,
            ExactCopyRate = Rate(copies.Matches(synthetic)),
            HoldoutExactCopyRate = Rate(copies.Matches(holdout)),
            RareCategoryThreshold = options.RareCategoryThreshold,
            RareCategoryExposureRate = exposureRate,
            ExposedCategories = exposed,
            MembershipInference = options.RealHoldout is null
                ? null
                : Evaluation.MembershipInference.Attack(training, holdout, synthetic, options.PrivacySampleSize, random),
        };
    }

    /// <summary>A random subsample of at most <paramref name="cap"/> rows (the table itself when it is small enough).</summary>
    public static AlignedTable Sample(AlignedTable table, int cap, Random random)
    {
        if (table.RowCount <= cap) return table;
        int[] rows = [.. Enumerable.Range(0, table.RowCount)];
        random.Shuffle(rows);
        return table.Subset(rows[..cap]);
    }

    /// <summary>The <paramref name="q"/>-quantile with linear interpolation between order statistics (NaN when empty).</summary>
    public static double Quantile(IReadOnlyCollection<double> values, double q)
    {
        if (values.Count == 0) return double.NaN;
        double[] sorted = [.. values.Order()];
        double position = q * (sorted.Length - 1);
        int low = (int)Math.Floor(position), high = (int)Math.Ceiling(position);
        return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
    }

    /// <summary>Per discrete column, which shared codes are rare: present in the training rows fewer than <paramref name="k"/> times.</summary>
    public static bool[]?[] RareCodes(AlignedTable training, int k)
    {
        var schema = training.Schema;
        var rare = new bool[]?[schema.ColumnCount];
        for (int c = 0; c < schema.ColumnCount; c++)
        {
            if (!schema.IsDiscrete(c)) continue;
            int[] counts = training.CategoryCounts(c);
            rare[c] = [.. counts.Select(n => n > 0 && n < k)];
        }
        return rare;
    }

    private static (double Rate, List<RareCategoryExposure> Exposed) RareCategories(AlignedTable training, AlignedTable synthetic, int k)
    {
        var schema = training.Schema;
        var rare = RareCodes(training, k);
        var exposedRow = new bool[synthetic.RowCount];
        var exposed = new List<RareCategoryExposure>();
        for (int c = 0; c < schema.ColumnCount; c++)
        {
            if (rare[c] is not { } isRare) continue;
            int[] codes = synthetic.Codes(c);
            for (int r = 0; r < codes.Length; r++)
                exposedRow[r] |= isRare[codes[r]];
            int[] realCounts = training.CategoryCounts(c), synCounts = synthetic.CategoryCounts(c);
            for (int code = 0; code < isRare.Length; code++)
            {
                if (isRare[code] && synCounts[code] > 0)
                {
                    exposed.Add(new RareCategoryExposure
                    {
                        Column = schema.Names[c],
                        Category = schema.Categories[c]![code],
                        RealCount = realCounts[code],
                        SyntheticCount = synCounts[code],
                    });
                }
            }
        }
        return (Rate(exposedRow), exposed);
    }

    private static DistanceSummary Summarize(double[] distances) => new()
    {
        Minimum = distances.Length == 0 ? double.NaN : distances.Min(),
        Percentile5 = Quantile(distances, 0.05),
        Median = Quantile(distances, 0.5),
        Mean = distances.Length == 0 ? double.NaN : distances.Average(),
    };

    private static double Rate(bool[] flags) => flags.Length == 0 ? 0 : flags.Count(f => f) / (double)flags.Length;
}
