namespace Microsoft.ML.Gan.Training;

/// <summary>
/// Exponential moving average of a generator's weights. Buffers are copied as they are during training; at the end
/// <see cref="RecomputeNormStatistics"/> gives the average its own batch-norm statistics.
/// </summary>
internal sealed class GeneratorEma : IDisposable
{
    private readonly double _decay;

    public GeneratorEma(nn.Module source, nn.Module replica, double decay)
    {
        _decay = decay;
        Average = replica;
        using (no_grad())
        {
            foreach (var (target, value) in Average.parameters().Zip(source.parameters()))
                target.copy_(value);
        }
        CopyBuffers(source);
        Average.eval();
        foreach (var parameter in Average.parameters())
            parameter.requires_grad = false;
    }

    public nn.Module Average { get; }

    /// <summary>
    /// Moves the average towards <paramref name="source"/>. The decay warms up as min(decay, (1 + step)/(10 + step)),
    /// as TensorFlow's ExponentialMovingAverage does, so a short training is not dominated by the initial weights.
    /// </summary>
    /// <param name="source">The training generator.</param>
    /// <param name="step">The engine's step count (restored on resume, so a resumed run averages alike).</param>
    public void Update(nn.Module source, long step)
    {
        double decay = Math.Min(_decay, (1.0 + step) / (10.0 + step));
        using (no_grad())
        {
            foreach (var (target, value) in Average.parameters().Zip(source.parameters()))
                target.mul_(decay).add_(value, alpha: 1 - decay);
        }
        CopyBuffers(source);
    }

    /// <summary>
    /// Batch-norm running statistics that belong to the averaged weights ("standing statistics", Brock et al. 2019):
    /// the training generator's statistics were accumulated by other weights, and with eval-mode sampling that
    /// mismatch shifts every generated row. After training, the problem's generator takes the averaged weights
    /// (training is over; the caller keeps <see cref="Average"/>) and runs <paramref name="batches"/> generator
    /// forward passes in training mode with a cumulative average; the statistics are copied back. Does nothing for
    /// a generator without batch norm.
    /// </summary>
    public void RecomputeNormStatistics(IAdversarialProblem problem, AdversarialObjective objective, int batchSize, int batches = 50)
    {
        var live = problem.Generator;
        var norms = live.modules().OfType<NormBase>().Where(n => n.track_running_stats).ToList();
        if (norms.Count == 0)
            return;
        var momenta = norms.Select(n => n.momentum).ToList();
        using (no_grad())
        {
            foreach (var (target, value) in live.parameters().Zip(Average.parameters()))
                target.copy_(value);
            live.train();
            foreach (var norm in norms)
            {
                norm.reset_running_stats();
                norm.momentum = null; // cumulative moving average over the passes
            }
            for (int i = 0; i < batches; i++)
            {
                using var scope = NewDisposeScope();
                problem.GeneratorLoss(objective, batchSize);
            }
            foreach (var (norm, momentum) in norms.Zip(momenta))
                norm.momentum = momentum;
            live.eval();
        }
        CopyBuffers(live);
    }

    private void CopyBuffers(nn.Module source)
    {
        using (no_grad())
        {
            foreach (var (target, value) in Average.buffers().Zip(source.buffers()))
                target.copy_(value);
        }
    }

    public void Dispose() => Average.Dispose();
}
