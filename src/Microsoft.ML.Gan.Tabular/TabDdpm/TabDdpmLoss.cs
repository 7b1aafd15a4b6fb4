namespace Microsoft.ML.Gan.Tabular.TabDdpm;

/// <summary>
/// TabDDPM's training loss for a batch at uniformly drawn timesteps t: the Gaussian part's ‖ε − ε̂‖² averaged over the
/// normal scores, plus the multinomial part's variational term divided by the number of categorical features —
/// KL(q(x_{t−1} | xₜ, x₀) ‖ p(x_{t−1} | xₜ)) for t &gt; 0 and −log p(x₀ | x₁) for t = 0, weighted by T (the
/// reference's 1/p(t) for uniform t). The prior term KL(q(x_T | x₀) ‖ uniform) does not depend on the weights and is
/// left out.
/// </summary>
internal sealed class TabDdpmLoss : IDisposable
{
    private readonly DiffusionSchedule _schedule;
    private readonly MultinomialDiffusion _multinomial;
    private readonly int _numericWidth;
    // Per timestep: √ᾱₜ, √(1 − ᾱₜ); log αₜ, log βₜ (one step); log ᾱₜ, log(1 − ᾱₜ); log ᾱ_{t−1}, log(1 − ᾱ_{t−1}).
    private readonly Tensor _table;

    public TabDdpmLoss(DiffusionSchedule schedule, MultinomialDiffusion multinomial, int numericWidth, Device device)
    {
        _schedule = schedule;
        _multinomial = multinomial;
        _numericWidth = numericWidth;
        var rows = new float[schedule.Steps * 8];
        for (int t = 0; t < schedule.Steps; t++)
        {
            double alphaBar = schedule.AlphaBar(t), previous = schedule.AlphaBar(t - 1);
            double[] values =
            [
                Math.Sqrt(alphaBar), Math.Sqrt(1 - alphaBar),
                Math.Log(1 - schedule.Betas[t]), SafeLog(schedule.Betas[t]),
                Math.Log(alphaBar), SafeLog(1 - alphaBar),
                Math.Log(previous), SafeLog(1 - previous),
            ];
            for (int i = 0; i < values.Length; i++)
                rows[t * 8 + i] = (float)values[i];
        }
        _table = tensor(rows, [schedule.Steps, 8], device: device);
    }

    /// <summary>log x, with log 0 as <see cref="MultinomialDiffusion.LogZero"/>.</summary>
    public static double SafeLog(double x) => x <= 0 ? MultinomialDiffusion.LogZero : Math.Max(Math.Log(x), MultinomialDiffusion.LogZero);

    /// <summary>The mean multinomial and Gaussian losses of a batch (each 0 when the table has no such part).</summary>
    /// <param name="denoise">The denoiser: (noisy row, timesteps) → output.</param>
    /// <param name="numeric">Normal scores x₀ [rows, numeric width].</param>
    /// <param name="categorical">One-hots x₀ [rows, categorical width].</param>
    public (Tensor Multinomial, Tensor Gaussian) Compute(Func<Tensor, Tensor, Tensor> denoise, Tensor numeric, Tensor categorical)
    {
        using var scope = NewDisposeScope();
        long rows = numeric.shape[0];
        var device = numeric.device;
        var t = randint(0, _schedule.Steps, [rows], dtype: ScalarType.Int64, device: device);
        var c = _table.index_select(0, t);
        Tensor Column(int i) => c.narrow(1, i, 1);

        var noise = randn_like(numeric);
        var noisyNumeric = Column(0) * numeric + Column(1) * noise;
        var logX0 = MultinomialDiffusion.LogOneHot(categorical);
        var noisyCategorical = _multinomial.FeatureCount == 0
            ? categorical
            : _multinomial.Sample(_multinomial.Mix(logX0, Column(4), Column(5)), rand_like(categorical));
        var output = denoise(cat([noisyNumeric, noisyCategorical], 1), t);

        var gaussian = _numericWidth == 0 ? zeros([], device: device)
            : (noise - output.narrow(1, 0, _numericWidth)).square().mean();
        var multinomial = zeros([], device: device);
        if (_multinomial.FeatureCount > 0)
        {
            var logXt = MultinomialDiffusion.LogOneHot(noisyCategorical);
            var step = (Column(2), Column(3));
            var prior = (Column(6), Column(7));
            var logPredicted = _multinomial.LogSoftmax(output.narrow(1, _numericWidth, categorical.shape[1]));
            var logTrue = _multinomial.Posterior(logX0, logXt, step, prior);
            var logModel = _multinomial.Posterior(logPredicted, logXt, step, prior);
            var kl = MultinomialDiffusion.KullbackLeibler(logTrue, logModel);
            var decoderNll = -(categorical * logModel).sum(1);
            var term = where(t == 0, decoderNll, kl);
            multinomial = term.mean() * _schedule.Steps / _multinomial.FeatureCount;
        }
        return (multinomial.MoveToOuterDisposeScope(), gaussian.MoveToOuterDisposeScope());
    }

    public void Dispose() => _table.Dispose();
}
