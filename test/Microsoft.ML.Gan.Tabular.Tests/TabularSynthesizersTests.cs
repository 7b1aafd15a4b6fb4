using Microsoft.ML.Gan.Tabular.Ctgan;
using Microsoft.ML.Gan.Tabular.Data;
using Microsoft.ML.Gan.Tabular.GaussianCopula;
using Microsoft.ML.Gan.Tabular.TabDdpm;
using Microsoft.ML.Gan.Tabular.Tvae;

namespace Microsoft.ML.Gan.Tabular.Tests;

/// <summary>The families register themselves for the command line, each with what it supports and an estimator built from the common settings.</summary>
[TestClass]
public sealed class TabularSynthesizersTests
{
    [TestMethod]
    public void EveryFamilyIsListedByNameWithWhatItSupports()
    {
        CollectionAssert.AreEqual(new[] { "ctgan", "gaussiancopula", "tabddpm", "tvae" }, TabularSynthesizers.All.Select(d => d.Name).ToArray());
        Assert.AreEqual("ctgan, tabddpm and tvae", TabularSynthesizers.Names(d => d.SupportsTarget));
        Assert.AreEqual("ctgan", TabularSynthesizers.Names(d => d.SupportsPrivacy));
        Assert.AreEqual("gaussiancopula", TabularSynthesizers.Names(d => !d.TrainsInSteps));
        Assert.AreEqual(int.MaxValue, TabularSynthesizers.Find("tabddpm").MaxSteps);
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => TabularSynthesizers.Find("gan")).Message,
            "Unknown synthesizer 'gan'; choose from ctgan, gaussiancopula, tabddpm, tvae.");
    }

    [TestMethod]
    public void EachFamilyBuildsItsEstimatorFromTheCommonSettings()
    {
        var mlContext = new MLContext(seed: 1);
        var settings = new SynthesizerSettings { Epochs = 3, BatchSize = 50, Seed = 9, Threads = 1, Target = "Kind" };
        Assert.IsInstanceOfType<CtganEstimator>(TabularSynthesizers.Find("ctgan").Create(mlContext, settings));
        Assert.IsInstanceOfType<TvaeEstimator>(TabularSynthesizers.Find("tvae").Create(mlContext, settings with { Target = null }));
        Assert.IsInstanceOfType<TabDdpmEstimator>(TabularSynthesizers.Find("tabddpm").Create(mlContext, settings with { Steps = 20 }));
        Assert.IsInstanceOfType<GaussianCopulaEstimator>(TabularSynthesizers.Find("gaussiancopula").Create(mlContext, settings with { Target = null }));

        // The settings reach the fit: the same seed gives the same rows as the catalog with that seed.
        var data = Ctgan.CtganTestData.Create(mlContext, 300, seed: 2);
        using var viaSettings = TabularSynthesizers.Find("gaussiancopula").Create(mlContext, settings with { Target = null }).Fit(data);
        using var viaCatalog = mlContext.Gan().Tabular.GaussianCopula(new GaussianCopulaOptions { Seed = 9, Threads = 1 }).Fit(data);
        Assert.AreEqual(9, viaSettings.Seed);
        CollectionAssert.AreEqual(((ContinuousColumn)viaCatalog.SampleTable(50)["Amount"]).Values.ToArray(),
            ((ContinuousColumn)viaSettings.SampleTable(50)["Amount"]).Values.ToArray());
    }

    [TestMethod]
    public void TheCommandLineDefaultIsTabDdpmTvaeWithACategoricalTargetAndCtganWithAPrivacyBudget()
    {
        Assert.AreEqual("tabddpm", TabularSynthesizers.Default(privacy: false).Name);
        Assert.AreEqual("tvae", TabularSynthesizers.Default(privacy: false, categoricalTarget: true).Name);
        Assert.AreEqual("ctgan", TabularSynthesizers.Default(privacy: true, categoricalTarget: true).Name);
        Assert.AreEqual("ctgan", TabularSynthesizers.Default(privacy: true).Name);
        Assert.IsTrue(TabularSynthesizers.Default(privacy: true).SupportsPrivacy);
    }

    [TestMethod]
    public void WithoutALengthTabDdpmTrainsItsOwnDefaultStepsAndSamplesWithTheFastSampler()
    {
        // 25 passes over the rows, clamped to 800-5,000 steps.
        Assert.AreEqual(800, TabDdpmOptions.DefaultSteps(rows: 300, batch: 300));
        Assert.AreEqual(800, TabDdpmOptions.DefaultSteps(rows: 32_561, batch: 1024));
        Assert.AreEqual(2_450, TabDdpmOptions.DefaultSteps(rows: 100_000, batch: 1024));
        Assert.AreEqual(5_000, TabDdpmOptions.DefaultSteps(rows: 1_000_000, batch: 1024));
        Assert.AreEqual(50, new TabDdpmOptions().ResolvedSamplingSteps);
        Assert.AreEqual(20, new TabDdpmOptions { Timesteps = 20 }.ResolvedSamplingSteps, "fewer timesteps than 50: every step");

        // The command line's settings without --epochs, --steps or --batch-size leave TabDDPM's defaults in place.
        var mlContext = new MLContext(seed: 1);
        var data = Ctgan.CtganTestData.Create(mlContext, 200, seed: 2);
        using var viaSettings = TabularSynthesizers.Default(privacy: false).Create(mlContext, new SynthesizerSettings { Seed = 3, Threads = 1 }).Fit(data);
        Assert.AreEqual(800, viaSettings.TrainingSummary!.Steps);
        using var explicitEpochs = TabularSynthesizers.Find("tabddpm").Create(mlContext, new SynthesizerSettings { Seed = 3, Threads = 1, Epochs = 2, BatchSize = 50 }).Fit(data);
        Assert.AreEqual(8, explicitEpochs.TrainingSummary!.Steps, "2 epochs of 200 rows at batch 50");
    }
}
