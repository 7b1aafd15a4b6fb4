using Microsoft.ML.Gan.Tabular.Data;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Tabular.GaussianCopula;

/// <summary>
/// The copula's correlation matrix: Pearson's correlation of the variables' normal scores over every training row
/// (accumulated in float64, 8,192 rows at a time), made positive definite when it is not — eigenvalues below
/// <see cref="MinimumEigenvalue"/> are raised to it and the matrix is rescaled to a unit diagonal (a column that is an
/// exact function of others, or a constant score, would otherwise leave it singular).
/// </summary>
/// <remarks>
/// A missing continuous value's score is 0 (the quantile encoder's; the median), so a column with missing values
/// correlates with the others through its present rows, slightly attenuated, as SDV's mean imputation does; its
/// [present, missing] indicator is a variable of its own, so missingness correlates with the other columns too.
/// </remarks>
internal static class LatentCorrelation
{
    /// <summary>The smallest eigenvalue the correlation matrix keeps.</summary>
    public const double MinimumEigenvalue = 1e-5;
    private const int ChunkRows = 8192;

    /// <summary>
    /// The correlation matrix [variables × variables], row-major, of <paramref name="data"/>'s scores; each categorical
    /// variable's uniform draws come from its own generator seeded by <paramref name="seed"/> and its index.
    /// </summary>
    /// <exception cref="OperationCanceledException">The token or the fit's MLContext was cancelled.</exception>
    public static double[] Estimate(EncodedTable data, CopulaVariables variables, int seed, CancellationToken token)
    {
        int d = variables.Count;
        var randoms = Enumerable.Range(0, d).Select(v => new Random(DataTransformerOptions.ColumnSeed(seed, v))).ToArray();
        var row = new float[data.Width];
        var latent = new double[ChunkRows * d];
        using var scope = NewDisposeScope();
        var sum = zeros([d], dtype: ScalarType.Float64);
        var products = zeros([d, d], dtype: ScalarType.Float64);
        for (int first = 0; first < data.RowCount; first += ChunkRows)
        {
            GanCancellation.ThrowIfCanceled(token);
            int rows = Math.Min(ChunkRows, data.RowCount - first);
            for (int r = 0; r < rows; r++)
            {
                Array.Clear(row);
                data.WriteRow(first + r, row);
                variables.Latent(row, randoms, latent.AsSpan(r * d, d));
            }
            using var chunk = NewDisposeScope();
            var scores = variables.Scores(latent, rows);
            sum.add_(scores.sum(0));
            products.add_(scores.t().mm(scores));
        }
        var mean = sum / data.RowCount;
        var covariance = (products / data.RowCount - mean.outer(mean)).data<double>().ToArray();
        return PositiveDefinite(Normalize(covariance, d), d);
    }

    /// <summary>Covariance to correlation; a variable without variance is uncorrelated with the others.</summary>
    private static double[] Normalize(double[] covariance, int d)
    {
        var deviation = Enumerable.Range(0, d).Select(i => Math.Sqrt(Math.Max(0, covariance[i * d + i]))).ToArray();
        var correlation = new double[d * d];
        for (int i = 0; i < d; i++)
        {
            for (int j = 0; j < d; j++)
            {
                double product = deviation[i] * deviation[j];
                correlation[i * d + j] = i == j ? 1 : product > 0 ? Math.Clamp(covariance[i * d + j] / product, -1, 1) : 0;
            }
        }
        return correlation;
    }

    /// <summary>The symmetric correlation matrix itself when its eigenvalues are at least <see cref="MinimumEigenvalue"/>, else the repaired one.</summary>
    internal static double[] PositiveDefinite(double[] correlation, int d)
    {
        var symmetric = new double[d * d];
        for (int i = 0; i < d; i++)
        {
            for (int j = 0; j < d; j++)
                symmetric[i * d + j] = i == j ? 1 : (correlation[i * d + j] + correlation[j * d + i]) / 2;
        }
        using var scope = NewDisposeScope();
        var (values, vectors) = linalg.eigh(tensor(symmetric, [d, d], dtype: ScalarType.Float64));
        if (values.min().item<double>() >= MinimumEigenvalue)
            return symmetric;
        var repaired = vectors.mm(diag(values.clamp(min: MinimumEigenvalue))).mm(vectors.t()).data<double>().ToArray();
        for (int i = 0; i < d; i++)
        {
            for (int j = 0; j < d; j++)
                symmetric[i * d + j] = i == j ? 1 : Math.Clamp(repaired[i * d + j] / Math.Sqrt(repaired[i * d + i] * repaired[j * d + j]), -1, 1);
        }
        return symmetric;
    }
}
