using Microsoft.ML.Data;
using Microsoft.ML.Gan.Augmentation;
using Microsoft.ML.Gan.Tabular.Ctgan;
using Microsoft.ML.Gan.Tabular.Tests.Ctgan;

namespace Microsoft.ML.Gan.Tabular.Tests.Augmentation;

[TestClass]
public sealed class CtganAugmentationTests
{
    [TestMethod]
    public void CtganBalancesABooleanLabelAndTheChainScoresLikeThePlainOne()
    {
        var mlContext = new MLContext(seed: 1);
        var train = CtganTestData.Create(mlContext, 600, seed: 3);
        var test = CtganTestData.Create(mlContext, 100, seed: 4);
        var pipeline = Featurize(mlContext, "Kind", "Region")
            .Append(mlContext.BinaryClassification.Trainers.LbfgsLogisticRegression(labelColumnName: "Flag"));

        var plain = pipeline.Fit(train);
        var augmentation = mlContext.Gan().Augment(pipeline, CtganTestData.QuickOptions(epochs: 3),
            new GanAugmentationOptions { LabelColumnName = "Flag" });
        var model = augmentation.Fit(train);

        Assert.AreEqual(plain.GetType(), model.GetType(), "Fit returns the wrapped chain's own transformer type");
        CollectionAssert.AreEqual(Describe(plain.Transform(test).Schema), Describe(model.Transform(test).Schema));
        Assert.AreEqual(100, model.Transform(test).GetColumn<bool>("PredictedLabel").Count());
        var received = Count<bool>(augmentation.LastSummary!.TrainingData, "Flag");
        long real = Count<bool>(train, "Flag")[false];
        Assert.AreEqual(real, received[false], "the majority class gets no synthetic rows");
        Assert.AreEqual(real, received[true], "CTGAN rows conditioned on Flag = true fill the minority class");
        Assert.AreEqual(600L, augmentation.LastSummary.RealRows);
    }

    [TestMethod]
    public void AFittedCtganBalancesAKeyLabelInsideAnEstimatorChain()
    {
        var mlContext = new MLContext(seed: 1);
        var train = CtganTestData.Create(mlContext, 800, seed: 3);
        var keyed = mlContext.Transforms.Conversion.MapValueToKey("Kind").Fit(train).Transform(train);
        using var ctgan = mlContext.Gan().Tabular.Ctgan(CtganTestData.QuickOptions(epochs: 3)).Fit(keyed);
        var inner = Featurize(mlContext, "Region").Append(mlContext.MulticlassClassification.Trainers.LbfgsMaximumEntropy(labelColumnName: "Kind"));
        var augmentation = mlContext.Gan().Augment(inner, ctgan, new GanAugmentationOptions { LabelColumnName = "Kind", Seed = 3 });
        var chain = mlContext.Transforms.Conversion.MapValueToKey("Kind").Append(augmentation);

        var model = chain.Fit(train);

        var received = Count<uint>(augmentation.LastSummary!.TrainingData, "Kind");
        long majority = Count<uint>(keyed, "Kind").Values.Max();
        Assert.AreEqual(4, received.Count);
        Assert.IsTrue(received.Values.All(n => n == majority), string.Join(", ", received.Select(p => $"{p.Key}: {p.Value}")));
        Assert.AreEqual(800, model.Transform(train).GetColumn<uint>("PredictedLabel").Count());
        Assert.AreEqual(5, ctgan.Sample(5, seed: 1).GetColumn<double>("Amount").Count(), "the caller's model is not disposed");
    }

    [TestMethod]
    public void NumericClassLabelsMustBeDiscreteForCtgan()
    {
        var mlContext = new MLContext(seed: 1);
        var train = CtganTestData.Create(mlContext, 100, seed: 3);
        var trainer = mlContext.MulticlassClassification.Trainers.LbfgsMaximumEntropy(labelColumnName: "Count");
        var options = new GanAugmentationOptions { LabelColumnName = "Count", LabelKind = AugmentationLabelKind.Categorical };

        var e = Assert.ThrowsExactly<ArgumentException>(() => mlContext.Gan().Augment(trainer, CtganTestData.QuickOptions(1), options).Fit(train));
        StringAssert.Contains(e.Message, "add it to CtganOptions.DiscreteColumns");
        var ignored = CtganTestData.QuickOptions(1);
        ignored.IgnoreColumns = ["Flag"];
        e = Assert.ThrowsExactly<ArgumentException>(() => mlContext.Gan().Augment(trainer, ignored, new GanAugmentationOptions { LabelColumnName = "Flag" }).Fit(train));
        StringAssert.Contains(e.Message, "IgnoreColumns lists the label column 'Flag'");
    }

    /// <summary>Amount and Count as Single, the text columns one-hot, all concatenated into Features.</summary>
    private static IEstimator<ITransformer> Featurize(MLContext mlContext, params string[] textColumns) =>
        mlContext.Transforms.Conversion.ConvertType([new("AmountF", "Amount"), new("CountF", "Count")], DataKind.Single)
            .Append(mlContext.Transforms.Categorical.OneHotEncoding([.. textColumns.Select(c => new InputOutputColumnPair(c))]))
            .Append(mlContext.Transforms.Concatenate("Features", ["AmountF", "CountF", .. textColumns]));

    private static Dictionary<T, long> Count<T>(IDataView data, string column) where T : notnull =>
        data.GetColumn<T>(column).GroupBy(v => v).ToDictionary(g => g.Key, g => g.LongCount());

    private static string[] Describe(DataViewSchema schema) => [.. schema.Where(c => !c.IsHidden).Select(c => $"{c.Name}:{c.Type}")];
}
