using Microsoft.ML.Gan.Privacy;

namespace Microsoft.ML.Gan.Tests.Privacy;

/// <summary>Structural properties of the accountant: monotonicity, closed forms, composition, round trips.</summary>
[TestClass]
public sealed class RdpAccountantPropertyTests
{
    private const double Delta = 1e-5;

    private static double Epsilon(double sigma, double q, long steps, RdpConversion conversion = RdpConversion.Tight)
        => new RdpAccountant().Step(sigma, q, steps).GetEpsilon(Delta, conversion).Epsilon;

    [TestMethod]
    public void DefaultOrdersAreTheDocumentedList()
    {
        var orders = RdpAccountant.DefaultOrders;
        Assert.AreEqual(156, orders.Count);
        CollectionAssert.AreEqual(new[] { 1.1, 1.2, 1.3, 1.4, 1.5 }, orders.Take(5).ToArray());
        Assert.AreEqual(10.9, orders[98], 1e-12);
        CollectionAssert.AreEqual(new[] { 11.0, 12 }, orders.Skip(99).Take(2).ToArray());
        CollectionAssert.AreEqual(new[] { 63.0, 128, 256, 512, 1024 }, orders.Skip(151).ToArray());
        CollectionAssert.IsSubsetOf(RdpReferenceTests.OpacusOrders, orders.ToArray(), "Opacus' grid is part of the default one");
        CollectionAssert.AreEqual(orders.ToArray(), new RdpAccountant().Orders.ToArray());
    }

    [TestMethod]
    public void EpsilonGrowsWithStepsAndSampleRateAndShrinksWithNoise()
    {
        double previous = 0;
        foreach (long steps in new long[] { 1, 10, 100, 1000, 10000 })
        {
            double eps = Epsilon(1.1, 0.01, steps);
            Assert.IsTrue(eps > previous, $"steps {steps}: {eps} ≤ {previous}");
            previous = eps;
        }
        previous = 0;
        foreach (double q in new[] { 1e-4, 1e-3, 0.01, 0.1, 0.5, 1 })
        {
            double eps = Epsilon(1.1, q, 100);
            Assert.IsTrue(eps > previous, $"q {q}: {eps} ≤ {previous}");
            previous = eps;
        }
        previous = double.PositiveInfinity;
        foreach (double sigma in new[] { 0.5, 0.8, 1, 1.5, 2, 4, 8 })
        {
            double eps = Epsilon(sigma, 0.01, 1000);
            Assert.IsTrue(eps < previous, $"σ {sigma}: {eps} ≥ {previous}");
            previous = eps;
        }
    }

    [TestMethod]
    public void RdpIsMonotoneInTheOrderAcrossIntegerAndFractionalOrders()
    {
        // Rényi divergences are non-decreasing in α; the fractional series and the integer binomial sum must agree
        // where they meet. Orders 1.1, 1.2, …, 40 mix both code paths.
        var orders = Enumerable.Range(11, 390).Select(i => i / 10.0).ToArray();
        foreach (var (sigma, q) in new[] { (0.7, 0.01), (1.1, 256.0 / 60000), (2.0, 0.2), (5.0, 0.5) })
        {
            var rdp = orders.Select(a => RdpAccountant.SampledGaussianRdp(sigma, q, a)).ToArray();
            for (int i = 1; i < rdp.Length; i++)
                Assert.IsTrue(rdp[i] >= rdp[i - 1] * (1 - 1e-9), $"σ {sigma}, q {q}: RDP({orders[i]}) = {rdp[i]} < RDP({orders[i - 1]}) = {rdp[i - 1]}");
            // Subsampling never hurts: bounded by the plain Gaussian α/(2σ²).
            for (int i = 0; i < rdp.Length; i++)
                Assert.IsTrue(rdp[i] <= orders[i] / (2 * sigma * sigma) * (1 + 1e-12));
        }
    }

    [TestMethod]
    public void FullSamplingGivesTheClosedForm()
    {
        var rdp = new RdpAccountant().Step(noiseMultiplier: 1.7, sampleRate: 1, steps: 3).Rdp;
        var orders = RdpAccountant.DefaultOrders;
        for (int i = 0; i < orders.Count; i++)
            Assert.AreEqual(3 * orders[i] / (2 * 1.7 * 1.7), rdp[i], 1e-12 * rdp[i]);
        // And the integer expansion tends to it as q → 1.
        AssertClose(5 / (2 * 1.7 * 1.7), RdpAccountant.SampledGaussianRdp(1.7, 1 - 1e-12, 5), 1e-9);
        AssertClose(5.5 / (2 * 1.7 * 1.7), RdpAccountant.SampledGaussianRdp(1.7, 1 - 1e-12, 5.5), 1e-9);
    }

    [TestMethod]
    public void NoSamplingOrNoStepsSpendsNothing()
    {
        var accountant = new RdpAccountant().Step(0.5, 0, 1000).Step(0.5, 0.1, 0);
        Assert.IsTrue(accountant.Rdp.All(r => r == 0));
        Assert.AreEqual(0.0, accountant.GetEpsilon(Delta).Epsilon);
        Assert.AreEqual(0.0, accountant.GetEpsilon(Delta, RdpConversion.Classic).Epsilon);
        Assert.AreEqual(0.0, accountant.GetDelta(0).Delta);
        Assert.AreEqual(long.MaxValue, RdpAccountant.StepsFor(1, Delta, sampleRate: 0, noiseMultiplier: 1));
    }

    [TestMethod]
    public void CompositionAddsAndPhasesAreRecorded()
    {
        var once = new RdpAccountant().Step(1.1, 0.01, 300);
        var split = new RdpAccountant().Step(1.1, 0.01, 100).Step(1.1, 0.01, 200);
        CollectionAssert.AreEqual(once.Rdp, split.Rdp, Comparer<double>.Create((a, b) => Math.Abs(a - b) <= 1e-12 * Math.Max(1, Math.Abs(a)) ? 0 : 1));
        Assert.AreEqual(1, split.Events.Count);
        Assert.AreEqual(new PrivacyEvent(PrivacyEventKind.SampledGaussian, 1.1, 0.01, 300), split.Events[0]);

        var a = new RdpAccountant().Step(1.1, 0.01, 300);
        var b = new RdpAccountant().Step(0.8, 0.05, 50);
        var both = new RdpAccountant().Step(1.1, 0.01, 300).Step(0.8, 0.05, 50);
        var sum = a.Clone().Add(b);
        for (int i = 0; i < both.Orders.Count; i++)
        {
            AssertClose(a.Rdp[i] + b.Rdp[i], both.Rdp[i], 1e-12);
            AssertClose(both.Rdp[i], sum.Rdp[i], 1e-12);
        }
        Assert.AreEqual(2, both.Events.Count);
        Assert.IsTrue(both.GetEpsilon(Delta).Epsilon > Math.Max(a.GetEpsilon(Delta).Epsilon, b.GetEpsilon(Delta).Epsilon));
        // Clone is independent.
        Assert.AreEqual(1, a.Events.Count);
    }

    [TestMethod]
    public void TightConversionIsNeverWorseThanClassic()
    {
        foreach (var (sigma, q, steps) in new[] { (0.6, 0.004, 7000L), (1.1, 0.01, 1000L), (3.0, 0.1, 100L), (0.3, 1.0, 1L) })
        {
            var accountant = new RdpAccountant().Step(sigma, q, steps);
            foreach (double delta in new[] { 1e-3, 1e-5, 1e-9 })
            {
                double tight = accountant.GetEpsilon(delta).Epsilon, classic = accountant.GetEpsilon(delta, RdpConversion.Classic).Epsilon;
                Assert.IsTrue(tight <= classic, $"σ {sigma} q {q} δ {delta}: tight {tight} > classic {classic}");
                Assert.IsTrue(accountant.GetDelta(classic).Delta <= accountant.GetDelta(classic, RdpConversion.Classic).Delta * (1 + 1e-12));
            }
        }
    }

    [TestMethod]
    public void EpsilonAndDeltaRoundTrip()
    {
        var accountant = new RdpAccountant().Step(1.0, 0.02, 2000);
        foreach (var conversion in new[] { RdpConversion.Tight, RdpConversion.Classic })
        {
            foreach (double delta in new[] { 1e-3, 1e-5, 1e-8 })
            {
                var spent = accountant.GetEpsilon(delta, conversion);
                var back = accountant.GetDelta(spent.Epsilon, conversion);
                AssertClose(delta, back.Delta, 1e-9);
                Assert.AreEqual(spent.Order, back.Order);
            }
        }
    }

    [TestMethod]
    public void NoiseMultiplierBisectionRoundTrips()
    {
        foreach (var (epsilon, q, steps) in new[] { (1.0, 0.01, 5000L), (3.0, 256.0 / 60000, 14040L), (8.0, 0.04, 2000L), (0.5, 0.001, 100L) })
        {
            double sigma = RdpAccountant.NoiseMultiplierFor(epsilon, Delta, q, steps);
            double achieved = Epsilon(sigma, q, steps);
            Assert.IsTrue(achieved <= epsilon, $"ε {achieved} exceeds the target {epsilon}");
            AssertClose(epsilon, achieved, 1e-4);
            Assert.IsTrue(Epsilon(sigma * (1 - 1e-4), q, steps) > epsilon, "a slightly smaller σ must exceed the budget");
        }
    }

    [TestMethod]
    public void StepsForIsTheLargestStepCountWithinBudget()
    {
        foreach (var (epsilon, q, sigma) in new[] { (1.0, 0.01, 1.1), (3.0, 256.0 / 60000, 1.1), (8.0, 0.04, 1.5) })
        {
            long steps = RdpAccountant.StepsFor(epsilon, Delta, q, sigma);
            Assert.IsTrue(steps > 0);
            Assert.IsTrue(Epsilon(sigma, q, steps) <= epsilon);
            Assert.IsTrue(Epsilon(sigma, q, steps + 1) > epsilon);
        }
        // Round trip with the noise calibration: σ calibrated for T steps allows at least T steps.
        double calibrated = RdpAccountant.NoiseMultiplierFor(2, Delta, 0.01, 3000);
        long allowed = RdpAccountant.StepsFor(2, Delta, 0.01, calibrated);
        Assert.IsTrue(allowed >= 3000 && allowed < 3010, $"allowed {allowed}");
    }

    [TestMethod]
    public void GaussianReleasesComposeWithTraining()
    {
        const double sensitivity = 2.0, noise = 10.0;
        var release = new RdpAccountant().AddGaussianRelease(sensitivity, noise, releases: 3);
        var orders = release.Orders;
        for (int i = 0; i < orders.Count; i++)
        {
            AssertClose(3 * orders[i] * sensitivity * sensitivity / (2 * noise * noise), release.Rdp[i], 1e-12);
            AssertClose(GaussianMechanism.Rdp(orders[i], sensitivity, noise) * 3, release.Rdp[i], 1e-12);
        }
        Assert.AreEqual(new PrivacyEvent(PrivacyEventKind.GaussianRelease, 5.0, 1.0, 3), release.Events[0]);

        // Spending on statistics first leaves less room for training.
        long alone = RdpAccountant.StepsFor(2, Delta, 0.01, 1.1);
        long after = RdpAccountant.StepsFor(2, Delta, 0.01, 1.1, alreadySpent: release);
        Assert.IsTrue(after < alone, $"{after} ≥ {alone}");
        double sigmaAlone = RdpAccountant.NoiseMultiplierFor(2, Delta, 0.01, 3000);
        double sigmaAfter = RdpAccountant.NoiseMultiplierFor(2, Delta, 0.01, 3000, alreadySpent: release);
        Assert.IsTrue(sigmaAfter > sigmaAlone);
        var total = release.Clone().Step(sigmaAfter, 0.01, 3000);
        Assert.IsTrue(total.GetEpsilon(Delta).Epsilon <= 2);
        Assert.AreEqual(2, total.Events.Count);
        Assert.AreEqual(1, release.Events.Count, "planning must not modify alreadySpent");
    }

    [TestMethod]
    public void GaussianMechanismAddsCalibratedNoiseAndRecordsIt()
    {
        var accountant = new RdpAccountant();
        var values = new double[20000];
        var noisy = GaussianMechanism.Release(values, sensitivity: 1, noiseStandardDeviation: 3, new Random(7), accountant);
        double mean = noisy.Average();
        double std = Math.Sqrt(noisy.Select(v => (v - mean) * (v - mean)).Sum() / (noisy.Length - 1));
        Assert.AreEqual(0, mean, 0.1);
        Assert.AreEqual(3, std, 0.1);
        Assert.AreEqual(1, accountant.Events.Count);
        Assert.AreEqual(PrivacyEventKind.GaussianRelease, accountant.Events[0].Kind);

        double sigma = GaussianMechanism.NoiseStandardDeviationFor(epsilon: 1, delta: 1e-6, sensitivity: 2);
        var check = new RdpAccountant().AddGaussianRelease(2, sigma);
        AssertClose(1, check.GetEpsilon(1e-6).Epsilon, 1e-4);
    }

    [TestMethod]
    public void LargeOrdersAndExtremeParametersStayFinite()
    {
        foreach (var (sigma, q) in new[] { (0.1, 0.5), (0.3, 1e-6), (50.0, 0.999), (0.5, 0.99) })
        {
            foreach (double order in new[] { 1.25, 64, 256, 512, 512.5, 4096 })
            {
                double rdp = RdpAccountant.SampledGaussianRdp(sigma, q, order);
                Assert.IsTrue(double.IsFinite(rdp) && rdp >= 0, $"σ {sigma}, q {q}, α {order}: {rdp}");
            }
        }
        Assert.IsTrue(double.IsFinite(new RdpAccountant().Step(0.1, 0.5, 1_000_000).GetEpsilon(Delta).Epsilon));
    }

    [TestMethod]
    public void DefaultDeltaIsOneOverNToThePowerOnePointOne()
    {
        Assert.AreEqual(Math.Pow(60000, -1.1), RdpAccountant.DefaultDelta(60000), 1e-20);
        Assert.IsTrue(RdpAccountant.DefaultDelta(32561) < 1.0 / 32561);
        Assert.AreEqual(Math.Pow(2, -1.1), RdpAccountant.DefaultDelta(2), 1e-15);
    }

    [TestMethod]
    public void InvalidArgumentsNameTheArgument()
    {
        var accountant = new RdpAccountant();
        AssertParam("sampleRate", () => accountant.Step(1, -0.1));
        AssertParam("sampleRate", () => accountant.Step(1, 1.5));
        AssertParam("sampleRate", () => accountant.Step(1, double.NaN));
        AssertParam("noiseMultiplier", () => accountant.Step(0, 0.1));
        AssertParam("noiseMultiplier", () => accountant.Step(-1, 0.1));
        AssertParam("steps", () => accountant.Step(1, 0.1, -1));
        AssertParam("delta", () => accountant.GetEpsilon(0));
        AssertParam("delta", () => accountant.GetEpsilon(1));
        AssertParam("epsilon", () => accountant.GetDelta(-1));
        AssertParam("sensitivity", () => accountant.AddGaussianRelease(0, 1));
        AssertParam("noiseStandardDeviation", () => accountant.AddGaussianRelease(1, -2));
        AssertParam("releases", () => accountant.AddGaussianRelease(1, 1, -1));
        AssertParam("orders", () => new RdpAccountant(new[] { 2.0, 1.0 }));
        AssertParam("order", () => RdpAccountant.SampledGaussianRdp(1, 0.1, 0.5));
        AssertParam("targetEpsilon", () => RdpAccountant.NoiseMultiplierFor(0, Delta, 0.01, 100));
        AssertParam("delta", () => RdpAccountant.NoiseMultiplierFor(1, 1.5, 0.01, 100));
        AssertParam("sampleRate", () => RdpAccountant.NoiseMultiplierFor(1, Delta, 2, 100));
        AssertParam("steps", () => RdpAccountant.NoiseMultiplierFor(1, Delta, 0.01, 0));
        AssertParam("noiseMultiplier", () => RdpAccountant.StepsFor(1, Delta, 0.01, 0));
        AssertParam("n", () => RdpAccountant.DefaultDelta(1));
        AssertParam("epsilon", () => GaussianMechanism.NoiseStandardDeviationFor(-1, Delta, 1));
        AssertParam("releases", () => GaussianMechanism.NoiseStandardDeviationFor(1, Delta, 1, 0));
        Assert.AreEqual(0, accountant.Events.Count, "failed calls must not record anything");
        Assert.IsTrue(accountant.Rdp.All(r => r == 0));
    }

    [TestMethod]
    public void UnreachableBudgetsFailClearly()
    {
        // The classic conversion cannot go below log(1/δ)/(α_max − 1) ≈ 0.0225 at δ = 1e-5 with α_max = 512.
        var e = Assert.ThrowsExactly<InvalidOperationException>(
            () => RdpAccountant.NoiseMultiplierFor(0.01, Delta, 0.01, 100, conversion: RdpConversion.Classic));
        StringAssert.Contains(e.Message, "unreachable");
        var heavy = new RdpAccountant().AddGaussianRelease(1, 0.5);
        Assert.ThrowsExactly<InvalidOperationException>(() => RdpAccountant.NoiseMultiplierFor(1, Delta, 0.01, 100, heavy));
        Assert.ThrowsExactly<InvalidOperationException>(() => RdpAccountant.StepsFor(1, Delta, 0.01, 1.0, heavy));
    }

    [TestMethod]
    public void LogErfcMatchesHighPrecisionValues()
    {
        // log(erfc(x)) from mpmath at 30 digits.
        (double X, double LogErfc)[] cases =
        {
            (-3, 0.69313613525044681032), (-0.5, 0.41903914777555958036), (0.5, -0.73501112983708440303),
            (1, -1.8496055099332482486), (2.4999, -7.8062800140910910672), (2.5, -7.8068152727272643589),
            (3, -10.720363041981112568), (5, -27.200889545537434422), (10, -102.87988902484488857),
            (30, -903.97411711064387808), (100, -10005.177585122664333),
        };
        foreach (var (x, expected) in cases)
            Assert.AreEqual(expected, LogMath.LogErfc(x), 1e-12 * Math.Max(1, Math.Abs(expected)), $"x = {x}");
        Assert.AreEqual(0.0, LogMath.LogErfc(0), 1e-15);
    }

    private static void AssertParam(string name, Action action)
    {
        var e = Assert.ThrowsExactly<ArgumentOutOfRangeException>(action);
        Assert.AreEqual(name, e.ParamName);
    }

    private static void AssertClose(double expected, double actual, double relative)
        => Assert.AreEqual(expected, actual, relative * Math.Max(Math.Abs(expected), 1e-300), $"expected {expected:R}, got {actual:R}");
}
