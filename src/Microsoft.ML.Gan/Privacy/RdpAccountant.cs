namespace Microsoft.ML.Gan.Privacy;

/// <summary>
/// Rényi differential privacy (RDP) accountant for DP-SGD: composes steps of the Poisson-subsampled Gaussian mechanism
/// (Mironov, Talwar &amp; Zhang 2019) and one-off Gaussian releases, and converts the total into an (ε, δ) guarantee.
/// </summary>
/// <remarks>
/// <para>Neighbouring datasets differ by adding or removing one record, as in TF-Privacy, dp_accounting and Opacus.
/// The noise multiplier is the ratio of the Gaussian noise's standard deviation to the L2 sensitivity (the
/// per-example clipping norm in DP-SGD).</para>
/// <para>RDP composes additively, so the accountant keeps one running total per Rényi order; ε is the minimum over
/// orders of the chosen <see cref="RdpConversion"/> (by default <see cref="RdpConversion.Tight"/>).</para>
/// <para>An instance is not thread-safe.</para>
/// </remarks>
public sealed class RdpAccountant
{
    private static readonly double[] s_defaultOrders = BuildDefaultOrders();

    private readonly double[] _orders;
    private readonly double[] _rdp;
    private readonly List<PrivacyEvent> _events = new();

    // Per-step RDP of the last (σ, q) seen, so per-step calls in a training loop cost one vector add.
    private double _cachedNoiseMultiplier = double.NaN;
    private double _cachedSampleRate = double.NaN;
    private double[]? _cachedStepRdp;

    /// <summary>
    /// The default Rényi orders, those of dp_accounting's <c>RdpAccountant</c>: 1 + x/10 for x = 1…99 (1.1 to 10.9),
    /// every integer 11…63, then 128, 256, 512 and 1024 (156 orders). They include Opacus's default grid
    /// (1.1…10.9 and 12…63), so ε is never above what Opacus reports for the same steps; the fine fractional orders
    /// near 1 matter for small budgets and long training, where the optimal order is small.
    /// </summary>
    public static IReadOnlyList<double> DefaultOrders => s_defaultOrders;

    /// <summary>Creates an accountant over <see cref="DefaultOrders"/>.</summary>
    public RdpAccountant()
        : this(s_defaultOrders)
    {
    }

    /// <summary>Creates an accountant over the given Rényi orders.</summary>
    /// <param name="orders">Finite orders, each greater than 1; at least one. Duplicates are removed.</param>
    public RdpAccountant(IEnumerable<double> orders)
    {
        ArgumentNullException.ThrowIfNull(orders);
        var list = orders.Distinct().OrderBy(a => a).ToArray();
        if (list.Length == 0) throw new ArgumentException("At least one Rényi order is needed.", nameof(orders));
        foreach (double a in list)
        {
            if (!(a > 1) || double.IsInfinity(a))
                throw new ArgumentOutOfRangeException(nameof(orders), a, "Rényi orders must be finite and greater than 1.");
        }
        _orders = list;
        _rdp = new double[list.Length];
    }

    /// <summary>The Rényi orders tracked, ascending.</summary>
    public IReadOnlyList<double> Orders => _orders;

    /// <summary>The accumulated RDP at each of <see cref="Orders"/> (a copy).</summary>
    public double[] Rdp => (double[])_rdp.Clone();

    /// <summary>Everything composed so far, in order; consecutive identical phases are merged.</summary>
    public IReadOnlyList<PrivacyEvent> Events => _events;

    /// <summary>
    /// Composes <paramref name="steps"/> steps of the Poisson-subsampled Gaussian mechanism (one DP-SGD phase).
    /// Call it once per optimizer step or once per phase: both give the same total.
    /// </summary>
    /// <param name="noiseMultiplier">σ: noise standard deviation over the clipping norm; &gt; 0.</param>
    /// <param name="sampleRate">q: probability that each record is in a batch (batch size / dataset size); in [0, 1].</param>
    /// <param name="steps">How many steps; ≥ 0.</param>
    /// <returns>This accountant, for chaining.</returns>
    public RdpAccountant Step(double noiseMultiplier, double sampleRate, long steps = 1)
    {
        ValidateNoiseMultiplier(noiseMultiplier, nameof(noiseMultiplier));
        ValidateSampleRate(sampleRate, nameof(sampleRate));
        ValidateCount(steps, nameof(steps));
        Compose(PrivacyEventKind.SampledGaussian, noiseMultiplier, sampleRate, steps);
        return this;
    }

    /// <summary>
    /// Composes <paramref name="releases"/> releases of the plain (not subsampled) Gaussian mechanism: a query with L2
    /// sensitivity Δ answered with N(0, σ²) noise has RDP α·Δ²/(2σ²) at order α (Mironov 2017, Proposition 7). Use it
    /// for budget spent outside training, e.g. the data transformer's statistics released through
    /// <see cref="GaussianMechanism"/>.
    /// </summary>
    /// <param name="sensitivity">Δ: the query's L2 sensitivity under add/remove-one neighbours; &gt; 0.</param>
    /// <param name="noiseStandardDeviation">σ: the standard deviation of the added noise; &gt; 0.</param>
    /// <param name="releases">How many such releases; ≥ 0.</param>
    /// <returns>This accountant, for chaining.</returns>
    public RdpAccountant AddGaussianRelease(double sensitivity, double noiseStandardDeviation, long releases = 1)
    {
        GaussianMechanism.Validate(sensitivity, noiseStandardDeviation);
        ValidateCount(releases, nameof(releases));
        Compose(PrivacyEventKind.GaussianRelease, noiseStandardDeviation / sensitivity, 1.0, releases);
        return this;
    }

    /// <summary>Composes everything another accountant (over the same orders) has recorded into this one.</summary>
    /// <param name="other">The accountant whose spending to add.</param>
    /// <returns>This accountant, for chaining.</returns>
    public RdpAccountant Add(RdpAccountant other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!other._orders.AsSpan().SequenceEqual(_orders))
            throw new ArgumentException("Both accountants must track the same Rényi orders.", nameof(other));
        for (int i = 0; i < _rdp.Length; i++) _rdp[i] += other._rdp[i];
        foreach (var e in other._events.ToArray()) AppendEvent(e.Kind, e.NoiseMultiplier, e.SampleRate, e.Count);
        return this;
    }

    /// <summary>An independent copy (same orders, totals and history), e.g. to ask "what if" questions.</summary>
    public RdpAccountant Clone()
    {
        var copy = new RdpAccountant(_orders);
        Array.Copy(_rdp, copy._rdp, _rdp.Length);
        copy._events.AddRange(_events);
        return copy;
    }

    /// <summary>The smallest ε such that everything composed so far is (ε, δ)-DP, and the order attaining it.</summary>
    /// <param name="delta">δ in (0, 1).</param>
    /// <param name="conversion">RDP → (ε, δ) conversion; <see cref="RdpConversion.Tight"/> by default.</param>
    public PrivacyGuarantee GetEpsilon(double delta, RdpConversion conversion = RdpConversion.Tight)
        => EpsilonFromRdp(_orders, _rdp, delta, conversion);

    /// <summary>The smallest δ such that everything composed so far is (ε, δ)-DP, and the order attaining it.</summary>
    /// <param name="epsilon">ε ≥ 0.</param>
    /// <param name="conversion">RDP → (ε, δ) conversion; <see cref="RdpConversion.Tight"/> by default.</param>
    public PrivacyGuarantee GetDelta(double epsilon, RdpConversion conversion = RdpConversion.Tight)
        => DeltaFromRdp(_orders, _rdp, epsilon, conversion);

    /// <summary>
    /// RDP at one order of a single step of the Poisson-subsampled Gaussian mechanism: exact binomial expansion for
    /// integer orders, the convergent series of Mironov, Talwar &amp; Zhang (2019, §3.3) for fractional ones; 0 when
    /// q = 0 and α/(2σ²) when q = 1.
    /// </summary>
    /// <param name="noiseMultiplier">σ &gt; 0.</param>
    /// <param name="sampleRate">q in [0, 1].</param>
    /// <param name="order">α &gt; 1, finite.</param>
    public static double SampledGaussianRdp(double noiseMultiplier, double sampleRate, double order)
    {
        ValidateNoiseMultiplier(noiseMultiplier, nameof(noiseMultiplier));
        ValidateSampleRate(sampleRate, nameof(sampleRate));
        if (!(order > 1) || double.IsInfinity(order))
            throw new ArgumentOutOfRangeException(nameof(order), order, "The Rényi order must be finite and greater than 1.");
        return StepRdp(noiseMultiplier, sampleRate, order);
    }

    /// <summary>
    /// Converts an RDP curve into the smallest ε over the orders for the given δ (see <see cref="RdpConversion"/>).
    /// When nothing was spent (RDP 0 at every order) the answer is ε = 0 under either conversion.
    /// </summary>
    /// <param name="orders">Orders α &gt; 1.</param>
    /// <param name="rdp">RDP at each order (same length, ≥ 0, +∞ allowed).</param>
    /// <param name="delta">δ in (0, 1).</param>
    /// <param name="conversion">Which conversion; tight by default.</param>
    public static PrivacyGuarantee EpsilonFromRdp(IReadOnlyList<double> orders, IReadOnlyList<double> rdp, double delta,
        RdpConversion conversion = RdpConversion.Tight)
    {
        ValidateCurve(orders, rdp);
        ValidateDelta(delta, nameof(delta));
        ValidateConversion(conversion);
        if (rdp.All(r => r == 0)) return new PrivacyGuarantee(0, delta, double.NaN);
        double logDelta = Math.Log(delta);
        double best = double.PositiveInfinity, bestOrder = double.NaN;
        for (int i = 0; i < orders.Count; i++)
        {
            double a = orders[i], r = rdp[i];
            if (double.IsPositiveInfinity(r)) continue;
            double eps;
            if (conversion == RdpConversion.Classic)
            {
                eps = r - logDelta / (a - 1);
            }
            else if (delta * delta + LogMath.ExpM1(-r) >= 0)
            {
                eps = 0; // δ ≥ √(1 − e^(−r)) ≥ total variation distance: (0, δ)-DP.
            }
            else
            {
                eps = r + LogMath.Log1P(-1 / a) - (logDelta + Math.Log(a)) / (a - 1);
            }
            if (eps < best)
            {
                best = eps;
                bestOrder = a;
            }
        }
        return new PrivacyGuarantee(Math.Max(0, best), delta, bestOrder);
    }

    /// <summary>Converts an RDP curve into the smallest δ over the orders for the given ε (see <see cref="RdpConversion"/>).</summary>
    /// <param name="orders">Orders α &gt; 1.</param>
    /// <param name="rdp">RDP at each order (same length, ≥ 0, +∞ allowed).</param>
    /// <param name="epsilon">ε ≥ 0, finite.</param>
    /// <param name="conversion">Which conversion; tight by default.</param>
    public static PrivacyGuarantee DeltaFromRdp(IReadOnlyList<double> orders, IReadOnlyList<double> rdp, double epsilon,
        RdpConversion conversion = RdpConversion.Tight)
    {
        ValidateCurve(orders, rdp);
        if (!(epsilon >= 0) || double.IsInfinity(epsilon))
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "ε must be finite and non-negative.");
        ValidateConversion(conversion);
        if (rdp.All(r => r == 0)) return new PrivacyGuarantee(epsilon, 0, double.NaN);
        double bestLog = double.PositiveInfinity, bestOrder = double.NaN;
        for (int i = 0; i < orders.Count; i++)
        {
            double a = orders[i], r = rdp[i];
            if (double.IsPositiveInfinity(r)) continue;
            double logDelta;
            if (conversion == RdpConversion.Classic)
            {
                logDelta = (a - 1) * (r - epsilon);
            }
            else
            {
                logDelta = (a - 1) * (r - epsilon + LogMath.Log1P(-1 / a)) - Math.Log(a);
                double tv = r == 0 ? double.NegativeInfinity : 0.5 * Math.Log(-LogMath.ExpM1(-r));
                logDelta = Math.Min(logDelta, tv);
            }
            if (logDelta < bestLog)
            {
                bestLog = logDelta;
                bestOrder = a;
            }
        }
        return new PrivacyGuarantee(epsilon, Math.Min(1, Math.Exp(bestLog)), bestOrder);
    }

    /// <summary>
    /// ε after <paramref name="steps"/> DP-SGD steps with a fixed noise multiplier and sample rate (added to what
    /// <paramref name="alreadySpent"/> holds, when given).
    /// </summary>
    /// <param name="noiseMultiplier">σ &gt; 0.</param>
    /// <param name="sampleRate">q in [0, 1].</param>
    /// <param name="steps">Number of steps ≥ 0.</param>
    /// <param name="delta">δ in (0, 1).</param>
    /// <param name="alreadySpent">Budget spent before training (e.g. DP transformer statistics), left unchanged; its
    /// <see cref="Orders"/> are used (pass an empty accountant to choose the orders). Null: nothing, default orders.</param>
    /// <param name="conversion">RDP → (ε, δ) conversion; tight by default.</param>
    public static PrivacyGuarantee EpsilonFor(double noiseMultiplier, double sampleRate, long steps, double delta,
        RdpAccountant? alreadySpent = null, RdpConversion conversion = RdpConversion.Tight)
    {
        var accountant = alreadySpent?.Clone() ?? new RdpAccountant();
        return accountant.Step(noiseMultiplier, sampleRate, steps).GetEpsilon(delta, conversion);
    }

    /// <summary>
    /// The smallest noise multiplier σ (to a relative precision of 1e-6, rounded up so the budget holds) with which
    /// <paramref name="steps"/> DP-SGD steps at sample rate q stay within (<paramref name="targetEpsilon"/>,
    /// <paramref name="delta"/>)-DP, found by bisection (ε decreases monotonically in σ).
    /// </summary>
    /// <param name="targetEpsilon">ε budget &gt; 0.</param>
    /// <param name="delta">δ in (0, 1).</param>
    /// <param name="sampleRate">q in (0, 1].</param>
    /// <param name="steps">Number of steps ≥ 1.</param>
    /// <param name="alreadySpent">Budget spent before training (e.g. DP transformer statistics), left unchanged; its
    /// <see cref="Orders"/> are used (pass an empty accountant to choose the orders). Null: nothing, default orders.</param>
    /// <param name="conversion">RDP → (ε, δ) conversion; tight by default.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    /// <exception cref="InvalidOperationException">The target cannot be met with any noise multiplier (up to 1e6),
    /// e.g. because <paramref name="alreadySpent"/> already exceeds it.</exception>
    public static double NoiseMultiplierFor(double targetEpsilon, double delta, double sampleRate, long steps,
        RdpAccountant? alreadySpent = null, RdpConversion conversion = RdpConversion.Tight)
    {
        ValidateTargetEpsilon(targetEpsilon, nameof(targetEpsilon));
        ValidateDelta(delta, nameof(delta));
        ValidateSampleRate(sampleRate, nameof(sampleRate));
        if (sampleRate == 0)
            throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, "With q = 0 training spends no budget: there is no noise multiplier to calibrate.");
        if (steps < 1)
            throw new ArgumentOutOfRangeException(nameof(steps), steps, "At least one step is needed to calibrate a noise multiplier.");
        ValidateConversion(conversion);

        double Epsilon(double sigma) => EpsilonFor(sigma, sampleRate, steps, delta, alreadySpent, conversion).Epsilon;

        const double maxSigma = 1e6;
        double hi = 1;
        while (Epsilon(hi) > targetEpsilon)
        {
            if (hi >= maxSigma)
            {
                double floor = Epsilon(maxSigma);
                throw new InvalidOperationException(FormattableString.Invariant(
                    $"Target ε = {targetEpsilon} at δ = {delta} is unreachable: even noise multiplier {maxSigma:G} gives ε = {floor:G4}")
                    + (alreadySpent is null ? " (raise ε or δ)." : " (the budget already spent is too large; raise ε or δ)."));
            }
            hi = Math.Min(hi * 2, maxSigma);
        }
        double lo = hi / 2;
        if (Epsilon(lo) <= targetEpsilon)
        {
            // Walk down until the budget is exceeded (tiny σ exceed any finite budget).
            while (lo > 1e-6 && Epsilon(lo) <= targetEpsilon)
            {
                hi = lo;
                lo /= 2;
            }
            if (Epsilon(lo) <= targetEpsilon) return lo;
        }
        while ((hi - lo) > 1e-6 * hi)
        {
            double mid = 0.5 * (lo + hi);
            if (Epsilon(mid) <= targetEpsilon) hi = mid;
            else lo = mid;
        }
        return hi;
    }

    /// <summary>
    /// The largest number of DP-SGD steps with noise multiplier σ and sample rate q that stays within
    /// (<paramref name="targetEpsilon"/>, <paramref name="delta"/>)-DP (ε grows monotonically with the step count).
    /// Returns <see cref="long.MaxValue"/> when steps spend nothing (q = 0).
    /// </summary>
    /// <param name="targetEpsilon">ε budget &gt; 0.</param>
    /// <param name="delta">δ in (0, 1).</param>
    /// <param name="sampleRate">q in [0, 1].</param>
    /// <param name="noiseMultiplier">σ &gt; 0.</param>
    /// <param name="alreadySpent">Budget spent before training (e.g. DP transformer statistics), left unchanged; its
    /// <see cref="Orders"/> are used (pass an empty accountant to choose the orders). Null: nothing, default orders.</param>
    /// <param name="conversion">RDP → (ε, δ) conversion; tight by default.</param>
    /// <exception cref="InvalidOperationException"><paramref name="alreadySpent"/> alone already exceeds the target.</exception>
    public static long StepsFor(double targetEpsilon, double delta, double sampleRate, double noiseMultiplier,
        RdpAccountant? alreadySpent = null, RdpConversion conversion = RdpConversion.Tight)
    {
        ValidateTargetEpsilon(targetEpsilon, nameof(targetEpsilon));
        ValidateDelta(delta, nameof(delta));
        ValidateSampleRate(sampleRate, nameof(sampleRate));
        ValidateNoiseMultiplier(noiseMultiplier, nameof(noiseMultiplier));
        ValidateConversion(conversion);

        var start = alreadySpent ?? new RdpAccountant();
        double[] orders = start._orders;
        double[] prior = start._rdp;
        if (EpsilonFromRdp(orders, prior, delta, conversion).Epsilon > targetEpsilon)
            throw new InvalidOperationException(FormattableString.Invariant(
                $"The budget already spent exceeds ε = {targetEpsilon} at δ = {delta}: no training step fits."));
        var perStep = orders.Select(a => StepRdp(noiseMultiplier, sampleRate, a)).ToArray();
        if (perStep.All(r => r == 0)) return long.MaxValue;

        var total = new double[orders.Length];
        bool Fits(long steps)
        {
            for (int i = 0; i < total.Length; i++) total[i] = prior[i] + steps * perStep[i];
            return EpsilonFromRdp(orders, total, delta, conversion).Epsilon <= targetEpsilon;
        }

        long lo = 0, hi = 1; // invariant: Fits(lo), and !Fits(hi) once found
        while (Fits(hi))
        {
            lo = hi;
            if (hi > long.MaxValue / 4) return long.MaxValue;
            hi *= 2;
        }
        while (hi - lo > 1)
        {
            long mid = lo + (hi - lo) / 2;
            if (Fits(mid)) lo = mid;
            else hi = mid;
        }
        return lo;
    }

    /// <summary>The δ that issue 6 prescribes for a dataset of n records: 1 / n^1.1 (below 1/n, as DP requires).</summary>
    /// <param name="n">Number of training records, ≥ 2.</param>
    public static double DefaultDelta(long n)
    {
        if (n < 2) throw new ArgumentOutOfRangeException(nameof(n), n, "The dataset needs at least 2 records for δ = 1/n^1.1 < 1.");
        return Math.Pow(n, -1.1);
    }

    private void Compose(PrivacyEventKind kind, double noiseMultiplier, double sampleRate, long count)
    {
        if (count == 0) return;
        if (!(_cachedNoiseMultiplier == noiseMultiplier && _cachedSampleRate == sampleRate) || _cachedStepRdp is null)
        {
            _cachedStepRdp = _orders.Select(a => StepRdp(noiseMultiplier, sampleRate, a)).ToArray();
            _cachedNoiseMultiplier = noiseMultiplier;
            _cachedSampleRate = sampleRate;
        }
        for (int i = 0; i < _rdp.Length; i++) _rdp[i] += count * _cachedStepRdp[i];
        AppendEvent(kind, noiseMultiplier, sampleRate, count);
    }

    private void AppendEvent(PrivacyEventKind kind, double noiseMultiplier, double sampleRate, long count)
    {
        if (_events.Count > 0)
        {
            var last = _events[^1];
            if (last.Kind == kind && last.NoiseMultiplier == noiseMultiplier && last.SampleRate == sampleRate)
            {
                _events[^1] = last with { Count = last.Count + count };
                return;
            }
        }
        _events.Add(new PrivacyEvent(kind, noiseMultiplier, sampleRate, count));
    }

    private static double StepRdp(double noiseMultiplier, double sampleRate, double order)
        => SubsampledGaussianRdp.Compute(sampleRate, noiseMultiplier, order);

    private static double[] BuildDefaultOrders()
    {
        var orders = Enumerable.Range(1, 99).Select(x => 1 + x / 10.0).ToList();
        orders.AddRange(Enumerable.Range(11, 53).Select(a => (double)a));
        orders.AddRange([128, 256, 512, 1024]);
        return orders.ToArray();
    }

    private static void ValidateCurve(IReadOnlyList<double> orders, IReadOnlyList<double> rdp)
    {
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentNullException.ThrowIfNull(rdp);
        if (orders.Count == 0) throw new ArgumentException("At least one Rényi order is needed.", nameof(orders));
        if (orders.Count != rdp.Count)
            throw new ArgumentException($"{nameof(orders)} has {orders.Count} entries but {nameof(rdp)} has {rdp.Count}.", nameof(rdp));
        for (int i = 0; i < orders.Count; i++)
        {
            if (!(orders[i] > 1) || double.IsInfinity(orders[i]))
                throw new ArgumentOutOfRangeException(nameof(orders), orders[i], "Rényi orders must be finite and greater than 1.");
            if (!(rdp[i] >= 0))
                throw new ArgumentOutOfRangeException(nameof(rdp), rdp[i], "RDP values must be non-negative (NaN is not allowed).");
        }
    }

    internal static void ValidateNoiseMultiplier(double value, string name)
    {
        if (!(value > 0) || double.IsInfinity(value))
            throw new ArgumentOutOfRangeException(name, value, "The noise multiplier σ must be finite and greater than 0.");
    }

    internal static void ValidateSampleRate(double value, string name)
    {
        if (!(value >= 0 && value <= 1))
            throw new ArgumentOutOfRangeException(name, value, "The sample rate q must lie in [0, 1].");
    }

    internal static void ValidateDelta(double value, string name)
    {
        if (!(value > 0 && value < 1))
            throw new ArgumentOutOfRangeException(name, value, "δ must lie strictly between 0 and 1.");
    }

    internal static void ValidateTargetEpsilon(double value, string name)
    {
        if (!(value > 0) || double.IsInfinity(value))
            throw new ArgumentOutOfRangeException(name, value, "The target ε must be finite and greater than 0.");
    }

    internal static void ValidateCount(long value, string name)
    {
        if (value < 0) throw new ArgumentOutOfRangeException(name, value, "The count must be non-negative.");
    }

    private static void ValidateConversion(RdpConversion conversion)
    {
        if (conversion is not (RdpConversion.Tight or RdpConversion.Classic))
            throw new ArgumentOutOfRangeException(nameof(conversion), conversion, "Unknown RDP conversion.");
    }
}
