namespace Microsoft.ML.Gan.Tabular.Evaluation;

/// <summary>Pearson and Spearman correlation on the rows where both columns are present.</summary>
internal static class Correlation
{
    /// <summary>The coefficient, or null when fewer than two complete rows remain or a column is constant on them.</summary>
    public static double? Compute(ReadOnlySpan<double> a, ReadOnlySpan<double> b, CorrelationMethod method)
    {
        var x = new List<double>(a.Length);
        var y = new List<double>(a.Length);
        for (int i = 0; i < a.Length; i++)
        {
            if (double.IsNaN(a[i]) || double.IsNaN(b[i])) continue;
            x.Add(a[i]);
            y.Add(b[i]);
        }
        if (x.Count < 2) return null;
        double[] u = [.. x], v = [.. y];
        if (method == CorrelationMethod.Spearman)
        {
            u = Ranks(u);
            v = Ranks(v);
        }
        return Pearson(u, v);
    }

    private static double? Pearson(double[] x, double[] y)
    {
        double meanX = x.Average(), meanY = y.Average();
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double dx = x[i] - meanX, dy = y[i] - meanY;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        if (sxx <= 0 || syy <= 0) return null;
        return Math.Clamp(sxy / Math.Sqrt(sxx * syy), -1, 1);
    }

    /// <summary>Ranks starting at 1; tied values share the mean of their ranks.</summary>
    internal static double[] Ranks(double[] values)
    {
        int n = values.Length;
        int[] order = [.. Enumerable.Range(0, n)];
        Array.Sort([.. values], order);
        var ranks = new double[n];
        for (int start = 0; start < n;)
        {
            int end = start + 1;
            while (end < n && values[order[end]] == values[order[start]]) end++;
            double rank = (start + end + 1) / 2.0;
            for (int k = start; k < end; k++) ranks[order[k]] = rank;
            start = end;
        }
        return ranks;
    }
}
