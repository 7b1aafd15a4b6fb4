namespace Microsoft.ML.Gan.Tabular.Data;

/// <summary>
/// k-means on weighted 1-D points (distinct values with their counts): seeded k-means++ centres, then Lloyd
/// iterations. It gives the variational mixture its starting responsibilities.
/// </summary>
internal static class WeightedKMeans
{
    private const int MaxIterations = 100;

    /// <summary>Returns, for each point, the index of its cluster (0 … <paramref name="clusters"/> − 1).</summary>
    /// <remarks><paramref name="clusters"/> must not exceed the number of points, which must be distinct.</remarks>
    public static int[] Cluster(ReadOnlySpan<double> points, ReadOnlySpan<double> weights, int clusters, Random random)
    {
        var centres = ChooseCentres(points, weights, clusters, random);
        var labels = new int[points.Length];
        var sums = new double[clusters];
        var totals = new double[clusters];
        for (int iteration = 0; iteration < MaxIterations; iteration++)
        {
            if (!Assign(points, centres, labels) && iteration > 0)
                break;
            Array.Clear(sums);
            Array.Clear(totals);
            for (int i = 0; i < points.Length; i++)
            {
                sums[labels[i]] += weights[i] * points[i];
                totals[labels[i]] += weights[i];
            }
            for (int k = 0; k < clusters; k++)
            {
                if (totals[k] > 0)
                    centres[k] = sums[k] / totals[k];
            }
        }
        return labels;
    }

    private static double[] ChooseCentres(ReadOnlySpan<double> points, ReadOnlySpan<double> weights, int clusters, Random random)
    {
        var centres = new double[clusters];
        var distances = new double[points.Length];
        centres[0] = points[Draw(weights, null, random)];
        for (int i = 0; i < points.Length; i++)
            distances[i] = Square(points[i] - centres[0]);
        for (int k = 1; k < clusters; k++)
        {
            centres[k] = points[Draw(weights, distances, random)];
            for (int i = 0; i < points.Length; i++)
                distances[i] = Math.Min(distances[i], Square(points[i] - centres[k]));
        }
        return centres;
    }

    /// <summary>Draws an index with probability proportional to weight (× distance when given).</summary>
    private static int Draw(ReadOnlySpan<double> weights, double[]? distances, Random random)
    {
        double total = 0;
        for (int i = 0; i < weights.Length; i++)
            total += weights[i] * (distances?[i] ?? 1);
        double target = random.NextDouble() * total;
        int last = 0;
        for (int i = 0; i < weights.Length; i++)
        {
            double mass = weights[i] * (distances?[i] ?? 1);
            if (mass <= 0)
                continue;
            last = i;
            target -= mass;
            if (target < 0)
                return i;
        }
        return last;
    }

    /// <summary>Assigns each point to its nearest centre; returns whether any label changed.</summary>
    private static bool Assign(ReadOnlySpan<double> points, double[] centres, int[] labels)
    {
        bool changed = false;
        for (int i = 0; i < points.Length; i++)
        {
            int best = 0;
            double bestDistance = Math.Abs(points[i] - centres[0]);
            for (int k = 1; k < centres.Length; k++)
            {
                double distance = Math.Abs(points[i] - centres[k]);
                if (distance < bestDistance)
                {
                    bestDistance = distance;
                    best = k;
                }
            }
            if (labels[i] != best)
            {
                labels[i] = best;
                changed = true;
            }
        }
        return changed;
    }

    private static double Square(double x) => x * x;
}
