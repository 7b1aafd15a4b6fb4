namespace Microsoft.ML.Gan.Tabular.Tvae;

/// <summary>
/// TVAE's negative ELBO per row: the reconstruction loss times the loss factor — for each scalar output the Gaussian
/// negative log-likelihood (x − tanh x̂)²/(2σ²) + log σ with its learned σ, for each categorical span (mode, category,
/// missing indicator) the cross-entropy of its logits against the encoded one-hot — plus KL(N(μ, σ²) ‖ N(0, I)).
/// </summary>
internal sealed class TvaeLoss : IDisposable
{
    private readonly Tensor _scalars;
    private readonly (int Start, int Length)[] _categorical;
    private readonly double _factor;

    /// <param name="spans">The transformer's output spans.</param>
    /// <param name="factor">Weight of the reconstruction term.</param>
    /// <param name="device">Where the data lives.</param>
    public TvaeLoss(IReadOnlyList<OutputSpan> spans, double factor, Device device)
    {
        _scalars = tensor(spans.Where(s => s.Kind == SpanKind.Scalar).Select(s => (long)s.Start).ToArray(), device: device);
        _categorical = spans.Where(s => s.Kind != SpanKind.Scalar).Select(s => (s.Start, s.Length)).ToArray();
        _factor = factor;
    }

    /// <summary>The number of scalar outputs (one learned σ each).</summary>
    public long ScalarCount => _scalars.shape[0];

    /// <summary>The mean loss over the batch, and its KL part.</summary>
    public (Tensor Loss, Tensor KullbackLeibler) Compute(Tensor encoded, Tensor reconstruction, Tensor sigma, Tensor mean, Tensor logVariance)
    {
        using var scope = NewDisposeScope();
        long rows = encoded.shape[0];
        var total = zeros([], device: encoded.device);
        if (ScalarCount > 0)
        {
            var error = encoded.index_select(1, _scalars) - reconstruction.index_select(1, _scalars).tanh();
            total = total + (error.square() / (2 * sigma.square())).sum() + sigma.log().sum() * rows;
        }
        foreach (var (start, length) in _categorical)
        {
            var target = encoded.narrow(1, start, length).argmax(1);
            total = total + nn.functional.cross_entropy(reconstruction.narrow(1, start, length), target, reduction: nn.Reduction.Sum);
        }
        var kl = -0.5 * (1 + logVariance - mean.square() - logVariance.exp()).sum() / rows;
        var loss = total * _factor / rows + kl;
        return (loss.MoveToOuterDisposeScope(), kl.MoveToOuterDisposeScope());
    }

    public void Dispose() => _scalars.Dispose();
}
