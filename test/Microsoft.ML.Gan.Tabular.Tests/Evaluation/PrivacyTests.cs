using Microsoft.ML.Gan.Tabular.Data;
using Microsoft.ML.Gan.Tabular.Evaluation;
using Microsoft.ML.Gan.Tabular.Tests.Data;

namespace Microsoft.ML.Gan.Tabular.Tests.Evaluation;

[TestClass]
public sealed class PrivacyTests
{
    private static readonly MLContext Ml = new(seed: 1);

    [TestMethod]
    public void CopiedTableIsAllExactCopiesAtDistanceZero()
    {
        var training = EvalTables.Linear(500, seed: 1);
        var holdout = EvalTables.Linear(300, seed: 2);
        var report = Ml.Gan().Tabular.Evaluate(training.ToDataView(), training.ToDataView(), new TabularEvaluationOptions { RealHoldout = holdout.ToDataView() });

        var privacy = report.Privacy;
        Assert.AreEqual(1.0, privacy.ExactCopyRate);
        Assert.AreEqual(0.0, privacy.HoldoutExactCopyRate);
        Assert.AreEqual(0.0, privacy.SyntheticDcr.Median);
        Assert.AreEqual(0.0, privacy.SyntheticDcr.Mean);
        Assert.IsGreaterThan(0.0, privacy.HoldoutDcr.Percentile5);
        Assert.AreEqual(1.0, privacy.SyntheticShareBelowHoldoutPercentile5);
        Assert.AreEqual(500, privacy.TrainingRows);
        Assert.AreEqual(300, privacy.HoldoutSampleRows);
    }

    [TestMethod]
    public void FreshRowsFromTheSameDistributionLookLikeTheHoldout()
    {
        var training = EvalTables.Linear(1000, seed: 1);
        var holdout = EvalTables.Linear(400, seed: 2);
        var synthetic = EvalTables.Linear(400, seed: 3);
        var privacy = Ml.Gan().Tabular.Evaluate(training.ToDataView(), synthetic.ToDataView(), new TabularEvaluationOptions { RealHoldout = holdout.ToDataView() }).Privacy;

        Assert.AreEqual(0.0, privacy.ExactCopyRate);
        Assert.AreEqual(privacy.HoldoutDcr.Median, privacy.SyntheticDcr.Median, 0.3 * privacy.HoldoutDcr.Median);
        Assert.IsLessThan(0.15, privacy.SyntheticShareBelowHoldoutPercentile5);
    }

    [TestMethod]
    public void DistanceIsTheMeanOfRangeNormalizedDifferencesAndMismatches()
    {
        // Real A spans 0..10, B is constant; one synthetic row differs from its closest real row by 2.5 in A (0.25
        // of the range) and in its category: DCR = (0.25 + 0 + 1) / 3.
        double[] a = [0, 10, 5];
        var real = EvalTables.Of(a, [1, 1, 1], ["x", "x", "x"]);
        var synthetic = EvalTables.Of([7.5], [1], ["y"]);
        var privacy = Ml.Gan().Tabular.Evaluate(real.ToDataView(), synthetic.ToDataView(), new TabularEvaluationOptions { RealHoldout = real.ToDataView() }).Privacy;

        Assert.AreEqual(1.25 / 3, privacy.SyntheticDcr.Minimum, 1e-6);
        Assert.AreEqual(1.0, privacy.HoldoutExactCopyRate);
    }

    [TestMethod]
    [DataRow(0)]
    [DataRow(2050)]
    [DataRow(5002)]
    public void EveryReferenceRowIsScanned(int row)
    {
        // 5003 reference rows: two blocks of 2048 plus a partial one whose last rows fall outside whole SIMD vectors.
        var training = EvalTables.Linear(5003, seed: 1, withRare: false);
        var copy = new TabularTable(training.Columns.Select<TabularColumn, TabularColumn>(c => c switch
        {
            ContinuousColumn x => new ContinuousColumn(x.Name, x.Type, [x.Values[row]]),
            DiscreteColumn d => new DiscreteColumn(d.Name, d.Type, [d.Codes[row]], d.Categories),
            _ => throw new NotSupportedException(),
        }));
        var privacy = Ml.Gan().Tabular.Evaluate(training.ToDataView(), copy.ToDataView(),
            new TabularEvaluationOptions { RealHoldout = EvalTables.Linear(20, seed: 2).ToDataView() }).Privacy;
        Assert.AreEqual(0.0, privacy.SyntheticDcr.Minimum);
        Assert.AreEqual(1.0, privacy.ExactCopyRate);
    }

    [TestMethod]
    public void RareCategoriesAreReported()
    {
        // "violet" is seen twice in the real training rows (k = 5): each synthetic copy of a row carries it.
        var training = EvalTables.Linear(200, seed: 1);
        var synthetic = EvalTables.Linear(100, seed: 4);
        var report = Ml.Gan().Tabular.Evaluate(training.ToDataView(), synthetic.ToDataView(),
            new TabularEvaluationOptions { RealHoldout = EvalTables.Linear(50, seed: 2, withRare: false).ToDataView(), RareCategoryThreshold = 5 });

        var exposed = report.Privacy.ExposedCategories.Single();
        Assert.AreEqual("Color", exposed.Column);
        Assert.AreEqual("violet", exposed.Category);
        Assert.AreEqual(2, exposed.RealCount);
        Assert.AreEqual(2, exposed.SyntheticCount);
        Assert.AreEqual(2 / 100.0, report.Privacy.RareCategoryExposureRate, 1e-12);

        var none = Ml.Gan().Tabular.Evaluate(training.ToDataView(), synthetic.ToDataView(), new TabularEvaluationOptions { RareCategoryThreshold = 2 });
        Assert.AreEqual(0, none.Privacy.ExposedCategories.Count(e => e.Category == "violet" && e.RealCount == 2));
    }

    [TestMethod]
    public void MissingValuesCountAsMismatchAgainstPresentValues()
    {
        var real = TestTables.Mixed(300, seed: 1);
        var report = Ml.Gan().Tabular.Evaluate(real.ToDataView(), real.ToDataView(), new TabularEvaluationOptions { RealHoldout = real.ToDataView() });
        // Every row, NaN incomes included, is an exact copy of itself at distance 0.
        Assert.AreEqual(1.0, report.Privacy.ExactCopyRate);
        Assert.AreEqual(0.0, report.Privacy.SyntheticDcr.Mean);
        Assert.AreEqual(1.0, report.ColumnShapesScore, 1e-12);
    }

    [TestMethod]
    public void MembershipInferenceGivesACopyingSynthesizerAwayAndNotAnIndependentOne()
    {
        var training = EvalTables.Linear(600, seed: 1);
        var holdout = EvalTables.Linear(600, seed: 2);
        var options = new TabularEvaluationOptions { RealHoldout = holdout.ToDataView() };

        var copiedReport = Ml.Gan().Tabular.Evaluate(training.ToDataView(), training.ToDataView(), options);
        var copied = copiedReport.Privacy.MembershipInference!;
        StringAssert.Contains(copiedReport.ToJson(), "\"AreaUnderRocCurve\"");
        string html = Path.Combine(Path.GetTempPath(), $"mia-{Guid.NewGuid():N}.html");
        try
        {
            copiedReport.SaveHtml(html);
            StringAssert.Contains(File.ReadAllText(html), "Membership inference");
        }
        finally
        {
            File.Delete(html);
        }
        Assert.AreEqual(600, copied.MemberRows);
        Assert.AreEqual(600, copied.NonMemberRows);
        Assert.IsGreaterThan(0.95, copied.AreaUnderRocCurve, "every member is at distance 0 from the copies");
        Assert.IsGreaterThan(0.9, copied.Advantage);

        var fresh = Ml.Gan().Tabular.Evaluate(training.ToDataView(), EvalTables.Linear(600, seed: 3).ToDataView(), options).Privacy.MembershipInference!;
        Assert.AreEqual(0.5, fresh.AreaUnderRocCurve, 0.06, "rows that never saw the training data cannot tell members apart");
        Assert.IsLessThan(0.15, fresh.Advantage);

        var capped = Ml.Gan().Tabular.Evaluate(training.ToDataView(), EvalTables.Linear(600, seed: 3).ToDataView(), new TabularEvaluationOptions
        {
            RealHoldout = holdout.ToDataView(),
            PrivacySampleSize = 300,
        }).Privacy.MembershipInference!;
        Assert.AreEqual(300, capped.MemberRows, "the cap applies to both sides");
        Assert.AreEqual(300, capped.NonMemberRows);
    }

    [TestMethod]
    public void MembershipInferenceNeedsAGivenHoldout()
    {
        var training = EvalTables.Linear(300, seed: 1);
        var report = Ml.Gan().Tabular.Evaluate(training.ToDataView(), EvalTables.Linear(300, seed: 3).ToDataView(), new TabularEvaluationOptions());
        Assert.IsNull(report.Privacy.MembershipInference, "rows split off the real data may have been trained on: they are no non-members");
        StringAssert.Contains(report.ToJson(), "\"SyntheticDcr\"");
    }

    [TestMethod]
    public void SeparationCountsTiesAsHalfAndFindsTheBestThreshold()
    {
        var (auc, advantage) = MembershipInference.Separation([0.1, 0.2, 0.5], [0.3, 0.5, 0.9]);
        // Pairs (member, non-member) won: 0.1 and 0.2 beat all three (6), 0.5 ties 0.5 (0.5) and beats 0.9 (1): 7.5 / 9.
        Assert.AreEqual(7.5 / 9, auc, 1e-12);
        Assert.AreEqual(2.0 / 3, advantage, 1e-12, "threshold 0.2: 2/3 of members, no non-member");
        Assert.AreEqual(0.5, MembershipInference.Separation([1, 1], [1, 1]).Auc, 1e-12);
    }
}
