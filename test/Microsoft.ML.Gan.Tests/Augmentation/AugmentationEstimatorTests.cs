using Microsoft.ML.Data;
using Microsoft.ML.Gan.Augmentation;
using Microsoft.ML.Trainers;

namespace Microsoft.ML.Gan.Tests.Augmentation;

[TestClass]
public sealed class AugmentationEstimatorTests
{
    [TestMethod]
    public void BalancingReturnsTheTrainersOwnTransformerAndScoresLikeIt()
    {
        var mlContext = new MLContext(seed: 1);
        var train = AugmentationData.Binary(mlContext, negatives: 270, positives: 30, seed: 1);
        var test = AugmentationData.Binary(mlContext, negatives: 50, positives: 50, seed: 2);
        var trainer = mlContext.BinaryClassification.Trainers.LbfgsLogisticRegression();

        var plain = trainer.Fit(train);
        var augmentation = mlContext.Gan().Augment(trainer, new JitterSynthesizerFactory<bool>(mlContext));
        var augmented = augmentation.Fit(train);

        Assert.AreEqual(plain.GetType(), augmented.GetType(), "Fit returns the trainer's own transformer type.");
        var scoredPlain = plain.Transform(test);
        var scored = augmented.Transform(test);
        CollectionAssert.AreEqual(Describe(scoredPlain.Schema), Describe(scored.Schema), "same output columns and types");
        Assert.AreEqual(100, mlContext.Data.CreateEnumerable<Prediction>(scored, reuseRowObject: false).Count(), "one scored row per test row");

        var received = AugmentationData.CountLabels(augmentation.LastSummary!.TrainingData);
        Assert.AreEqual(270L, received[false], "real negatives, nothing added");
        Assert.AreEqual(270L, received[true], "30 real positives + 240 synthetic");
        Assert.AreEqual(240L, augmentation.LastSummary.SyntheticRowsAdded);
        var positives = augmentation.LastSummary.Classes.Single(c => Equals(c.Label, true));
        Assert.AreEqual((30L, 240L), (positives.RealRows, positives.SyntheticRows));

        double plainAuc = mlContext.BinaryClassification.Evaluate(scoredPlain).AreaUnderRocCurve;
        var metrics = mlContext.BinaryClassification.Evaluate(scored);
        Assert.IsTrue(metrics.AreaUnderRocCurve > 0.9 && plainAuc > 0.9, $"both models separate the classes (AUC {metrics.AreaUnderRocCurve:F3}, plain {plainAuc:F3})");
        Assert.IsTrue(metrics.PositiveRecall > mlContext.BinaryClassification.Evaluate(scoredPlain).PositiveRecall,
            "balanced training raises recall of the minority class");
    }

    [TestMethod]
    public void BalancingAMulticlassKeyLabelBringsEveryClassToTheMajorityCount()
    {
        var mlContext = new MLContext(seed: 1);
        var train = AugmentationData.Multiclass(mlContext, [120, 30, 10], seed: 3);
        var factory = new JitterSynthesizerFactory<uint>(mlContext);
        var augmentation = mlContext.Gan().Augment(mlContext.MulticlassClassification.Trainers.LbfgsMaximumEntropy(), factory);

        var model = augmentation.Fit(train);

        var received = AugmentationData.CountLabels(augmentation.LastSummary!.TrainingData);
        CollectionAssert.AreEquivalent(new object[] { 1UL, 2UL, 3UL }, received.Keys.ToArray());
        Assert.IsTrue(received.Values.All(n => n == 120), string.Join(", ", received.Select(p => $"{p.Key}: {p.Value}")));
        Assert.AreEqual(90L + 110L, augmentation.LastSummary.SyntheticRowsAdded);
        Assert.IsTrue(factory.Last!.Disposed, "a synthesizer fitted by Fit is disposed when Fit ends");
        Assert.IsInstanceOfType<MulticlassPredictionTransformer<MaximumEntropyModelParameters>>(model);
    }

    [TestMethod]
    public void ClassRatioScalesEachClassAndTheCapScalesTheTotal()
    {
        var mlContext = new MLContext(seed: 1);
        var train = AugmentationData.Binary(mlContext, negatives: 270, positives: 30, seed: 1);
        var options = new GanAugmentationOptions { Strategy = AugmentationStrategy.ClassRatio, Ratio = 0.5 };
        var trainer = mlContext.BinaryClassification.Trainers.LbfgsLogisticRegression();

        var uncapped = mlContext.Gan().Augment(trainer, new JitterSynthesizerFactory<bool>(mlContext), options);
        uncapped.Fit(train);
        options.MaxSyntheticRows = 60;
        var capped = mlContext.Gan().Augment(trainer, new JitterSynthesizerFactory<bool>(mlContext), options);
        capped.Fit(train);

        var before = AugmentationData.CountLabels(uncapped.LastSummary!.TrainingData);
        Assert.AreEqual((270L + 135, 30L + 15), (before[false], before[true]), "half as many again per class");
        var after = AugmentationData.CountLabels(capped.LastSummary!.TrainingData);
        Assert.AreEqual((270L + 54, 30L + 6), (after[false], after[true]), "150 asked, capped at 60: each class × 0.4");
    }

    [TestMethod]
    public void TotalFractionAugmentsARegressionLabelUnconditioned()
    {
        var mlContext = new MLContext(seed: 1);
        var train = AugmentationData.Regression(mlContext, 200, seed: 4);
        var trainer = mlContext.Regression.Trainers.OnlineGradientDescent();
        var augmentation = mlContext.Gan().Augment(trainer, new JitterSynthesizerFactory<float>(mlContext),
            new GanAugmentationOptions { Strategy = AugmentationStrategy.TotalFraction, Fraction = 0.25 });

        var model = augmentation.Fit(train);

        Assert.AreEqual(250L, augmentation.LastSummary!.TrainingData.GetRowCount());
        Assert.AreEqual(0, augmentation.LastSummary.Classes.Count, "a continuous label has no classes");
        var metrics = mlContext.Regression.Evaluate(model.Transform(AugmentationData.Regression(mlContext, 100, seed: 5)));
        Assert.IsTrue(metrics.RSquared > 0.9, $"the regression still fits y = x0 + 2 x1 (R² {metrics.RSquared:F3})");
    }

    [TestMethod]
    public void WorksInsideAnEstimatorChainAndSavesLikeThePlainModel()
    {
        var mlContext = new MLContext(seed: 1);
        var train = AugmentationData.Binary(mlContext, negatives: 200, positives: 20, seed: 1);
        var test = AugmentationData.Binary(mlContext, negatives: 20, positives: 20, seed: 2);
        var pipeline = mlContext.Transforms.NormalizeMinMax("Features")
            .Append(mlContext.Gan().Augment(mlContext.BinaryClassification.Trainers.LbfgsLogisticRegression(), new JitterSynthesizerFactory<bool>(mlContext)));

        var outputShape = pipeline.GetOutputSchema(SchemaShapes.Of(train.Schema));
        var model = pipeline.Fit(train);

        Assert.IsTrue(outputShape.Any(c => c.Name == "PredictedLabel"), "the chain's output schema comes from the trainer");
        string path = Path.Combine(Path.GetTempPath(), $"augmented-{Guid.NewGuid():N}.zip");
        try
        {
            mlContext.Model.Save(model, train.Schema, path);
            var loaded = mlContext.Model.Load(path, out _);
            var expected = mlContext.Data.CreateEnumerable<Prediction>(model.Transform(test), reuseRowObject: false).Select(p => p.Probability).ToArray();
            var actual = mlContext.Data.CreateEnumerable<Prediction>(loaded.Transform(test), reuseRowObject: false).Select(p => p.Probability).ToArray();
            CollectionAssert.AreEqual(expected, actual, "a saved augmented model scores exactly as before saving");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public void AFittedSynthesizerIsReusedAndNotDisposed()
    {
        var mlContext = new MLContext(seed: 1);
        var train = AugmentationData.Binary(mlContext, negatives: 100, positives: 20, seed: 1);
        using var synthesizer = new JitterSynthesizer<bool>(mlContext, train, "Label");
        var trainer = mlContext.BinaryClassification.Trainers.LbfgsLogisticRegression();

        var first = mlContext.Gan().Augment(trainer, synthesizer, new GanAugmentationOptions { Seed = 5 });
        var second = mlContext.Gan().Augment(mlContext.BinaryClassification.Trainers.SdcaLogisticRegression(), synthesizer, new GanAugmentationOptions { Seed = 5 });
        first.Fit(train);
        second.Fit(train);

        Assert.IsFalse(synthesizer.Disposed, "the caller's synthesizer stays alive");
        Assert.AreEqual(100L, AugmentationData.CountLabels(second.LastSummary!.TrainingData)[true]);
        var a = mlContext.Data.CreateEnumerable<FeatureRow<bool>>(first.LastSummary!.TrainingData, reuseRowObject: false).Skip(120).SelectMany(r => r.Features).ToArray();
        var b = mlContext.Data.CreateEnumerable<FeatureRow<bool>>(second.LastSummary.TrainingData, reuseRowObject: false).Skip(120).SelectMany(r => r.Features).ToArray();
        CollectionAssert.AreEqual(a, b, "same synthesizer and seed give the same synthetic rows");
    }

    [TestMethod]
    public void TheQualityFilterKeepsOnlyRowsTheFirstPassModelBelieves()
    {
        var mlContext = new MLContext(seed: 1);
        var train = AugmentationData.Multiclass(mlContext, [120, 40, 20], seed: 6);
        const double threshold = 0.8;
        var trainer = mlContext.MulticlassClassification.Trainers.LbfgsMaximumEntropy();
        var augmentation = mlContext.Gan().Augment(trainer, new JitterSynthesizerFactory<uint>(mlContext),
            new GanAugmentationOptions { QualityThreshold = threshold, FilterRounds = 1 });

        augmentation.Fit(train);

        var summary = augmentation.LastSummary!;
        Assert.AreEqual(80L + 100L, summary.SyntheticRowsGenerated, "one round asks for the balancing count");
        Assert.IsTrue(summary.SyntheticRowsRejected > 0, "overlapping classes: some synthetic rows are ambiguous");
        Assert.IsTrue(summary.SyntheticRowsAdded > 0);
        var firstPass = trainer.Fit(train);
        var synthetic = mlContext.Data.SkipRows(summary.TrainingData, 180);
        var scores = mlContext.Data.CreateEnumerable<KeyPrediction>(firstPass.Transform(synthetic), reuseRowObject: false).ToArray();
        Assert.AreEqual(summary.SyntheticRowsAdded, scores.Length);
        Assert.IsTrue(scores.All(s => s.Score[s.Label - 1] >= threshold), "every kept row has its label's probability ≥ the threshold");
    }

    [TestMethod]
    public void BadCombinationsFailWithClearMessages()
    {
        var mlContext = new MLContext(seed: 1);
        var binary = AugmentationData.Binary(mlContext, negatives: 50, positives: 10, seed: 1);
        var regression = AugmentationData.Regression(mlContext, 50, seed: 1);
        var factory = new JitterSynthesizerFactory<float>(mlContext);

        var missing = mlContext.Gan().Augment(mlContext.BinaryClassification.Trainers.LbfgsLogisticRegression(), factory,
            new GanAugmentationOptions { LabelColumnName = "Outcome" });
        var e = Assert.ThrowsExactly<ArgumentException>(() => missing.Fit(binary));
        StringAssert.Contains(e.Message, "'Outcome' is not in the input");
        Assert.ThrowsExactly<ArgumentException>(() => missing.GetOutputSchema(SchemaShapes.Of(binary.Schema)));

        var balanceRegression = mlContext.Gan().Augment(mlContext.Regression.Trainers.Sdca(), factory);
        e = Assert.ThrowsExactly<ArgumentException>(() => balanceRegression.Fit(regression));
        StringAssert.Contains(e.Message, "continuous (regression) target");
        StringAssert.Contains(e.Message, "TotalFraction");
        Assert.ThrowsExactly<ArgumentException>(() => balanceRegression.GetOutputSchema(SchemaShapes.Of(regression.Schema)));
        var filteredRegression = mlContext.Gan().Augment(mlContext.Regression.Trainers.Sdca(), factory,
            new GanAugmentationOptions { Strategy = AugmentationStrategy.TotalFraction, QualityThreshold = 0.5 });
        e = Assert.ThrowsExactly<ArgumentException>(() => filteredRegression.Fit(regression));
        StringAssert.Contains(e.Message, "QualityThreshold needs a Boolean or key label");
        Assert.AreEqual(0, factory.Fits, "validation happens before any synthesizer is fitted");

        var ratio = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => mlContext.Gan().Augment(mlContext.Regression.Trainers.Sdca(), factory,
            new GanAugmentationOptions { Strategy = AugmentationStrategy.ClassRatio, Ratio = -1 }));
        Assert.AreEqual(nameof(GanAugmentationOptions.Ratio), ratio.ParamName);

        using var narrow = new JitterSynthesizer<bool>(mlContext, binary, "Label");
        var wider = mlContext.Transforms.CopyColumns("Extra", "Features").Fit(binary).Transform(binary);
        e = Assert.ThrowsExactly<ArgumentException>(() => mlContext.Gan().Augment(mlContext.BinaryClassification.Trainers.LbfgsLogisticRegression(), narrow).Fit(wider));
        StringAssert.Contains(e.Message, "does not generate column 'Extra'");
    }

    private static string[] Describe(DataViewSchema schema) => [.. schema.Where(c => !c.IsHidden).Select(c => $"{c.Name}:{c.Type}")];

    private sealed class Prediction
    {
        public bool PredictedLabel { get; set; }

        public float Probability { get; set; }
    }

    private sealed class KeyPrediction
    {
        [KeyType(3)]
        public uint Label { get; set; }

        public float[] Score { get; set; } = [];
    }
}
