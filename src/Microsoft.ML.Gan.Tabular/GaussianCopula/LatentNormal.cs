using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Tabular.GaussianCopula;

/// <summary>
/// The copula's multivariate normal N(0, Σ) over the variables' scores, Σ a correlation matrix. Draws:
/// z = L ε with Σ = L Lᵀ (Cholesky) and ε standard normal; given one variable c at a value z_c, the others follow the
/// conditional normal N(Σ_rc z_c, Σ_rr − Σ_rc Σ_cr) (Σ_cc = 1), drawn with the Cholesky factor of that covariance,
/// computed once per conditioned variable.
/// </summary>
internal sealed class LatentNormal : IDisposable
{
    private readonly int _order;
    private readonly double[] _correlation;
    private readonly Tensor _factorTransposed;
    private readonly Dictionary<int, Given> _given = [];

    /// <param name="correlation">Σ, [order × order] row-major, symmetric positive definite with a unit diagonal.</param>
    /// <param name="order">The number of variables.</param>
    /// <exception cref="InvalidDataException">Σ is not positive definite.</exception>
    public LatentNormal(double[] correlation, int order)
    {
        _order = order;
        _correlation = correlation;
        using var scope = NewDisposeScope();
        _factorTransposed = Factor(correlation, order).t().contiguous().DetachFromDisposeScope();
    }

    /// <summary>Scores z = ε Lᵀ for standard normals <paramref name="normals"/> [rows, order] (float64).</summary>
    public Tensor Sample(Tensor normals) => normals.mm(_factorTransposed);

    /// <summary>
    /// Scores with variable <paramref name="variable"/> set to <paramref name="score"/> [rows] and the others drawn
    /// from their conditional normal given it, from the standard normals of <paramref name="normals"/> [rows, order]
    /// other than the variable's own column.
    /// </summary>
    public Tensor SampleGiven(int variable, Tensor score, Tensor normals)
    {
        var scores = empty_like(normals);
        scores.select(1, variable).copy_(score);
        if (_order == 1)
            return scores;
        var given = GivenFor(variable);
        var others = normals.index_select(1, given.Others).mm(given.FactorTransposed) + score.unsqueeze(1) * given.Weights;
        return scores.index_copy_(1, given.Others, others);
    }

    public void Dispose()
    {
        _factorTransposed.Dispose();
        lock (_given)
        {
            foreach (var given in _given.Values)
                given.Dispose();
            _given.Clear();
        }
    }

    /// <summary>The lower Cholesky factor of a positive definite matrix.</summary>
    /// <exception cref="InvalidDataException">The matrix is not positive definite.</exception>
    private static Tensor Factor(double[] matrix, int order)
    {
        var (factor, info) = linalg.cholesky_ex(tensor(matrix, [order, order], dtype: ScalarType.Float64));
        if (info.item<int>() != 0)
            throw new InvalidDataException($"The copula's correlation matrix ({order} × {order}) is not positive definite.");
        return factor;
    }

    private Given GivenFor(int variable)
    {
        lock (_given)
        {
            if (!_given.TryGetValue(variable, out var given))
                _given[variable] = given = new Given(_correlation, _order, variable);
            return given;
        }
    }

    /// <summary>What drawing the others given one variable needs: their indices, Σ_rc as a row, and the conditional covariance's factor, transposed.</summary>
    private sealed class Given : IDisposable
    {
        public Given(double[] correlation, int order, int variable)
        {
            int[] others = [.. Enumerable.Range(0, order).Where(i => i != variable)];
            var weights = others.Select(i => correlation[i * order + variable]).ToArray();
            var covariance = new double[others.Length * others.Length];
            for (int a = 0; a < others.Length; a++)
            {
                for (int b = 0; b < others.Length; b++)
                    covariance[a * others.Length + b] = correlation[others[a] * order + others[b]] - weights[a] * weights[b];
            }
            using var scope = NewDisposeScope();
            // Kept by the cache, not by the dispose scope of the sampling call that first needed them.
            Others = tensor(others.Select(i => (long)i).ToArray()).DetachFromDisposeScope();
            Weights = tensor(weights, [1, others.Length], dtype: ScalarType.Float64).DetachFromDisposeScope();
            FactorTransposed = Factor(covariance, others.Length).t().contiguous().DetachFromDisposeScope();
        }

        public Tensor Others { get; }

        public Tensor Weights { get; }

        public Tensor FactorTransposed { get; }

        public void Dispose()
        {
            Others.Dispose();
            Weights.Dispose();
            FactorTransposed.Dispose();
        }
    }
}
