namespace Microsoft.ML.Gan.Tabular.Evaluation;

/// <summary>Pairwise relationship similarity: correlation similarity and contingency similarity.</summary>
internal static class PairTrends
{
    public static List<PairTrendScore> Score(AlignedTable real, AlignedTable synthetic, TabularEvaluationOptions options)
    {
        var schema = real.Schema;
        int n = schema.ColumnCount;
        // Each column as codes for contingency: categories as they are, continuous columns binned over the real range.
        var realCodes = new int[n][];
        var syntheticCodes = new int[n][];
        var cardinality = new int[n];
        for (int c = 0; c < n; c++)
        {
            if (schema.IsDiscrete(c))
            {
                realCodes[c] = real.Codes(c);
                syntheticCodes[c] = synthetic.Codes(c);
                cardinality[c] = schema.Categories[c]!.Count;
            }
            else
            {
                var binner = Binner.Fit(real.Values(c), options.PairBins);
                realCodes[c] = binner.Codes(real.Values(c));
                syntheticCodes[c] = binner.Codes(synthetic.Values(c));
                cardinality[c] = binner.CodeCount;
            }
        }

        var scores = new List<PairTrendScore>(n * (n - 1) / 2);
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                if (!schema.IsDiscrete(i) && !schema.IsDiscrete(j))
                {
                    double? r = Correlation.Compute(real.Values(i), real.Values(j), options.CorrelationMethod);
                    double? s = Correlation.Compute(synthetic.Values(i), synthetic.Values(j), options.CorrelationMethod);
                    scores.Add(new PairTrendScore
                    {
                        Column1 = schema.Names[i],
                        Column2 = schema.Names[j],
                        Metric = "CorrelationSimilarity",
                        RealCorrelation = r,
                        SyntheticCorrelation = s,
                        Score = r is { } rv && s is { } sv ? 1 - Math.Abs(rv - sv) / 2 : null,
                    });
                }
                else
                {
                    scores.Add(new PairTrendScore
                    {
                        Column1 = schema.Names[i],
                        Column2 = schema.Names[j],
                        Metric = "ContingencySimilarity",
                        Score = 1 - JointTotalVariation(realCodes[i], realCodes[j], syntheticCodes[i], syntheticCodes[j], cardinality[j]),
                    });
                }
            }
        }
        return scores;
    }

    /// <summary>Total-variation distance between the joint frequency tables of (a, b) in two tables.</summary>
    private static double JointTotalVariation(int[] realA, int[] realB, int[] synA, int[] synB, int cardinalityB)
    {
        var cells = new Dictionary<long, (int Real, int Synthetic)>();
        for (int r = 0; r < realA.Length; r++)
        {
            long key = (long)realA[r] * cardinalityB + realB[r];
            cells[key] = cells.TryGetValue(key, out var v) ? (v.Real + 1, v.Synthetic) : (1, 0);
        }
        for (int r = 0; r < synA.Length; r++)
        {
            long key = (long)synA[r] * cardinalityB + synB[r];
            cells[key] = cells.TryGetValue(key, out var v) ? (v.Real, v.Synthetic + 1) : (0, 1);
        }
        var realCounts = new int[cells.Count];
        var synCounts = new int[cells.Count];
        int k = 0;
        foreach (var (real, syn) in cells.Values)
        {
            realCounts[k] = real;
            synCounts[k++] = syn;
        }
        return ColumnShapes.TotalVariation(realCounts, synCounts);
    }
}

/// <summary>Equal-width bins over a reference range; values outside it fall in the edge bins, NaN in a bin of its own.</summary>
internal sealed class Binner
{
    private Binner(double min, double width, int bins)
    {
        Min = min;
        Width = width;
        Bins = bins;
    }

    public double Min { get; }

    public double Width { get; }

    public int Bins { get; }

    /// <summary>Bins plus one code for missing values.</summary>
    public int CodeCount => Bins + 1;

    /// <summary>Bins over the range of the present values of <paramref name="values"/> (one bin if constant or empty).</summary>
    public static Binner Fit(ReadOnlySpan<double> values, int bins) => Fit(values, [], bins);

    /// <summary>Bins over the joint range of the present values of both spans.</summary>
    public static Binner Fit(ReadOnlySpan<double> a, ReadOnlySpan<double> b, int bins)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (double v in a) { if (!double.IsNaN(v)) { min = Math.Min(min, v); max = Math.Max(max, v); } }
        foreach (double v in b) { if (!double.IsNaN(v)) { min = Math.Min(min, v); max = Math.Max(max, v); } }
        if (!(max > min))
            return new Binner(double.IsFinite(min) ? min : 0, 1, 1);
        return new Binner(min, (max - min) / bins, bins);
    }

    public int Code(double value)
    {
        if (double.IsNaN(value)) return Bins;
        return Math.Clamp((int)Math.Floor((value - Min) / Width), 0, Bins - 1);
    }

    public int[] Codes(ReadOnlySpan<double> values)
    {
        var codes = new int[values.Length];
        for (int i = 0; i < codes.Length; i++) codes[i] = Code(values[i]);
        return codes;
    }
}
