namespace Microsoft.ML.Gan.Images.Metrics;

/// <summary>
/// Distances between two sets of feature vectors ([N, d] float64): Fréchet distance, kernel (KID) distance and
/// k-nearest-neighbour manifold precision/recall.
/// </summary>
internal static class FeatureStatistics
{
    /// <summary>
    /// Fréchet distance between Gaussians fitted to the two sets (Heusel et al. 2017):
    /// ‖μ₁ − μ₂‖² + tr(Σ₁ + Σ₂ − 2(Σ₁Σ₂)^½), with tr((Σ₁Σ₂)^½) = Σ √λ(Σ₁^½ Σ₂ Σ₁^½) from symmetric eigendecompositions.
    /// </summary>
    public static double FrechetDistance(Tensor a, Tensor b)
    {
        using var scope = NewDisposeScope();
        var (meanA, covA) = Moments(a);
        var (meanB, covB) = Moments(b);
        var rootA = SymmetricSqrt(covA);
        var product = rootA.matmul(covB).matmul(rootA);
        var eigen = linalg.eigvalsh((product + product.t()) / 2).clamp_min(0).sqrt().sum();
        var distance = (meanA - meanB).pow(2).sum() + covA.trace() + covB.trace() - 2 * eigen;
        return Math.Max(0, distance.item<double>());
    }

    /// <summary>
    /// Kernel Inception-style distance (Bińkowski et al. 2018) on these features: the unbiased MMD² with the cubic
    /// polynomial kernel k(x, y) = (xᵀy / d + 1)³, averaged over <paramref name="subsets"/> random subsets of
    /// <paramref name="subsetSize"/> rows of each set (drawn with <paramref name="seed"/>). Returns mean and standard deviation.
    /// </summary>
    public static (double Mean, double StandardDeviation) KernelDistance(Tensor a, Tensor b, int subsets = 10, int subsetSize = 1000, int seed = 0)
    {
        using var scope = NewDisposeScope();
        int m = (int)Math.Min(subsetSize, Math.Min(a.shape[0], b.shape[0]));
        if (m < 2)
            throw new ArgumentException("KID needs at least 2 samples in each set.");
        double d = a.shape[1];
        var random = new Random(seed);
        var values = new double[subsets];
        for (int s = 0; s < subsets; s++)
        {
            var x = a.index_select(0, tensor(Subset(random, (int)a.shape[0], m)));
            var y = b.index_select(0, tensor(Subset(random, (int)b.shape[0], m)));
            var kxx = (x.matmul(x.t()) / d + 1).pow(3);
            var kyy = (y.matmul(y.t()) / d + 1).pow(3);
            var kxy = (x.matmul(y.t()) / d + 1).pow(3);
            var mmd = (kxx.sum() - kxx.trace()) / (m * (m - 1.0)) + (kyy.sum() - kyy.trace()) / (m * (m - 1.0)) - 2 * kxy.mean();
            values[s] = mmd.item<double>();
        }
        double mean = values.Average();
        double std = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / Math.Max(1, subsets - 1));
        return (mean, std);
    }

    /// <summary>
    /// Improved precision and recall (Kynkäänniemi et al. 2019): precision is the fraction of generated samples inside
    /// the real manifold (the union of balls reaching each real sample's k-th nearest real neighbour); recall is the
    /// fraction of real samples inside the generated manifold.
    /// </summary>
    public static (double Precision, double Recall) PrecisionRecall(Tensor real, Tensor generated, int k = 3)
    {
        using var scope = NewDisposeScope();
        return (Coverage(real, generated, k), Coverage(generated, real, k));
    }

    private static double Coverage(Tensor manifold, Tensor probes, int k)
    {
        if (manifold.shape[0] <= k)
            throw new ArgumentException($"Precision/recall with k = {k} needs more than {k} samples in each set.");
        var self = cdist(manifold, manifold);
        var radii = self.topk(k + 1, dim: 1, largest: false).values.select(1, k);
        var inside = (cdist(probes, manifold) <= radii.unsqueeze(0)).any(1);
        return inside.to(ScalarType.Float64).mean().item<double>();
    }

    private static (Tensor Mean, Tensor Covariance) Moments(Tensor features)
    {
        var mean = features.mean(new long[] { 0 });
        var centred = features - mean;
        return (mean, centred.t().matmul(centred) / Math.Max(1, features.shape[0] - 1));
    }

    private static Tensor SymmetricSqrt(Tensor matrix)
    {
        var (values, vectors) = linalg.eigh(matrix);
        return vectors.matmul(diag(values.clamp_min(0).sqrt())).matmul(vectors.t());
    }

    private static long[] Subset(Random random, int count, int size)
    {
        var indices = Enumerable.Range(0, count).ToArray();
        random.Shuffle(indices);
        return indices.Take(size).Select(i => (long)i).ToArray();
    }
}
