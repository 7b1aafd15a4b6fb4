using Microsoft.ML.Data;
using Microsoft.ML.Gan.Privacy;
using Microsoft.ML.Gan.Tabular.Data;
using Microsoft.ML.Gan.Tabular.Privacy;
using Microsoft.ML.Gan.Tabular.Tests.Data;

namespace Microsoft.ML.Gan.Tabular.Tests.Privacy;

/// <summary>The data transformer's statistics under DP: what survives the noisy, thresholded histograms, and what is spent.</summary>
[TestClass]
public sealed class PrivateStatisticsTests
{
    private const double UnitNoise = 5;
    private static readonly string[] Kinds = ["A", "B", "C", "Z"];
    private static readonly int[] KindCounts = [1000, 600, 300, 5];

    /// <summary>Kind: A ×1000, B ×600, C ×300, Z ×5 (rare); Amount: half N(0, 1), half N(10, 1).</summary>
    private static TabularTable Table()
    {
        var random = new Random(5);
        var codes = KindCounts.SelectMany((count, k) => Enumerable.Repeat(k, count)).ToArray();
        random.Shuffle(codes);
        var amounts = codes.Select(_ => random.NextDouble() < 0.5 ? Gaussian.Next(random, 0, 1) : Gaussian.Next(random, 10, 1)).ToArray();
        return new TabularTable([
            new DiscreteColumn("Kind", TextDataViewType.Instance, codes, Kinds),
            new ContinuousColumn("Amount", NumberDataViewType.Double, amounts),
        ]);
    }

    private static int[] Counts(DiscreteColumn column) =>
        Enumerable.Range(0, column.Categories.Count).Select(k => column.Codes.ToArray().Count(c => c == k)).ToArray();

    [TestMethod]
    public void RareCategoriesAreDroppedAndFrequentOnesKeepNoisyCounts()
    {
        var table = Table();
        var accountant = new RdpAccountant();
        var release = PrivateStatistics.Release(table, new TabularPrivacyOptions { TargetEpsilon = 1 }, UnitNoise, 1e-5, new Random(3), accountant);

        var proxyCounts = Counts((DiscreteColumn)release.Proxy["Kind"]);
        Assert.AreEqual(0, proxyCounts[3], "5 rows cannot clear a threshold of about 1 + 4.8σ ≈ 35 rows");
        Assert.AreEqual(table.RowCount - 5, release.Training.RowCount, "the rows holding the dropped category are left out of training");
        // How many is not released: the noisy counts of the surviving categories estimate it.
        double sigmaRows = UnitNoise * Math.Sqrt(2);
        Assert.AreEqual((table.RowCount - 5) / (double)table.RowCount, release.Coverage.Single(c => c.Column == "Kind").NoisyShare,
            4 * sigmaRows * Math.Sqrt(3) / table.RowCount, "Kind's coverage is the noisy counts of A, B and C over n");
        Assert.AreEqual(sigmaRows, release.CountNoise, 1e-12);
        Assert.AreEqual(0, Counts((DiscreteColumn)release.Training["Kind"])[3]);
        double sigma = UnitNoise * Math.Sqrt(2);
        for (int k = 0; k < 3; k++)
        {
            // The proxy spreads n rows in proportion to the noisy counts: within a few σ of the truth.
            Assert.AreEqual(KindCounts[k], proxyCounts[k], 6 * sigma, $"category {Kinds[k]}");
        }
        Assert.AreEqual(table.RowCount, release.Proxy.RowCount);
        Assert.AreEqual(1e-5, release.ThresholdDelta);
    }

    [TestMethod]
    public void BoundsComeFromTheNoisyPowerOfTwoGridAndEverySpendIsRecorded()
    {
        var accountant = new RdpAccountant();
        var release = PrivateStatistics.Release(Table(), new TabularPrivacyOptions { TargetEpsilon = 1 }, UnitNoise, 1e-5, new Random(3), accountant);

        var (min, max) = release.Bounds["Amount"];
        Assert.AreEqual(16, max, "the high mode N(10, 1) lies in [8, 16)");
        Assert.IsTrue(min is -2 or -4, $"the low mode N(0, 1) reaches into [-2, -1) (and [-4, -2) holds about 23 rows, near 4σ): min {min}");
        var amounts = ((ContinuousColumn)release.Proxy["Amount"]).Values.ToArray();
        Assert.IsTrue(amounts.All(v => v >= min && v <= max), "the proxy stays inside the released bounds");
        double low = amounts.Count(v => v < 5) / (double)amounts.Length;
        Assert.AreEqual(0.5, low, 0.05, "the noisy histogram keeps the two modes' shares");

        // Two Gaussian releases (bounds, then histograms), each at noise σ/Δ = the unit noise.
        Assert.AreEqual(2, accountant.Events.Single().Count);
        Assert.AreEqual(PrivacyEventKind.GaussianRelease, accountant.Events.Single().Kind);
        Assert.AreEqual(UnitNoise, accountant.Events.Single().NoiseMultiplier, 1e-12);
    }

    [TestMethod]
    public void PublicBoundsAreUsedAsGivenAndCostNothingExtra()
    {
        var accountant = new RdpAccountant();
        var privacy = new TabularPrivacyOptions
        {
            TargetEpsilon = 1,
            PublicBounds = new Dictionary<string, (double Min, double Max)> { ["Amount"] = (-1, 11) },
        };
        var release = PrivateStatistics.Release(Table(), privacy, UnitNoise, 1e-5, new Random(3), accountant);

        Assert.AreEqual((-1.0, 11.0), release.Bounds["Amount"]);
        var training = ((ContinuousColumn)release.Training["Amount"]).Values.ToArray();
        Assert.IsTrue(training.Min() == -1 && training.Max() == 11, "training values are clamped to the public bounds");
        Assert.AreEqual(1, accountant.Events.Single().Count, "only the histogram release is spent");
    }

    [TestMethod]
    public void PublicCategoriesNeedNoThresholdAndRowsOutsideTheListAreLeftOut()
    {
        var privacy = new TabularPrivacyOptions
        {
            TargetEpsilon = 1,
            PublicCategories = new Dictionary<string, IReadOnlyList<string>> { ["Kind"] = ["A", "B", "Z", "Unseen"] },
        };
        var release = PrivateStatistics.Release(Table(), privacy, UnitNoise, 1e-5, new Random(3), new RdpAccountant());

        var proxy = (DiscreteColumn)release.Proxy["Kind"];
        CollectionAssert.AreEqual(new object[] { "A", "B", "Z", "Unseen" }, proxy.Categories.ToArray(), "the domain is the public list");
        var counts = Counts(proxy);
        // The proxy spreads n rows over the listed values in proportion to their noisy counts (A 1000, B 600 of 1605).
        Assert.AreEqual(1000 / 1605.0, counts[0] / (double)proxy.Length, 0.03);
        Assert.AreEqual(600 / 1605.0, counts[1] / (double)proxy.Length, 0.03);
        int zRowsLeftOut = counts[2] == 0 ? 5 : 0;
        Assert.AreEqual(Table().RowCount - 300 - zRowsLeftOut, release.Training.RowCount, "the 300 rows of C are outside the list (and Z's only if its noisy count came out empty)");
        Assert.IsNull(release.CategoryThreshold, "no thresholded column");
        Assert.AreEqual(0, release.ThresholdDelta, "no thresholded column, no δ spent on thresholds");
        Assert.AreEqual(0, Counts((DiscreteColumn)release.Training["Kind"])[3], "nobody holds 'Unseen'");
    }

    [TestMethod]
    public void PublicCategoriesOnANonTextColumnAreRefusedByName()
    {
        var table = new TabularTable([new DiscreteColumn("Flag", BooleanDataViewType.Instance, [0, 1, 1], [false, true])]);
        var privacy = new TabularPrivacyOptions
        {
            TargetEpsilon = 1,
            PublicCategories = new Dictionary<string, IReadOnlyList<string>> { ["Flag"] = ["True", "False"] },
        };
        var error = Assert.ThrowsExactly<ArgumentException>(() => PrivateStatistics.Release(table, privacy, UnitNoise, 1e-5, new Random(3), new RdpAccountant()));
        StringAssert.Contains(error.Message, "'Flag'");
    }

    [TestMethod]
    public void RareTextCategoriesShareOneOtherValueAndTheirNamesAreNotReleased()
    {
        // A ×1000, B ×600, and 30 rare values ×10 rows each (each far below the threshold of about 35 rows).
        var categories = new List<object> { "A", "B" };
        categories.AddRange(Enumerable.Range(0, 30).Select(i => (object)$"rare{i}"));
        var codes = Enumerable.Repeat(0, 1000).Concat(Enumerable.Repeat(1, 600))
            .Concat(Enumerable.Range(0, 300).Select(i => 2 + i / 10)).ToArray();
        var table = new TabularTable([new DiscreteColumn("Kind", TextDataViewType.Instance, codes, categories)]);

        var grouped = PrivateStatistics.Release(table, new TabularPrivacyOptions { TargetEpsilon = 1 }, UnitNoise, 1e-5, new Random(3), new RdpAccountant());
        Assert.AreEqual(table.RowCount, grouped.Training.RowCount, "the rare rows train as '(other)'");
        Assert.AreEqual(1.0, grouped.EstimatedShareKept, 1e-9, "grouping keeps every row, and the estimate says so");
        var transformer = DataTransformer.Fit(grouped.Proxy);
        var values = transformer.ConditionValues("Kind").Values.Select(v => v.Name).ToArray();
        CollectionAssert.AreEquivalent(new[] { "A", "B", "(other)" }, values, "no rare value's name is released");
        var proxy = (DiscreteColumn)grouped.Proxy["Kind"];
        Assert.AreEqual(300 / 1900.0, Share(proxy, "(other)"), 0.03);
        Assert.AreEqual(300, Counts((DiscreteColumn)grouped.Training["Kind"])[^1], "the 300 rare rows are recoded, not dropped");

        var dropping = PrivateStatistics.Release(table, new TabularPrivacyOptions { TargetEpsilon = 1, RareCategoryLabel = null }, UnitNoise, 1e-5, new Random(3), new RdpAccountant());
        Assert.AreEqual(table.RowCount - 300, dropping.Training.RowCount, "without a label the rare rows are left out");
        Assert.AreEqual(1600 / 1900.0, dropping.EstimatedShareKept, 0.02, "the noisy estimate of the share kept");
    }

    [TestMethod]
    public void AValueEqualToTheLabelJoinsTheGroup()
    {
        // "(other)" is a real value here (200 rows): it joins the rare values' group rather than deciding whether there is one.
        var categories = new List<object> { "A", "(other)" };
        categories.AddRange(Enumerable.Range(0, 10).Select(i => (object)$"rare{i}"));
        var codes = Enumerable.Repeat(0, 1000).Concat(Enumerable.Repeat(1, 200))
            .Concat(Enumerable.Range(0, 100).Select(i => 2 + i / 10)).ToArray();
        var table = new TabularTable([new DiscreteColumn("Kind", TextDataViewType.Instance, codes, categories)]);

        var release = PrivateStatistics.Release(table, new TabularPrivacyOptions { TargetEpsilon = 1 }, UnitNoise, 1e-5, new Random(3), new RdpAccountant());

        Assert.AreEqual(table.RowCount, release.Training.RowCount);
        var training = (DiscreteColumn)release.Training["Kind"];
        Assert.AreEqual(300, Share(training, "(other)") * training.Length, 1e-9, "200 real '(other)' rows + 100 rare rows");
        Assert.AreEqual(300 / 1300.0, Share((DiscreteColumn)release.Proxy["Kind"], "(other)"), 0.03);
    }

    private static double Share(DiscreteColumn column, object value) => Ctgan.CtganLearningTests.Share(column, value);

    [TestMethod]
    public void TheNoiseOfAFitComesFromTheSecureGeneratorAndDiffersEveryTime()
    {
        // Replaying a seed recovers nothing: two releases of the same table with fresh secure randomness differ, and
        // neither equals the release that any seeded Random would give.
        var table = Table();
        var privacy = new TabularPrivacyOptions { TargetEpsilon = 1 };
        int[] Released(Random random) => Counts((DiscreteColumn)PrivateStatistics.Release(table, privacy, UnitNoise, 1e-5, random, new RdpAccountant()).Proxy["Kind"]);
        var first = Released(new CryptographicRandom());
        var second = Released(new CryptographicRandom());
        CollectionAssert.AreNotEqual(first, second, "σ ≈ 7 rows of noise per count: two secure draws almost never give the same proxy");
        CollectionAssert.AreEqual(Released(new Random(3)), Released(new Random(3)), "a seeded source would replay exactly, which is why fits do not use one");
    }

    [TestMethod]
    public void RefusalsNameTheOptionAndTheCliFlag()
    {
        var sparse = new TabularTable([new DiscreteColumn("Kind", TextDataViewType.Instance, [0, 1, 2, 0], ["a", "b", "c"])]);
        var error = Assert.ThrowsExactly<InvalidOperationException>(() =>
            PrivateStatistics.Release(sparse, new TabularPrivacyOptions { TargetEpsilon = 1 }, UnitNoise, 1e-5, new Random(3), new RdpAccountant()));
        foreach (string remedy in new[] { "'Kind'", "TargetEpsilon", "--dp-epsilon", "TransformerBudgetShare", "--dp-transformer-share", "PublicCategories", "--dp-public-categories", "--ignore" })
            StringAssert.Contains(error.Message, remedy);
        var amounts = new TabularTable([new ContinuousColumn("Amount", NumberDataViewType.Double, [1.0, 2.0, 3.0])]);
        error = Assert.ThrowsExactly<InvalidOperationException>(() =>
            PrivateStatistics.Release(amounts, new TabularPrivacyOptions { TargetEpsilon = 1 }, UnitNoise, 1e-5, new Random(3), new RdpAccountant()));
        foreach (string remedy in new[] { "'Amount'", "PublicBounds", "--dp-public-bounds", "--dp-epsilon" })
            StringAssert.Contains(error.Message, remedy);
    }
}
