using Microsoft.ML.Gan.Privacy;

namespace Microsoft.ML.Gan.Tests.Privacy;

/// <summary>
/// The accountant against numbers published by widely used accountants and papers. Each test names its source and
/// the RDP → (ε, δ) conversion that source used: the classic one (Mironov 2017; TF-Privacy before 2020, Abadi et al.)
/// or the tight one (Balle et al. 2020; current TF-Privacy / dp_accounting and Opacus). Tolerance: 1e-2 relative
/// unless the source prints more digits.
/// </summary>
[TestClass]
public sealed class RdpReferenceTests
{
    /// <summary>Opacus' <c>DEFAULT_ALPHAS</c>: 1.1, 1.2, …, 10.9, then 12…63 (also TF-Privacy's 2018 tutorial list).</summary>
    internal static readonly double[] OpacusOrders = Enumerable.Range(1, 99).Select(x => 1 + x / 10.0)
        .Concat(Enumerable.Range(12, 52).Select(x => (double)x)).ToArray();

    internal static void AssertRelative(double expected, double actual, double tolerance, string what)
    {
        double rel = Math.Abs(actual - expected) / Math.Abs(expected);
        Assert.IsTrue(rel <= tolerance, $"{what}: expected {expected:R}, got {actual:R} (relative error {rel:E2} > {tolerance:E0}).");
    }

    // tensorflow/privacy, tensorflow_privacy/privacy/analysis/rdp_accountant_test.py, test_compute_rdp_scalar:
    // compute_rdp(q=0.1, noise_multiplier=2, steps=10, orders=5) == 0.07737 (5 places).
    [TestMethod]
    public void TfPrivacy_RdpAtIntegerOrder()
    {
        double rdp = 10 * RdpAccountant.SampledGaussianRdp(noiseMultiplier: 2, sampleRate: 0.1, order: 5);
        Assert.AreEqual(0.07737, rdp, 1e-5);
    }

    // tensorflow/privacy, rdp_accountant_test.py, test_compute_rdp_sequence: compute_rdp(0.01, 2.5, 50,
    // [1.5, 2.5, 5, 50, 100]) == [0.00065, 0.001085, 0.00218075, 0.023846, 167.416307] (absolute 1e-5), i.e. exact
    // series for the fractional orders 1.5 and 2.5. google/differential-privacy dp_accounting
    // rdp_privacy_accountant_test.py, test_compute_rdp_poisson_sampled_gaussian, now expects
    // [6.70579741e-04, 1.08548710e-03, 2.18075656e-03, 2.38460375e-02, 1.67416308e02]: its fractional-order loop adds
    // |terms| of the alternating series, an upper bound (3 % above the exact value at α = 1.5, which an mpmath
    // quadrature of A_α confirms: log A_1.5 = 6.5007e-6 → 50 · 2 · 6.5007e-6 = 6.5007e-4).
    [TestMethod]
    public void TfPrivacy_RdpAtFractionalAndLargeOrders()
    {
        double[] orders = { 1.5, 2.5, 5, 50, 100 };
        double[] tfPrivacy = { 0.00065, 0.001085, 0.00218075, 0.023846, 167.416307 };
        double[] dpAccountingUpperBound = { 6.70579741e-04, 1.08548710e-03, 2.18075656e-03, 2.38460375e-02, 1.67416308e02 };
        var rdp = new RdpAccountant(orders).Step(noiseMultiplier: 2.5, sampleRate: 0.01, steps: 50).Rdp;
        for (int i = 0; i < orders.Length; i++)
        {
            Assert.AreEqual(tfPrivacy[i], rdp[i], 1e-5, $"order {orders[i]}");
            AssertRelative(tfPrivacy[i], rdp[i], 1e-2, $"order {orders[i]}");
            Assert.IsTrue(rdp[i] <= dpAccountingUpperBound[i] * (1 + 1e-6), $"order {orders[i]} above dp_accounting's bound");
        }
        AssertRelative(dpAccountingUpperBound[4], rdp[4], 1e-6, "order 100 (integer, exact in both)");
    }

    // tensorflow/privacy, rdp_accountant_test.py: test_compute_rdp_no_data (q = 0 → 0), test_compute_rdp_no_sampling
    // (q = 1, σ = 10, α = 20 → α/(2σ²) = 0.1) and test_compute_heterogeneous_rdp_different_sampling_probabilities
    // (one step at q = 0 plus one at q = 1, σ = 10, α = 20 → 0.1).
    [TestMethod]
    public void TfPrivacy_DegenerateSampleRates()
    {
        Assert.AreEqual(0.0, RdpAccountant.SampledGaussianRdp(10, 0, 20));
        Assert.AreEqual(0.1, RdpAccountant.SampledGaussianRdp(10, 1, 20), 1e-15);
        var rdp = new RdpAccountant(new[] { 20.0 }).Step(10, 0).Step(10, 1).Rdp;
        Assert.AreEqual(0.1, rdp[0], 1e-15);
    }

    // tensorflow/privacy, tensorflow_privacy/privacy/analysis/compute_dp_sgd_privacy_test.py, test_compute_dp_sgd_privacy
    // (dp_accounting RdpAccountant, tight conversion; orders [1.25, 1.5, 1.75, 2, 2.25, 2.5, 3, 3.5, 4, 4.5, 5…63, 128,
    // 256, 512] from compute_dp_sgd_privacy_lib.py; q = batch/n, steps = ceil(epochs·n/batch)):
    //   (n 60000, batch 150, σ 1.3, 15 epochs, δ 1e-5)    → ε 0.7242234026109595, order 19
    //   (n 100000, batch 100, σ 1.0, 30 epochs, δ 1e-7)   → ε 1.4154988495444842, order 13
    //   (n 1e8, batch 1024, σ 0.1, 10 epochs, δ 1e-7)     → ε 5907982.3113978775, order 1.25
    [TestMethod]
    [DataRow(60000L, 150L, 1.3, 15.0, 1e-5, 0.7242234026109595, 19.0)]
    [DataRow(100000L, 100L, 1.0, 30.0, 1e-7, 1.4154988495444842, 13.0)]
    [DataRow(100000000L, 1024L, 0.1, 10.0, 1e-7, 5907982.3113978775, 1.25)]
    public void TfPrivacy_ComputeDpSgdPrivacy_Tight(long n, long batch, double sigma, double epochs, double delta,
        double expectedEpsilon, double expectedOrder)
    {
        double q = (double)batch / n;
        long steps = (long)Math.Ceiling(epochs * n / batch);
        double[] orders = [1.25, 1.5, 1.75, 2, 2.25, 2.5, 3, 3.5, 4, 4.5, .. Enumerable.Range(5, 59).Select(a => (double)a), 128, 256, 512];
        var spent = new RdpAccountant(orders).Step(sigma, q, steps).GetEpsilon(delta);
        AssertRelative(expectedEpsilon, spent.Epsilon, 1e-6, "ε");
        Assert.AreEqual(expectedOrder, spent.Order);
    }

    // Opacus' own accountant code, run independently of this library: the pure-Python functions of
    // opacus/accountants/analysis/rdp.py (pytorch/opacus at 1235e1e1, compute_rdp and get_privacy_spent with
    // DEFAULT_ALPHAS, tight conversion) under Debian's python3 with python3-numpy and python3-scipy, printing ε and the
    // optimal order for each (q, σ, steps, δ). Several optima are fractional orders (2.2, 2.3, 3.6, 4.3), so the
    // fractional series is checked too. The fourth and fifth rows are DP-CTGAN's adult settings (batch 500 of 26,048
    // rows would be q 0.0192; q 0.1 of the tests). Within 1e-3 relative, and the default grid (dp_accounting's, a
    // superset of Opacus') never gives a larger ε.
    [TestMethod]
    [DataRow(0.004, 1.1, 1000L, 1e-05, 0.8687835040507926, 12.0)]
    [DataRow(0.01, 0.8, 5000L, 1e-05, 7.530424136227859, 3.6)]
    [DataRow(0.02, 1.0, 20000L, 1e-06, 25.455420478876654, 2.3)]
    [DataRow(0.1, 2.0, 520L, 1.39e-05, 6.068446855273134, 4.3)]
    [DataRow(0.0192, 0.642, 1560L, 1.39e-05, 15.133561861572993, 2.2)]
    [DataRow(0.001, 4.0, 100000L, 1e-07, 0.38103914872061995, 62.0)]
    [DataRow(0.05, 0.7, 300L, 1e-05, 14.31194961530592, 2.3)]
    [DataRow(0.25, 5.0, 50L, 1e-05, 1.5626478818289606, 12.0)]
    public void Opacus_EpsilonOverItsFractionalGrid(double q, double sigma, long steps, double delta, double opacusEpsilon, double opacusOrder)
    {
        var spent = new RdpAccountant(OpacusOrders).Step(sigma, q, steps).GetEpsilon(delta);
        AssertRelative(opacusEpsilon, spent.Epsilon, 1e-3, "ε over Opacus' orders");
        Assert.AreEqual(opacusOrder, spent.Order, 1e-9, "optimal order");
        double byDefault = new RdpAccountant().Step(sigma, q, steps).GetEpsilon(delta).Epsilon;
        Assert.IsTrue(byDefault <= spent.Epsilon * (1 + 1e-12), $"the default grid gives ε = {byDefault}, above Opacus' grid's {spent.Epsilon}");
    }

    // tensorflow/privacy, compute_noise_from_budget_test.py (written for the classic conversion): the noise multiplier
    // that meets ε = 0.941870567 (resp. 1.70928734) at δ = 1e-5 (1e-7) for n = 60000, batch 150, 15 epochs
    // (n = 100000, batch 100, 30 epochs) is 1.3 (resp. 1.0). These ε are exactly the classic-conversion ε of
    // compute_dp_sgd_privacy at σ = 1.3 and 1.0, which the tight conversion lowers to 0.7242 and 1.4155 (above).
    [TestMethod]
    [DataRow(60000L, 150L, 15.0, 1e-5, 0.941870567, 1.3)]
    [DataRow(100000L, 100L, 30.0, 1e-7, 1.70928734, 1.0)]
    public void TfPrivacy_ComputeNoiseFromBudget_Classic(long n, long batch, double epochs, double delta,
        double targetEpsilon, double expectedSigma)
    {
        double q = (double)batch / n;
        long steps = (long)Math.Ceiling(epochs * n / batch);
        double sigma = RdpAccountant.NoiseMultiplierFor(targetEpsilon, delta, q, steps, conversion: RdpConversion.Classic);
        AssertRelative(expectedSigma, sigma, 1e-5, "σ");
        double epsilon = new RdpAccountant().Step(expectedSigma, q, steps).GetEpsilon(delta, RdpConversion.Classic).Epsilon;
        AssertRelative(targetEpsilon, epsilon, 1e-6, "classic ε at the published σ");
    }

    // tensorflow/privacy, tutorials/README.md ("Expected Output" and "Select Parameters"), produced by the 2018
    // tutorials/mnist_dpsgd_tutorial.py: MNIST n = 60000, batch 256 (q = 256/60000), steps = epochs · (60000 // 256),
    // orders [1.1, …, 10.9, 12…63], δ = 1e-5, classic conversion (get_privacy_spent of that time). Printed to 2 decimals:
    //   σ 1.12: 1 epoch → 1.00, 2 epochs → 1.04, 60 epochs → 2.92;  σ 0.6, 30 epochs → 9.74;  σ 1.2, 10 epochs → 1.20.
    [TestMethod]
    [DataRow(1.12, 1, 1.00)]
    [DataRow(1.12, 2, 1.04)]
    [DataRow(1.12, 60, 2.92)]
    [DataRow(0.6, 30, 9.74)]
    [DataRow(1.2, 10, 1.20)]
    public void TfPrivacy_MnistTutorial_Classic(double sigma, int epochs, double expectedEpsilon)
    {
        var accountant = new RdpAccountant(OpacusOrders).Step(sigma, 256.0 / 60000, epochs * (60000 / 256));
        var classic = accountant.GetEpsilon(1e-5, RdpConversion.Classic);
        AssertRelative(expectedEpsilon, classic.Epsilon, 1e-2, "classic ε");
        // The tight conversion gives a strictly better guarantee for the same mechanism.
        Assert.IsTrue(accountant.GetEpsilon(1e-5).Epsilon < classic.Epsilon);
    }

    // pytorch/opacus, opacus/tests/accountants_test.py, test_rdp_accountant: σ = 1.5, q = 0.04, steps = int(90 / 0.04)
    // = 2250 single steps, δ = 1e-5 → ε = 7.32911117143 (RDPAccountant with DEFAULT_ALPHAS, tight conversion of
    // opacus/accountants/analysis/rdp.py get_privacy_spent, Balle et al. 2020 Theorem 21).
    [TestMethod]
    public void Opacus_RdpAccountant_Tight()
    {
        var accountant = new RdpAccountant(OpacusOrders);
        for (int i = 0; i < 2250; i++) accountant.Step(noiseMultiplier: 1.5, sampleRate: 0.04);
        AssertRelative(7.32911117143, accountant.GetEpsilon(1e-5).Epsilon, 1e-9, "ε");
        Assert.AreEqual(1, accountant.Events.Count);
        Assert.AreEqual(2250, accountant.Events[0].Count);
    }

    // pytorch/opacus, accountants_test.py, test_get_noise_multiplier_rdp_steps (ε 8, δ 1e-5, q 0.04, 2000 steps →
    // σ 1.3562, 4 places) and test_get_noise_multiplier_rdp_epochs (90 epochs = 2250 steps → σ 1.416). Opacus' search
    // stops once ε is within 0.01 below the target, so its σ is a slight over-estimate of the exact answer.
    [TestMethod]
    [DataRow(2000L, 1.3562)]
    [DataRow(2250L, 1.416)]
    public void Opacus_GetNoiseMultiplier(long steps, double expectedSigma)
    {
        double sigma = RdpAccountant.NoiseMultiplierFor(8, 1e-5, 0.04, steps, new RdpAccountant(OpacusOrders));
        AssertRelative(expectedSigma, sigma, 1e-2, "σ");
        Assert.IsTrue(sigma <= expectedSigma + 1e-4, "Opacus' answer comes from above.");
    }

    // Abadi et al. (2016), "Deep Learning with Differential Privacy", Section 3.1: q = 0.01, σ = 4, δ = 1e-5,
    // T = 10000 steps give ε ≈ 1.26 with the moments accountant (integer moments λ ≤ 32 and the classic tail bound,
    // i.e. RDP at integer orders 2…33 with the classic conversion).
    [TestMethod]
    public void Abadi2016_MomentsAccountant_Classic()
    {
        var accountant = new RdpAccountant(Enumerable.Range(2, 32).Select(a => (double)a)).Step(4, 0.01, 10000);
        var classic = accountant.GetEpsilon(1e-5, RdpConversion.Classic);
        AssertRelative(1.26, classic.Epsilon, 1e-2, "classic ε");
        Assert.IsTrue(new RdpAccountant().Step(4, 0.01, 10000).GetEpsilon(1e-5).Epsilon < 1.26);
    }

    // tensorflow/privacy rdp_accountant_test.py test_get_privacy_spent_check_target_delta / _eps and dp_accounting
    // test_compute_epsilon_delta_pure_dp (tight conversion): RDP ≡ 1.1 at orders 2…32, δ = 1e-5 → ε = 1.32783806176
    // at order 32; and back, ε = 1.32783806176 → δ = 1e-5.
    [TestMethod]
    public void TfPrivacy_ConversionOfConstantRdp_Tight()
    {
        var orders = Enumerable.Range(2, 31).Select(a => (double)a).ToArray();
        var rdp = orders.Select(_ => 1.1).ToArray();
        var spent = RdpAccountant.EpsilonFromRdp(orders, rdp, 1e-5);
        Assert.AreEqual(1.32783806176, spent.Epsilon, 1e-10);
        Assert.AreEqual(32.0, spent.Order);
        var back = RdpAccountant.DeltaFromRdp(orders, rdp, 1.32783806176);
        AssertRelative(1e-5, back.Delta, 1e-9, "δ");
        Assert.AreEqual(32.0, back.Order);
    }

    // tensorflow/privacy test_get_privacy_spent_check_target_delta (second part) and dp_accounting
    // test_compute_epsilon_delta_gaussian: the plain Gaussian mechanism with σ = 4.530877117 (q = 1, one step) over
    // orders 1.001, …, 99.999 (TF also lists 1.000, where the tight bound is +∞) is exactly (1, 1e-6)-DP under the tight conversion (7 places).
    [TestMethod]
    public void TfPrivacy_GaussianMechanismIsOneOneEMinus6()
    {
        var orders = Enumerable.Range(1001, 98999).Select(i => 0.001 * i).ToArray();
        var accountant = new RdpAccountant(orders).AddGaussianRelease(sensitivity: 1, noiseStandardDeviation: 4.530877117);
        Assert.AreEqual(1.0, accountant.GetEpsilon(1e-6).Epsilon, 1e-7);
        Assert.AreEqual(1e-6, accountant.GetDelta(1.0).Delta, 1e-12);
    }
}
