using Microsoft.ML.Gan.Tabular.Evaluation;

namespace Microsoft.ML.Gan.Tabular.Tests.Evaluation;

[TestClass]
public sealed class ColumnShapeAndPairTests
{
    private static readonly MLContext Ml = new(seed: 1);

    [TestMethod]
    public void IdenticalTablesScoreOne()
    {
        var real = EvalTables.Linear(300, seed: 1);
        var report = Ml.Gan().Tabular.Evaluate(real.ToDataView(), real.ToDataView());

        foreach (var score in report.ColumnShapes)
            Assert.AreEqual(1.0, score.Score, 1e-12, score.Column);
        Assert.AreEqual(6, report.PairTrends.Count);
        foreach (var pair in report.PairTrends)
            Assert.AreEqual(1.0, pair.Score!.Value, 1e-12, $"{pair.Column1}/{pair.Column2}");
        Assert.AreEqual(1.0, report.ColumnShapesScore, 1e-12);
        Assert.AreEqual(1.0, report.PairTrendsScore!.Value, 1e-12);
        Assert.AreEqual(1.0, report.OverallScore, 1e-12);
        Assert.AreEqual("CorrelationSimilarity", report.PairTrends.Single(p => p.Column1 == "X" && p.Column2 == "Y").Metric);
        Assert.AreEqual("ContingencySimilarity", report.PairTrends.Single(p => p.Column1 == "X" && p.Column2 == "Color").Metric);
    }

    [TestMethod]
    public void DisjointSupportsScoreZero()
    {
        double[] a = [.. Enumerable.Range(0, 100).Select(i => i / 100.0)];
        var real = EvalTables.Of(a, a, [.. a.Select((_, i) => i % 2 == 0 ? "p" : "q")]);
        // Other values, opposite correlation, other categories.
        var synthetic = EvalTables.Of([.. a.Select(v => v + 10)], [.. a.Select(v => -v - 10)], [.. a.Select((_, i) => i % 2 == 0 ? "r" : "s")]);
        var report = Ml.Gan().Tabular.Evaluate(real.ToDataView(), synthetic.ToDataView());

        foreach (var score in report.ColumnShapes)
            Assert.AreEqual(0.0, score.Score, 1e-12, score.Column);
        var ab = report.PairTrends.Single(p => p.Column1 == "A" && p.Column2 == "B");
        Assert.AreEqual(1.0, ab.RealCorrelation!.Value, 1e-12);
        Assert.AreEqual(-1.0, ab.SyntheticCorrelation!.Value, 1e-12);
        Assert.AreEqual(0.0, ab.Score!.Value, 1e-12);
        // Mixed pairs: synthetic values fall in the edge bin of the real range and categories differ: disjoint cells.
        foreach (var pair in report.PairTrends.Where(p => p.Metric == "ContingencySimilarity"))
            Assert.AreEqual(0.0, pair.Score!.Value, 1e-12, $"{pair.Column1}/{pair.Column2}");
    }

    [TestMethod]
    public void KnownShiftAndFrequenciesGiveKnownScores()
    {
        // KS of 0..99 against 10..109 is 0.10; TV of 50/50 against 80/20 is 0.30.
        double[] real = [.. Enumerable.Range(0, 100).Select(i => (double)i)];
        double[] shifted = [.. real.Select(v => v + 10)];
        string[] half = [.. real.Select((_, i) => i < 50 ? "a" : "b")];
        string[] skewed = [.. real.Select((_, i) => i < 80 ? "a" : "b")];
        var report = Ml.Gan().Tabular.Evaluate(EvalTables.Of(real, real, half).ToDataView(), EvalTables.Of(shifted, real, skewed).ToDataView());

        Assert.AreEqual(0.90, report.ColumnShapes.Single(s => s.Column == "A").Score, 1e-12);
        Assert.AreEqual(1.00, report.ColumnShapes.Single(s => s.Column == "B").Score, 1e-12);
        Assert.AreEqual(0.70, report.ColumnShapes.Single(s => s.Column == "C").Score, 1e-12);
        Assert.AreEqual("KSComplement", report.ColumnShapes[0].Metric);
        Assert.AreEqual("TVComplement", report.ColumnShapes[2].Metric);
        Assert.AreEqual((0.9 + 1 + 0.7) / 3, report.ColumnShapesScore, 1e-12);
    }

    [TestMethod]
    public void SpearmanIsRankBased()
    {
        // y = x^3 is perfectly monotone: Spearman 1 in both tables; Pearson differs between x^3 and x.
        double[] x = [.. Enumerable.Range(1, 50).Select(i => (double)i)];
        var real = EvalTables.Of(x, [.. x.Select(v => v * v * v)], [.. x.Select(_ => "c")]);
        var synthetic = EvalTables.Of(x, x, [.. x.Select(_ => "c")]);
        var spearman = Ml.Gan().Tabular.Evaluate(real.ToDataView(), synthetic.ToDataView(), new TabularEvaluationOptions { CorrelationMethod = CorrelationMethod.Spearman });
        var pearson = Ml.Gan().Tabular.Evaluate(real.ToDataView(), synthetic.ToDataView());

        Assert.AreEqual(1.0, spearman.PairTrends.Single(p => p.Column2 == "B").Score!.Value, 1e-12);
        Assert.IsLessThan(0.97, pearson.PairTrends.Single(p => p.Column2 == "B").Score!.Value);
    }

    [TestMethod]
    public void MissingColumnIsNamed()
    {
        var real = EvalTables.Linear(50, seed: 1);
        var synthetic = new Microsoft.ML.Gan.Tabular.Data.TabularTable(real.Columns.Where(c => c.Name != "Color"));
        var error = Assert.ThrowsExactly<ArgumentException>(() => Ml.Gan().Tabular.Evaluate(real.ToDataView(), synthetic.ToDataView()));
        StringAssert.Contains(error.Message, "'Color'");
    }

    [TestMethod]
    public void KindMismatchIsNamed()
    {
        var real = EvalTables.Linear(50, seed: 1);
        var x = (Microsoft.ML.Gan.Tabular.Data.ContinuousColumn)real["X"];
        var synthetic = new Microsoft.ML.Gan.Tabular.Data.TabularTable(real.Columns.Select(c => c.Name != "X" ? c
            : new Microsoft.ML.Gan.Tabular.Data.DiscreteColumn("X", Microsoft.ML.Data.TextDataViewType.Instance, new int[x.Length], ["one"])));
        var error = Assert.ThrowsExactly<ArgumentException>(() => Ml.Gan().Tabular.Evaluate(real.ToDataView(), synthetic.ToDataView()));
        StringAssert.Contains(error.Message, "Column 'X' is continuous");
    }

    [TestMethod]
    public void OptionErrorsAreNamed()
    {
        var real = EvalTables.Linear(50, seed: 1);
        var options = new TabularEvaluationOptions { LabelColumn = "Nope" };
        var error = Assert.ThrowsExactly<ArgumentException>(() => Ml.Gan().Tabular.Evaluate(real.ToDataView(), real.ToDataView(), options));
        StringAssert.Contains(error.Message, "'Nope'");

        var bad = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() =>
            Ml.Gan().Tabular.Evaluate(real.ToDataView(), real.ToDataView(), new TabularEvaluationOptions { HoldoutFraction = 1.5 }));
        StringAssert.Contains(bad.Message, "HoldoutFraction");
    }
}
