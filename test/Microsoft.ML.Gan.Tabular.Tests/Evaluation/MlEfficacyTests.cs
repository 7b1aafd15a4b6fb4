using Microsoft.ML.Data;
using Microsoft.ML.Gan.Tabular.Data;
using Microsoft.ML.Gan.Tabular.Evaluation;

namespace Microsoft.ML.Gan.Tabular.Tests.Evaluation;

[TestClass]
public sealed class MlEfficacyTests
{
    private static readonly MLContext Ml = new(seed: 1);

    [TestMethod]
    public void SyntheticEqualToRealGivesTstrEqualToTrtr()
    {
        var training = EvalTables.Linear(400, seed: 1);
        var holdout = EvalTables.Linear(200, seed: 2);
        var options = new TabularEvaluationOptions { RealHoldout = holdout.ToDataView(), LabelColumn = "Label", NumberOfTrees = 20 };
        var report = Ml.Gan().Tabular.Evaluate(training.ToDataView(), training.ToDataView(), options);

        var efficacy = report.MlEfficacy!;
        Assert.AreEqual(MlEfficacyTask.BinaryClassification, efficacy.Task);
        Assert.AreEqual(400, efficacy.RealTrainingRows);
        Assert.AreEqual(400, efficacy.SyntheticTrainingRows);
        Assert.AreEqual(200, efficacy.TestRows);
        CollectionAssert.AreEqual(new[] { "FastTreeBinary", "LbfgsLogisticRegression" }, efficacy.Trainers.Select(t => t.Trainer).ToArray());
        foreach (var trainer in efficacy.Trainers)
        {
            var (trtr, tstr) = (trainer.TrainRealTestReal, trainer.TrainSyntheticTestReal);
            Assert.IsNull(trtr.Error, trtr.Error);
            Assert.IsGreaterThan(0.85, trtr.Accuracy!.Value, trainer.Trainer);
            Assert.IsGreaterThan(0.9, trtr.AreaUnderRocCurve!.Value, trainer.Trainer);
            Assert.AreEqual(trtr.Accuracy!.Value, tstr.Accuracy!.Value, 1e-9, trainer.Trainer);
            Assert.AreEqual(trtr.F1Score!.Value, tstr.F1Score!.Value, 1e-9, trainer.Trainer);
            Assert.AreEqual(trtr.AreaUnderRocCurve!.Value, tstr.AreaUnderRocCurve!.Value, 1e-9, trainer.Trainer);
            // Macro-F1 averages the positive class's F1 with the negative class's, so it lies near the accuracy here.
            Assert.AreEqual(trtr.Accuracy!.Value, trtr.MacroF1!.Value, 0.1, trainer.Trainer);
            Assert.AreEqual(trtr.MacroF1!.Value, tstr.MacroF1!.Value, 1e-9, trainer.Trainer);
        }
    }

    [TestMethod]
    public void SyntheticWithoutSignalScoresBelowReal()
    {
        var training = EvalTables.Linear(400, seed: 1);
        var holdout = EvalTables.Linear(200, seed: 2);
        var options = new TabularEvaluationOptions { RealHoldout = holdout.ToDataView(), LabelColumn = "Label", NumberOfTrees = 20 };
        var report = Ml.Gan().Tabular.Evaluate(training.ToDataView(), EvalTables.ShuffleLabel(training, seed: 3).ToDataView(), options);

        foreach (var trainer in report.MlEfficacy!.Trainers)
        {
            Assert.IsLessThan(trainer.TrainRealTestReal.AreaUnderRocCurve!.Value - 0.2, trainer.TrainSyntheticTestReal.AreaUnderRocCurve!.Value, trainer.Trainer);
            Assert.IsLessThan(trainer.TrainRealTestReal.MacroF1!.Value - 0.15, trainer.TrainSyntheticTestReal.MacroF1!.Value, trainer.Trainer);
        }
    }

    [TestMethod]
    public void MulticlassAndRegressionRun()
    {
        var training = EvalTables.Linear(300, seed: 1);
        var holdout = EvalTables.Linear(150, seed: 2);
        var multiclass = Ml.Gan().Tabular.Evaluate(training.ToDataView(), training.ToDataView(),
            new TabularEvaluationOptions { RealHoldout = holdout.ToDataView(), LabelColumn = "Color", NumberOfTrees = 10 }).MlEfficacy!;
        Assert.AreEqual(MlEfficacyTask.MulticlassClassification, multiclass.Task);
        foreach (var trainer in multiclass.Trainers)
        {
            Assert.IsNull(trainer.TrainSyntheticTestReal.Error, trainer.TrainSyntheticTestReal.Error);
            Assert.AreEqual(trainer.TrainRealTestReal.MacroAccuracy!.Value, trainer.TrainSyntheticTestReal.MacroAccuracy!.Value, 1e-9);
            Assert.IsTrue(trainer.TrainRealTestReal.MacroF1 is > 0 and <= 1, $"{trainer.Trainer}: {trainer.TrainRealTestReal.MacroF1}");
        }

        var regression = Ml.Gan().Tabular.Evaluate(training.ToDataView(), training.ToDataView(),
            new TabularEvaluationOptions { RealHoldout = holdout.ToDataView(), LabelColumn = "Y", NumberOfTrees = 10 }).MlEfficacy!;
        Assert.AreEqual(MlEfficacyTask.Regression, regression.Task);
        foreach (var trainer in regression.Trainers)
        {
            Assert.IsGreaterThan(0.8, trainer.TrainRealTestReal.RSquared!.Value, trainer.Trainer);
            Assert.AreEqual(trainer.TrainRealTestReal.RSquared!.Value, trainer.TrainSyntheticTestReal.RSquared!.Value, 1e-9);
        }
    }

    /// <summary>
    /// Every test row counts in the multiclass scores, the last class included: here class "c" looks exactly like "a",
    /// so a right score confuses them (accuracy near 2/3); dropping "c"'s rows would make both tasks look near perfect.
    /// </summary>
    [TestMethod]
    public void MulticlassScoresCountEveryClass()
    {
        IDataView Table(int rows, int seed)
        {
            var random = new Random(seed);
            var items = Enumerable.Range(0, rows).Select(r =>
            {
                string label = (r % 3) switch { 0 => "a", 1 => "b", _ => "c" };
                float x = (label == "b" ? 5f : 0f) + (float)random.NextDouble();
                return new LabeledPoint { X = x, Class = label };
            }).ToList();
            return Ml.Data.LoadFromEnumerable(items);
        }
        var real = Table(600, seed: 1);
        var efficacy = Ml.Gan().Tabular.Evaluate(real, real,
            new TabularEvaluationOptions { RealHoldout = Table(300, seed: 2), LabelColumn = "Class", NumberOfTrees = 10 }).MlEfficacy!;
        Assert.AreEqual(MlEfficacyTask.MulticlassClassification, efficacy.Task);
        foreach (var trainer in efficacy.Trainers)
        {
            double accuracy = trainer.TrainRealTestReal.MicroAccuracy!.Value;
            Assert.IsTrue(accuracy is > 0.5 and < 0.8, $"{trainer.Trainer}: micro-accuracy {accuracy} (a and c are indistinguishable)");
        }
    }

    private sealed class LabeledPoint
    {
        public float X { get; set; }

        public string Class { get; set; } = "";
    }

    [TestMethod]
    public void PositiveClassAndTaskAreChecked()
    {
        var table = EvalTables.Linear(100, seed: 1);
        var wrongClass = Assert.ThrowsExactly<ArgumentException>(() => Ml.Gan().Tabular.Evaluate(table.ToDataView(), table.ToDataView(),
            new TabularEvaluationOptions { LabelColumn = "Label", PositiveClass = "maybe" }));
        StringAssert.Contains(wrongClass.Message, "'maybe'");
        var wrongTask = Assert.ThrowsExactly<ArgumentException>(() => Ml.Gan().Tabular.Evaluate(table.ToDataView(), table.ToDataView(),
            new TabularEvaluationOptions { LabelColumn = "Color", Task = MlEfficacyTask.BinaryClassification }));
        StringAssert.Contains(wrongTask.Message, "'Color'");

        var report = Ml.Gan().Tabular.Evaluate(table.ToDataView(), table.ToDataView(),
            new TabularEvaluationOptions { LabelColumn = "Label", PositiveClass = "no", NumberOfTrees = 5 });
        Assert.AreEqual("no", report.MlEfficacy!.PositiveClass);
    }

    [TestMethod]
    public void SingleClassSyntheticIsReportedNotThrown()
    {
        var training = EvalTables.Linear(200, seed: 1);
        var label = (DiscreteColumn)training["Label"];
        var oneClass = new TabularTable(training.Columns.Select(c => c.Name == "Label"
            ? new DiscreteColumn("Label", label.Type, new int[label.Length], label.Categories)
            : c));
        var report = Ml.Gan().Tabular.Evaluate(training.ToDataView(), oneClass.ToDataView(),
            new TabularEvaluationOptions { LabelColumn = "Label", NumberOfTrees = 5 });
        // Either a trainer refuses the single class (an error message) or its model is no better than chance.
        foreach (var trainer in report.MlEfficacy!.Trainers)
        {
            var tstr = trainer.TrainSyntheticTestReal;
            Assert.IsTrue(tstr.Error is not null || tstr.AreaUnderRocCurve <= 0.6, $"{trainer.Trainer}: {tstr.AreaUnderRocCurve}");
        }
    }
}
