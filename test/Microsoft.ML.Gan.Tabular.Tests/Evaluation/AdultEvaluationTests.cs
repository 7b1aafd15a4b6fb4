using Microsoft.ML.Gan.Tabular.Evaluation;
using Microsoft.ML.Gan.Tabular.Tests.Data;

namespace Microsoft.ML.Gan.Tabular.Tests.Evaluation;

[TestClass]
public sealed class AdultEvaluationTests
{
    /// <summary>
    /// Unseen real rows are the ideal "synthetic" data: every score is high, TSTR matches TRTR, and their distances to
    /// the training rows look like the holdout's.
    /// </summary>
    [TestMethod]
    public void RealRowsScoreAsIdealSyntheticRows()
    {
        var ml = new MLContext(seed: 1);
        var adult = AdultData.Load(ml);
        var split = ml.Data.TrainTestSplit(adult, testFraction: 0.3, seed: 1);
        var realSplit = ml.Data.TrainTestSplit(split.TrainSet, testFraction: 0.3, seed: 2);
        var report = ml.Gan().Tabular.Evaluate(realSplit.TrainSet, split.TestSet,
            new TabularEvaluationOptions { RealHoldout = realSplit.TestSet, LabelColumn = "income", NumberOfTrees = 30, PrivacySampleSize = 1000 });

        Assert.IsGreaterThan(0.97, report.ColumnShapesScore);
        Assert.IsGreaterThan(0.95, report.PairTrendsScore!.Value);
        foreach (var trainer in report.MlEfficacy!.Trainers)
            Assert.AreEqual(trainer.TrainRealTestReal.AreaUnderRocCurve!.Value, trainer.TrainSyntheticTestReal.AreaUnderRocCurve!.Value, 0.02, trainer.Trainer);
        Assert.AreEqual(report.Privacy.HoldoutDcr.Median, report.Privacy.SyntheticDcr.Median, 0.2 * report.Privacy.HoldoutDcr.Median);
        Assert.IsLessThan(0.1, report.Privacy.SyntheticShareBelowHoldoutPercentile5);
        Assert.IsLessThan(0.01, report.Privacy.ExactCopyRate);
    }
}
