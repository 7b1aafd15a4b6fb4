using Microsoft.ML.Gan.Tabular.Ctgan;
using Microsoft.ML.Gan.Tabular.Data;
using Microsoft.ML.Gan.Tabular.Tests.Ctgan;
using Microsoft.ML.Gan.Tabular.Tvae;

namespace Microsoft.ML.Gan.Tabular.Tests.Tvae;

/// <summary>
/// Target-aware TVAE (<see cref="TvaeOptions.LabelColumn"/>) on the threshold table (Label = X &gt; 0.5): a categorical
/// label conditions the decoder, so sampling on it works and its rows follow the label; save/load keeps it.
/// </summary>
[TestClass]
public sealed class TvaeLabelColumnTests
{
    private static readonly Lazy<(MLContext Context, CtganModel Plain, CtganModel Labelled)> Trained = new(() =>
    {
        var mlContext = new MLContext(seed: 1);
        var data = ThresholdTestData.Create(mlContext, rows: 1000, seed: 3);
        var plain = mlContext.Gan().Tabular.Tvae(Options(label: null)).Fit(data);
        var labelled = mlContext.Gan().Tabular.Tvae(Options(label: "Label")).Fit(data);
        return (mlContext, plain, labelled);
    });

    [TestMethod]
    public void LabelRaisesAgreementAndKeepsTheLabelsSplit()
    {
        var (_, plain, labelled) = Trained.Value;
        var (plainAgreement, _) = ThresholdTestData.Agreement(plain.SampleTable(2000, seed: 5));
        var (agreement, high) = ThresholdTestData.Agreement(labelled.SampleTable(2000, seed: 5));
        Console.WriteLine($"label agrees with X > 0.5: plain TVAE {plainAgreement:F3}, with LabelColumn {agreement:F3}; share of 'high' {high:F3}");
        Assert.IsGreaterThan(plainAgreement, agreement, $"plain {plainAgreement:F3}, target-aware {agreement:F3}");
        Assert.IsGreaterThan(0.85, agreement);
        Assert.IsTrue(high is > 0.4 and < 0.6, $"share of 'high' {high:F3}: the labels should keep the real rows' even split");
    }

    [TestMethod]
    public void SamplingOnTheLabelGivesRowsOfThatLabel()
    {
        var model = Trained.Value.Labelled;
        foreach (string label in new[] { "high", "low" })
        {
            var rows = model.SampleTable(1000, seed: 6, condition: new SampleCondition("Label", label));
            var labels = (DiscreteColumn)rows["Label"];
            Assert.IsTrue(Enumerable.Range(0, rows.RowCount).All(r => labels.Categories[labels.Codes[r]].ToString() == label), $"every row is '{label}'");
            double fits = ((ContinuousColumn)rows["X"]).Values.ToArray().Count(x => (x > 0.5) == (label == "high")) / (double)rows.RowCount;
            Assert.IsGreaterThan(0.85, fits, $"rows conditioned on '{label}': {fits:P1} have X on the label's side of 0.5");
        }
    }

    [TestMethod]
    public void OtherConditionsAreRefusedNamingTheLabel()
    {
        var (_, plain, labelled) = Trained.Value;
        var refused = Assert.ThrowsExactly<NotSupportedException>(() => labelled.SampleTable(10, condition: new SampleCondition("Kind", "a")));
        StringAssert.Contains(refused.Message, "'Label' only");
        Assert.ThrowsExactly<NotSupportedException>(() => plain.SampleTable(10, condition: new SampleCondition("Label", "high")));
    }

    [TestMethod]
    public void SaveAndLoadKeepTheLabelledDecoder()
    {
        var (mlContext, _, model) = Trained.Value;
        string path = Path.Combine(Path.GetTempPath(), $"tvae-label-{Guid.NewGuid():N}.zip");
        try
        {
            mlContext.Model.Save(model, null, path);
            using var loaded = CtganModel.Load(mlContext, path);
            foreach (var condition in new SampleCondition?[] { null, new SampleCondition("Label", "low") })
            {
                var expected = model.SampleTable(300, seed: 8, condition: condition);
                var actual = loaded.SampleTable(300, seed: 8, condition: condition);
                CollectionAssert.AreEqual(((ContinuousColumn)expected["X"]).Values.ToArray(), ((ContinuousColumn)actual["X"]).Values.ToArray());
                CollectionAssert.AreEqual(((DiscreteColumn)expected["Label"]).Codes.ToArray(), ((DiscreteColumn)actual["Label"]).Codes.ToArray());
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public void ContinuousLabelSteersWithoutConditioningAndBadLabelsAreNamed()
    {
        var mlContext = new MLContext(seed: 1);
        var data = ThresholdTestData.Create(mlContext, rows: 400, seed: 4, withScore: true);
        var options = Options(label: "Score");
        options.Epochs = 2;
        using var model = mlContext.Gan().Tabular.Tvae(options).Fit(data);
        Assert.AreEqual(50, model.SampleTable(50, seed: 1).RowCount);
        Assert.ThrowsExactly<NotSupportedException>(() => model.SampleTable(10, condition: new SampleCondition("Label", "high")));

        var missing = Assert.ThrowsExactly<ArgumentException>(() => mlContext.Gan().Tabular.Tvae(Options(label: "Nope")).Fit(data));
        StringAssert.Contains(missing.Message, "'Nope'");
        var ignored = Options(label: "Kind");
        ignored.IgnoreColumns = ["Kind"];
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => mlContext.Gan().Tabular.Tvae(ignored).Fit(data)).Message, "'Kind'");
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => mlContext.Gan().Tabular.Tvae(Options(label: " "))).Message, "LabelColumn");
    }

    private static TvaeOptions Options(string? label) => new()
    {
        Epochs = 40,
        BatchSize = 200,
        Threads = 1,
        Seed = 7,
        LabelColumn = label,
    };
}
