namespace Microsoft.ML.Gan.Networks;

/// <summary>
/// Spectral normalization (Miyato et al. 2018) of one weight: W / σ(W), with σ estimated by one step of power
/// iteration per training forward pass on a persistent vector u (a buffer, so it is saved with the weights).
/// </summary>
internal sealed class SpectralNorm : nn.Module
{
    private readonly Parameter _weight;
    private readonly Tensor _u;
    private readonly double _epsilon;

    /// <summary>Wraps <paramref name="weight"/> (any shape; rows are the first dimension).</summary>
    public SpectralNorm(Parameter weight, double epsilon = 1e-12) : base(nameof(SpectralNorm))
    {
        _weight = weight;
        _epsilon = epsilon;
        long rows = weight.shape[0];
        using (no_grad())
            _u = nn.functional.normalize(randn(rows, device: weight.device), dim: 0);
        register_buffer("u", _u);
    }

    /// <summary>The normalized weight. In training mode it also advances the power iteration.</summary>
    public Tensor Normalized()
    {
        using var scope = NewDisposeScope();
        var matrix = _weight.reshape(_weight.shape[0], -1);
        Tensor u;
        Tensor v;
        using (no_grad())
        {
            v = nn.functional.normalize(matrix.t().mv(_u), dim: 0, eps: _epsilon);
            u = nn.functional.normalize(matrix.mv(v), dim: 0, eps: _epsilon);
            if (training)
                _u.copy_(u);
        }
        var sigma = u.dot(matrix.mv(v));
        return (_weight / sigma).MoveToOuterDisposeScope();
    }
}
