using Microsoft.ML.Gan.Privacy;
using Microsoft.ML.Gan.Tabular.Privacy;

namespace Microsoft.ML.Gan.Tabular.Ctgan;

/// <summary>
/// The privacy budget of one DP-CTGAN fit. δ is split in two halves when the table has discrete columns without a
/// public category list (one for the category thresholds, one for the RDP → (ε, δ) conversion). The transformer's two Gaussian releases are calibrated to
/// <see cref="TabularPrivacyOptions.TransformerBudgetShare"/> of ε on their own; then σ of DP-SGD is the smallest that
/// keeps releases and planned steps, composed in one RDP accountant, within ε (or the given σ, with as many steps
/// as fit). The accountant keeps composing while training runs; the report reads ε from it. All noise comes from the
/// operating system's secure generator, never from the fit's seed, so a DP fit is not reproducible by seed.
/// </summary>
internal sealed class PrivateCtganSetup
{
    private readonly TabularPrivacyOptions _privacy;
    private readonly double _rdpDelta;
    private readonly double _delta;
    private readonly long _rowCount;

    private PrivateCtganSetup(TabularPrivacyOptions privacy, PrivateTableRelease release, RdpAccountant accountant, double rdpDelta,
        double delta, long rowCount)
    {
        _privacy = privacy;
        Release = release;
        Accountant = accountant;
        _rdpDelta = rdpDelta;
        _delta = delta;
        _rowCount = rowCount;
    }

    /// <summary>The DP statistics: the proxy to fit the transformer on and the rows to train on.</summary>
    public PrivateTableRelease Release { get; }

    /// <summary>Everything spent so far.</summary>
    public RdpAccountant Accountant { get; }

    /// <summary>Releases the transformer's statistics of <paramref name="table"/> under the options' privacy.</summary>
    /// <exception cref="ArgumentOutOfRangeException">δ is not below 1/n.</exception>
    /// <exception cref="InvalidOperationException">The release keeps (by its noisy estimate) fewer than 2 rows.</exception>
    public static PrivateCtganSetup ReleaseStatistics(TabularTable table, TabularPrivacyOptions privacy)
    {
        long n = table.RowCount;
        if (n < 2)
            throw new ArgumentException("Differentially private training needs at least 2 rows.", nameof(table));
        double delta = privacy.Delta ?? RdpAccountant.DefaultDelta(n);
        if (delta >= 1.0 / n)
            throw new ArgumentOutOfRangeException(nameof(TabularPrivacyOptions.Delta), delta,
                $"Privacy.Delta (mlgan fit --dp-delta) is {delta}; expected below 1/n = {1.0 / n:G3} for {n} rows (a larger δ allows releasing a row outright).");
        bool discrete = table.Columns.Any(c => c is DiscreteColumn && !privacy.PublicCategories.ContainsKey(c.Name));
        double thresholdDelta = discrete ? delta / 2 : 0;
        double rdpDelta = delta - thresholdDelta;
        bool boundsPhase = table.Columns.OfType<ContinuousColumn>().Any(c => !privacy.PublicBounds.ContainsKey(c.Name));
        double unitNoise = GaussianMechanism.NoiseStandardDeviationFor(privacy.TargetEpsilon * privacy.TransformerBudgetShare,
            rdpDelta, 1, boundsPhase ? 2 : 1);
        var accountant = new RdpAccountant();
        var release = PrivateStatistics.Release(table, privacy, unitNoise, thresholdDelta, new CryptographicRandom(), accountant);
        // Decided from the noisy estimate only: the exact number of rows kept is never released, not even as an error.
        if (release.EstimatedShareKept * n < 2)
            throw new InvalidOperationException(FormattableString.Invariant(
                $"Under differential privacy the released categories cover about {release.EstimatedShareKept:P0} of the {n} rows (noisy estimate), too few to train on; {PrivacyRemedies.LeftOutRows}."));
        return new PrivateCtganSetup(privacy, release, accountant, rdpDelta, delta, n);
    }

    /// <summary>
    /// What the budget does to the table, in noisy terms only (post-processing of the release): the transformer's share
    /// of ε, the noise per count, the category threshold, and the estimated share of rows kept with the columns that
    /// lose the most, plus what to change. Said before training starts.
    /// </summary>
    public string Describe()
    {
        var text = new System.Text.StringBuilder(FormattableString.Invariant(
            $"Differential privacy: ε = {_privacy.TargetEpsilon:G4}, δ = {_delta:G3} for {_rowCount} rows. The data transformer's statistics use {_privacy.TransformerBudgetShare:P0} of ε (Privacy.TransformerBudgetShare, --dp-transformer-share): noise σ = {Release.CountNoise:G3} rows per count"));
        if (Release.CategoryThreshold is double threshold)
            text.Append(FormattableString.Invariant($", and a category is released only when its noisy count clears {threshold:F0} rows"));
        double kept = Release.EstimatedShareKept;
        text.Append(FormattableString.Invariant($". Noisy estimate of the rows that fit the release and train the model: about {kept:P0}"));
        var losing = Release.Coverage.Where(c => c.NoisyShare < 0.995).OrderBy(c => c.NoisyShare).Take(5).ToArray();
        if (losing.Length > 0)
        {
            text.Append(" (").AppendJoin(", ", losing.Select(c => FormattableString.Invariant($"column '{c.Column}' {c.NoisyShare:P0}")))
                .Append(FormattableString.Invariant($"); the other rows are left out of training. To keep more: {PrivacyRemedies.LeftOutRows}"));
        }
        return text.Append('.').ToString();
    }

    /// <summary>σ, q and the step limit for training with <paramref name="options"/> on <paramref name="rowCount"/> public rows.</summary>
    public PrivateTrainingPlan Plan(CtganOptions options, long rowCount)
    {
        double sampleRate = Math.Min(1.0, (double)options.BatchSize / rowCount);
        long plannedSteps = options.TotalSteps(rowCount) * options.CriticSteps;
        double sigma = _privacy.NoiseMultiplier
            ?? RdpAccountant.NoiseMultiplierFor(_privacy.TargetEpsilon, _rdpDelta, sampleRate, plannedSteps, Accountant);
        long maxSteps = RdpAccountant.StepsFor(_privacy.TargetEpsilon, _rdpDelta, sampleRate, sigma, Accountant);
        if (maxSteps < options.CriticSteps)
            throw new InvalidOperationException(FormattableString.Invariant(
                $"Privacy.NoiseMultiplier = {sigma} is too small for ε = {_privacy.TargetEpsilon} (mlgan fit --dp-epsilon): not one training step fits in the budget at sample rate {sampleRate:G3}; raise the noise multiplier or leave it unset."));
        return new PrivateTrainingPlan(sigma, _privacy.MaxGradNorm, sampleRate, rowCount, maxSteps, Accountant);
    }

    /// <summary>What was spent once training ended.</summary>
    public TabularPrivacyReport Report(PrivateTrainingPlan plan, long steps) =>
        new(Accountant.GetEpsilon(_rdpDelta).Epsilon, _delta, plan.NoiseMultiplier, plan.MaxGradNorm, steps, plan.SampleRate);
}
