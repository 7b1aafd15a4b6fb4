using Microsoft.ML.Data;
using Microsoft.ML.Gan.Augmentation;
using Microsoft.ML.Gan.Tabular.GaussianCopula;
using Microsoft.ML.Gan.Tabular.TabDdpm;
using Microsoft.ML.Gan.Tabular.Tests.Ctgan;

namespace Microsoft.ML.Gan.Tabular.Tests.Augmentation;

/// <summary>Augmentation with the other tabular families through <c>Augment(pipeline, mlContext.Gan().Tabular.X(...))</c>.</summary>
[TestClass]
public sealed class TabularFamilyAugmentationTests
{
    private static readonly string[] Regions = ["north", "south", "east", "west"];

    [TestMethod]
    public void TabDdpmBalancedRowsCarryTheAskedLabelAndTheChainKeepsItsSchema()
    {
        var mlContext = new MLContext(seed: 1);
        var train = CtganTestData.Create(mlContext, 600, seed: 3);
        var test = CtganTestData.Create(mlContext, 100, seed: 4);
        var pipeline = Featurize(mlContext).Append(mlContext.BinaryClassification.Trainers.LbfgsLogisticRegression(labelColumnName: "Flag"));
        var tabDdpm = mlContext.Gan().Tabular.TabDdpm(new TabDdpmOptions
        {
            Steps = 60, BatchSize = 200, HiddenLayers = [64, 64], TimeEmbeddingDimension = 16, Timesteps = 50, SamplingSteps = 10,
            LabelColumn = "Flag", Threads = 1, Seed = 7,
        });

        var plain = pipeline.Fit(train);
        var augmentation = mlContext.Gan().Augment(pipeline, tabDdpm, new GanAugmentationOptions { LabelColumnName = "Flag", Seed = 2 });
        var model = augmentation.Fit(train);

        Assert.AreEqual(plain.GetType(), model.GetType(), "Fit returns the wrapped chain's own transformer type");
        CollectionAssert.AreEqual(Describe(plain.Transform(test).Schema), Describe(model.Transform(test).Schema));
        var summary = augmentation.LastSummary!;
        CollectionAssert.AreEqual(Describe(train.Schema), Describe(summary.TrainingData.Schema), "synthetic rows have the input's columns and types");
        long realTrue = train.GetColumn<bool>("Flag").Count(f => f);
        long realFalse = 600 - realTrue;
        var synthetic = Synthetic(summary);
        Assert.AreEqual(realFalse - realTrue, synthetic.Length, "the minority class is filled up to the majority's count");
        Assert.IsTrue(synthetic.All(r => r.Flag), "every TabDDPM row carries the asked label Flag = true");
        Assert.IsTrue(synthetic.All(r => Regions.Contains(r.Region) && CtganTestData.Kinds.Contains(r.Kind) && double.IsFinite(r.Amount)),
            "the rows hold the training categories and finite amounts");
    }

    [TestMethod]
    public void GaussianCopulaRowsUnderACapKeepTheLabelAndTheTablesDependence()
    {
        var mlContext = new MLContext(seed: 1);
        var train = CtganTestData.Create(mlContext, 1000, seed: 3);
        var pipeline = Featurize(mlContext).Append(mlContext.BinaryClassification.Trainers.LbfgsLogisticRegression(labelColumnName: "Flag"));
        var copula = mlContext.Gan().Tabular.GaussianCopula(new GaussianCopulaOptions { Seed = 7 });

        var augmentation = mlContext.Gan().Augment(pipeline, copula,
            new GanAugmentationOptions { LabelColumnName = "Flag", MaxSyntheticRows = 150, Seed = 2 });
        augmentation.Fit(train);

        var synthetic = Synthetic(augmentation.LastSummary!);
        Assert.AreEqual(150, synthetic.Length, "the cap limits the synthetic rows");
        Assert.IsTrue(synthetic.All(r => r.Flag), "every copula row carries the asked label Flag = true");
        double highModeShare = synthetic.Count(r => (r.Region is "east" or "west") == (r.Amount > 5)) / (double)synthetic.Length;
        // Independent columns would agree half the time; the copula keeps the rank correlation of Region's frequency
        // intervals with Amount, not the exact rule, so well above one half but not all.
        Assert.IsTrue(highModeShare > 0.6, $"Region still tells Amount's mode in the synthetic rows ({highModeShare:P0} agree, 50 % if independent)");
    }

    [TestMethod]
    public void ALabelTheFamilyCannotConditionOnIsRefusedNamingItsOptions()
    {
        var mlContext = new MLContext(seed: 1);
        var train = CtganTestData.Create(mlContext, 100, seed: 3);
        var trainer = mlContext.MulticlassClassification.Trainers.LbfgsMaximumEntropy(labelColumnName: "Count");
        var countAsClasses = new GanAugmentationOptions { LabelColumnName = "Count", LabelKind = AugmentationLabelKind.Categorical };

        var e = Assert.ThrowsExactly<ArgumentException>(
            () => mlContext.Gan().Augment(trainer, mlContext.Gan().Tabular.GaussianCopula(), countAsClasses).Fit(train));
        StringAssert.Contains(e.Message, "Gaussian copula models numeric columns as continuous; add it to GaussianCopulaOptions.DiscreteColumns");
        var ignoresFlag = mlContext.Gan().Tabular.TabDdpm(new TabDdpmOptions { IgnoreColumns = ["Flag"], Steps = 1 });
        e = Assert.ThrowsExactly<ArgumentException>(
            () => mlContext.Gan().Augment(trainer, ignoresFlag, new GanAugmentationOptions { LabelColumnName = "Flag" }).Fit(train));
        StringAssert.Contains(e.Message, "TabDdpmOptions.IgnoreColumns lists the label column 'Flag'; TabDDPM must learn the label");
    }

    /// <summary>Amount and Count as Single, Kind and Region one-hot, all concatenated into Features.</summary>
    private static IEstimator<ITransformer> Featurize(MLContext mlContext) =>
        mlContext.Transforms.Conversion.ConvertType([new("AmountF", "Amount"), new("CountF", "Count")], DataKind.Single)
            .Append(mlContext.Transforms.Categorical.OneHotEncoding([new("KindOneHot", "Kind"), new("RegionOneHot", "Region")]))
            .Append(mlContext.Transforms.Concatenate("Features", "AmountF", "CountF", "KindOneHot", "RegionOneHot"));

    /// <summary>The synthetic rows the wrapped estimator received (they follow the real rows).</summary>
    private static CtganTestData.Row[] Synthetic(AugmentationSummary summary) =>
        [.. new MLContext().Data.CreateEnumerable<CtganTestData.Row>(summary.TrainingData, reuseRowObject: false).Skip((int)summary.RealRows)];

    private static string[] Describe(DataViewSchema schema) => [.. schema.Where(c => !c.IsHidden).Select(c => $"{c.Name}:{c.Type}")];
}
