namespace Microsoft.ML.Gan.Tabular.TabDdpm;

/// <summary>
/// Multinomial diffusion (Hoogeboom et al. 2021) over the categorical features of the diffused vector, in log space as
/// TabDDPM runs it. Each feature with K categories moves towards the uniform distribution:
/// q(xₜ | x_s) = Cat(α_{t|s} x_s + (1 − α_{t|s})/K) with α_{t|s} = ᾱₜ/ᾱ_s, and the posterior is
/// q(x_s | xₜ, x₀) ∝ [α_{t|s} xₜ + (1 − α_{t|s})/K] ⊙ [ᾱ_s x₀ + (1 − ᾱ_s)/K], normalized per feature. With s = t − 1
/// this is the paper's posterior; a larger gap is the skipping posterior of the fast sampler.
/// </summary>
internal sealed class MultinomialDiffusion : IDisposable
{
    /// <summary>The log of a zero probability (log 10⁻³⁰, as in the reference), so no −∞ enters a gradient.</summary>
    public const double LogZero = -69.07755278982137;
    private readonly (int Start, int Length)[] _features;
    private readonly Tensor _logCategories;

    public MultinomialDiffusion((int Start, int Length)[] features, Device device)
    {
        _features = features;
        var logK = new float[features.Sum(f => f.Length)];
        foreach (var (start, length) in features)
            Array.Fill(logK, (float)Math.Log(length), start, length);
        _logCategories = tensor(logK, [1, logK.Length], device: device).DetachFromDisposeScope();
    }

    public int FeatureCount => _features.Length;

    /// <summary>The width of the categorical part (all features' categories).</summary>
    public int FeatureWidth => (int)_logCategories.shape[1];

    /// <summary>log(a·x + (1 − a)/K) for log-probabilities <paramref name="logX"/> and a mixing weight given by its logs.</summary>
    public Tensor Mix(Tensor logX, Tensor logA, Tensor logOneMinusA) => logaddexp(logX + logA, logOneMinusA - _logCategories);

    /// <summary>Log-probabilities of the posterior q(x_s | xₜ, x₀) (see the class summary).</summary>
    /// <param name="logX0">log x₀ (a one-hot, or the denoiser's prediction).</param>
    /// <param name="logXt">log xₜ (a one-hot).</param>
    /// <param name="gap">The logs of α_{t|s} and 1 − α_{t|s}.</param>
    /// <param name="prior">The logs of ᾱ_s and 1 − ᾱ_s.</param>
    public Tensor Posterior(Tensor logX0, Tensor logXt, (Tensor Log, Tensor LogOneMinus) gap, (Tensor Log, Tensor LogOneMinus) prior) =>
        Normalize(Mix(logXt, gap.Log, gap.LogOneMinus) + Mix(logX0, prior.Log, prior.LogOneMinus));

    /// <summary>Each feature's entries minus the feature's log-sum-exp.</summary>
    public Tensor Normalize(Tensor unnormalized) =>
        PerFeature(unnormalized, part => part - part.logsumexp(1, keepdim: true));

    /// <summary>Each feature's log-softmax (the denoiser's logits as log x̂₀).</summary>
    public Tensor LogSoftmax(Tensor logits) => PerFeature(logits, part => part.log_softmax(1));

    /// <summary>One category per feature drawn from <paramref name="logProbabilities"/> by the Gumbel-max trick, as a one-hot.</summary>
    /// <param name="logProbabilities">Log-probabilities, per feature.</param>
    /// <param name="uniforms">Uniforms in [0, 1), one per entry.</param>
    public Tensor Sample(Tensor logProbabilities, Tensor uniforms) =>
        PerFeature(logProbabilities + Gumbel(uniforms), OneHotArgMax);

    /// <summary>Gumbel(0, 1) noise from uniforms in [0, 1).</summary>
    /// <remarks>
    /// −log(−log max(u, 10⁻³⁰)): no tensor-plus-scalar addition, whose alpha TorchSharp passes as a temporary Scalar
    /// that the finalizer can free during the native call (a crash seen on the suite's gapminder table). Bit for bit
    /// the former −log(−log(u + 10⁻³⁰) + 10⁻³⁰): float32 uniforms are 0 or at least 2⁻²⁴, and −log u ≥ 5.9·10⁻⁸.
    /// </remarks>
    public static Tensor Gumbel(Tensor uniforms)
    {
        using Scalar tiny = 1e-30; // held, not an implicit temporary
        return -(-uniforms.clamp_min(tiny).log()).log();
    }

    /// <summary>The one-hot of each row's largest entry (one feature).</summary>
    public static Tensor OneHotArgMax(Tensor values) => nn.functional.one_hot(values.argmax(1), values.shape[1]).to(values.dtype);

    /// <summary>log of a one-hot (0 and <see cref="LogZero"/>).</summary>
    public static Tensor LogOneHot(Tensor oneHot)
    {
        using Scalar tiny = 1e-30; // held, as in Gumbel
        return oneHot.clamp(min: tiny).log();
    }

    /// <summary>The log-probabilities of the uniform distribution over each feature's categories.</summary>
    public Tensor LogUniform(long rows) => (-_logCategories).expand(rows, -1);

    /// <summary>KL(p ‖ q) per row, summed over the features.</summary>
    public static Tensor KullbackLeibler(Tensor logP, Tensor logQ) => (logP.exp() * (logP - logQ)).sum(1);

    /// <summary>The operation applied to each feature's block; a table without categorical features has an empty block.</summary>
    private Tensor PerFeature(Tensor values, Func<Tensor, Tensor> operation) => _features.Length == 0
        ? values.narrow(1, 0, 0)
        : cat(_features.Select(f => operation(values.narrow(1, f.Start, f.Length))).ToArray(), 1);

    public void Dispose() => _logCategories.Dispose();
}
