namespace Microsoft.ML.Gan.Tabular.Data;

/// <summary>
/// Options of <see cref="VariationalGaussianMixture"/>. Defaults follow CTGAN (Xu et al. 2019, section 4.2): up to
/// 10 modes under a Dirichlet-process prior with concentration 0.001, modes under 0.005 weight dropped.
/// </summary>
internal sealed class VariationalGaussianMixtureOptions
{
    /// <summary>The number of mixture components fitted (the truncation level of the stick-breaking prior). Default: 10.</summary>
    public int Components { get; init; } = 10;

    /// <summary>The Dirichlet-process concentration γ₀; small values favour few components. Default: 0.001.</summary>
    public double WeightConcentrationPrior { get; init; } = 0.001;

    /// <summary>The precision prior β₀ on the component means (in units of the component precision). Default: 1.</summary>
    public double MeanPrecisionPrior { get; init; } = 1.0;

    /// <summary>Added to each component's variance estimate for numerical stability. Default: 1e-6.</summary>
    public double VarianceRegularization { get; init; } = 1e-6;

    /// <summary>The most variational EM iterations. Default: 100.</summary>
    public int MaxIterations { get; init; } = 100;

    /// <summary>EM stops when the evidence lower bound changes by less than this between iterations. Default: 1e-3.</summary>
    public double Tolerance { get; init; } = 1e-3;

    /// <summary>Components whose weight is below this are dropped from the fitted modes. Default: 0.005.</summary>
    public double WeightThreshold { get; init; } = 0.005;

    /// <summary>Seeds the k-means++ initialisation. Default: 0.</summary>
    public int Seed { get; init; }

    internal void Validate()
    {
        if (Components < 1)
            throw new ArgumentOutOfRangeException(nameof(Components), Components, "Components must be at least 1.");
        if (!(WeightConcentrationPrior > 0) || double.IsInfinity(WeightConcentrationPrior))
            throw new ArgumentOutOfRangeException(nameof(WeightConcentrationPrior), WeightConcentrationPrior, "WeightConcentrationPrior must be a positive finite number.");
        if (!(MeanPrecisionPrior > 0) || double.IsInfinity(MeanPrecisionPrior))
            throw new ArgumentOutOfRangeException(nameof(MeanPrecisionPrior), MeanPrecisionPrior, "MeanPrecisionPrior must be a positive finite number.");
        if (!(VarianceRegularization >= 0) || double.IsInfinity(VarianceRegularization))
            throw new ArgumentOutOfRangeException(nameof(VarianceRegularization), VarianceRegularization, "VarianceRegularization must be a finite number ≥ 0.");
        if (MaxIterations < 1)
            throw new ArgumentOutOfRangeException(nameof(MaxIterations), MaxIterations, "MaxIterations must be at least 1.");
        if (!(Tolerance >= 0))
            throw new ArgumentOutOfRangeException(nameof(Tolerance), Tolerance, "Tolerance must be ≥ 0.");
        if (!(WeightThreshold >= 0 && WeightThreshold < 1))
            throw new ArgumentOutOfRangeException(nameof(WeightThreshold), WeightThreshold, "WeightThreshold must be in [0, 1).");
    }
}
