namespace Microsoft.ML.Gan.Tabular.TabDdpm;

/// <summary>
/// Generates diffused vectors by running the reverse process from noise (normal scores ~ N(0, I), categories
/// uniform). The paper's sampler (every step, s = t − 1) is ancestral: x_{t−1} ~ N(μ(xₜ, x̂₀), βₜ I) for the normal
/// scores (the reference's variance) and x_{t−1} ~ q(x_{t−1} | xₜ, x̂₀) for the categories, x̂₀ being the denoiser's
/// prediction. The fast sampler (fewer steps) jumps from t to the next visited s with DDIM (η = 0,
/// x_s = √ᾱ_s x̂₀ + √(1 − ᾱ_s) ε̂, x̂₀ clipped to the normal scores' range) and the skipping posterior
/// q(x_s | xₜ, x̂₀) for the categories.
/// </summary>
/// <remarks>
/// A forced category of a diffused feature (a sampling condition on a discrete column other than the label) is imposed
/// by replacement: after every step the feature is redrawn from q(x_s | x₀ = the category), so the denoiser sees it
/// noised as in training, and the final rows hold it exactly.
/// </remarks>
internal sealed class ReverseDiffusion
{
    /// <summary>The largest normal score the quantile encoder produces, Φ⁻¹(1 − 10⁻⁷).</summary>
    private const double ScoreLimit = 5.199337582605575;
    private readonly DiffusionSchedule _schedule;
    private readonly MultinomialDiffusion _multinomial;
    private readonly int _numericWidth;
    private readonly int _categoricalWidth;
    private readonly int[] _timesteps;

    public ReverseDiffusion(DiffusionSchedule schedule, MultinomialDiffusion multinomial, TabDdpmLayout layout, int samplingSteps)
    {
        _schedule = schedule;
        _multinomial = multinomial;
        _numericWidth = layout.NumericWidth;
        _categoricalWidth = layout.CategoricalWidth;
        _timesteps = schedule.SamplingTimesteps(samplingSteps);
        IsAncestral = _timesteps.Length == schedule.Steps;
    }

    /// <summary>Whether every step is visited (the paper's ancestral sampler).</summary>
    public bool IsAncestral { get; }

    /// <summary>The timesteps visited, descending.</summary>
    public IReadOnlyList<int> Timesteps => _timesteps;

    /// <summary>Runs the reverse process for <paramref name="rows"/> rows.</summary>
    /// <param name="denoise">The denoiser: (noisy rows, timesteps as floats) → output.</param>
    /// <param name="normals">Standard normals [rows, width], drawn from the rows' own generators.</param>
    /// <param name="uniforms">Uniforms [rows, width], drawn from the rows' own generators.</param>
    /// <param name="rows">The number of rows.</param>
    /// <param name="forced">A categorical feature's (start, length) in the categorical part and the category to force, or null.</param>
    /// <returns>The normal scores and the categorical one-hots.</returns>
    public (Tensor Numeric, Tensor Categorical) Run(Func<Tensor, Tensor, Tensor> denoise, Func<int, Tensor> normals, Func<int, Tensor> uniforms,
        long rows, (int Start, int Length, int Category)? forced)
    {
        var numeric = normals(_numericWidth);
        var categorical = _multinomial.Sample(_multinomial.LogUniform(rows), uniforms(_categoricalWidth));
        categorical = Impose(categorical, forced, _timesteps[0], uniforms);
        for (int i = 0; i < _timesteps.Length; i++)
        {
            using var scope = NewDisposeScope();
            int t = _timesteps[i];
            int s = i + 1 < _timesteps.Length ? _timesteps[i + 1] : -1;
            var output = denoise(cat([numeric, categorical], 1), full([rows], (float)t));
            var nextNumeric = _numericWidth == 0 ? numeric.alias() : NumericStep(numeric, output.narrow(1, 0, _numericWidth), t, s, normals);
            var nextCategorical = categorical.alias();
            if (_categoricalWidth > 0)
            {
                var logPredicted = _multinomial.LogSoftmax(output.narrow(1, _numericWidth, _categoricalWidth));
                var logPosterior = _multinomial.Posterior(logPredicted, MultinomialDiffusion.LogOneHot(categorical), Gap(t, s), Logs(_schedule.AlphaBar(s)));
                nextCategorical = Impose(_multinomial.Sample(logPosterior, uniforms(_categoricalWidth)), forced, s, uniforms);
            }
            numeric = nextNumeric.MoveToOuterDisposeScope();
            categorical = nextCategorical.MoveToOuterDisposeScope();
        }
        return (numeric, categorical);
    }

    private Tensor NumericStep(Tensor x, Tensor epsilon, int t, int s, Func<int, Tensor> normals)
    {
        double alphaBar = _schedule.AlphaBar(t), alphaBarNext = _schedule.AlphaBar(s);
        if (IsAncestral)
        {
            // μ = c₁ x̂₀ + c₂ xₜ with x̂₀ = (xₜ − √(1 − ᾱₜ) ε̂)/√ᾱₜ, written as coefficients of xₜ and ε̂.
            double beta = _schedule.Betas[t];
            double c1 = Math.Sqrt(alphaBarNext) * beta / (1 - alphaBar);
            double c2 = Math.Sqrt(1 - beta) * (1 - alphaBarNext) / (1 - alphaBar);
            // The coefficients are held in locals: an implicit temporary Scalar can be finalized during the native call.
            using Scalar ofX = c1 / Math.Sqrt(alphaBar) + c2, ofEpsilon = c1 * Math.Sqrt(1 - alphaBar) / Math.Sqrt(alphaBar), noise = Math.Sqrt(beta);
            var mean = ofX * x - ofEpsilon * epsilon;
            return t == 0 ? mean : mean + noise * normals(_numericWidth);
        }
        using Scalar rootOneMinus = Math.Sqrt(1 - alphaBar), root = Math.Sqrt(alphaBar), low = -ScoreLimit, high = ScoreLimit;
        var predicted = ((x - rootOneMinus * epsilon) / root).clamp(low, high);
        if (s < 0)
            return predicted;
        var implied = (x - root * predicted) / rootOneMinus;
        using Scalar rootNext = Math.Sqrt(alphaBarNext), rootOneMinusNext = Math.Sqrt(1 - alphaBarNext);
        return rootNext * predicted + rootOneMinusNext * implied;
    }

    /// <summary>The logs of α_{t|s} = ᾱₜ/ᾱ_s and of 1 − α_{t|s}.</summary>
    private (Tensor, Tensor) Gap(int t, int s) => Logs(_schedule.AlphaBar(t) / _schedule.AlphaBar(s));

    private static (Tensor Log, Tensor LogOneMinus) Logs(double a) =>
        (tensor((float)TabDdpmLoss.SafeLog(a)), tensor((float)TabDdpmLoss.SafeLog(1 - a)));

    /// <summary>The categories with the forced feature redrawn from q(x_s | x₀ = the category), or set to it when s = −1.</summary>
    private Tensor Impose(Tensor categorical, (int Start, int Length, int Category)? forced, int s, Func<int, Tensor> uniforms)
    {
        if (forced is not { } f)
            return categorical;
        var result = categorical.clone();
        var target = zeros([categorical.shape[0], f.Length]);
        target.select(1, f.Category).fill_(1);
        var feature = result.narrow(1, f.Start, f.Length);
        if (s < 0)
        {
            feature.copy_(target);
            return result;
        }
        var (logA, logOneMinusA) = Logs(_schedule.AlphaBar(s));
        var logProbabilities = logaddexp(MultinomialDiffusion.LogOneHot(target) + logA, logOneMinusA - Math.Log(f.Length));
        feature.copy_(MultinomialDiffusion.OneHotArgMax(logProbabilities + MultinomialDiffusion.Gumbel(uniforms(f.Length))));
        return result;
    }
}
