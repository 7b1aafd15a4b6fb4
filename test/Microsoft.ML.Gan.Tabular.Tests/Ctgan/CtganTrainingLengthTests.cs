using Microsoft.ML.Gan.Tabular.Ctgan;

namespace Microsoft.ML.Gan.Tabular.Tests.Ctgan;

/// <summary>CTGAN's default length: 300 epochs with a floor of generator steps on small tables; a length the caller sets is trained exactly.</summary>
[TestClass]
public sealed class CtganTrainingLengthTests
{
    [TestMethod]
    public void DefaultLengthGivesSmallTablesTheFloorOfSteps()
    {
        var options = new CtganOptions();
        long floor = CtganOptions.DefaultMinimumGeneratorSteps;
        Assert.AreEqual(floor, options.DefaultMinimumSteps);
        Assert.AreEqual(300, options.Epochs);
        // titanic (1,047 training rows, 2 batches of 500 per epoch): 600 steps in 300 epochs, raised to the floor.
        Assert.AreEqual(floor, options.TotalSteps(1047));
        Assert.AreEqual(floor, options.TotalSteps(10));
        // adult (32,561 rows, 65 batches per epoch): 19,500 steps, above the floor, unchanged.
        Assert.AreEqual(65 * 300, options.TotalSteps(32_561));
    }

    [TestMethod]
    public void ALengthTheCallerSetsIsTrainedExactly()
    {
        Assert.AreEqual(600, new CtganOptions { Epochs = 300 }.TotalSteps(1047));
        Assert.AreEqual(2, new CtganOptions { Epochs = 1 }.TotalSteps(1047));
        Assert.AreEqual(40, new CtganOptions { MaxSteps = 40 }.TotalSteps(1047));
        Assert.AreEqual(40, new CtganOptions { MaxSteps = 40, Epochs = 3 }.TotalSteps(32_561));
        // DP-CTGAN keeps the plain 300 epochs (every step costs privacy noise).
        Assert.AreEqual(600, CtganOptions.DifferentiallyPrivate(1.0).TotalSteps(1047));
    }

    [TestMethod]
    public void ABadDefaultLengthIsRefused()
    {
        var options = new CtganOptions();
        Assert.AreEqual("minimumSteps", Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => options.SetDefaultLength(300, -1)).ParamName);
        Assert.AreEqual("epochs", Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => options.SetDefaultLength(0, 2000)).ParamName);
    }

    [TestMethod]
    public void FitsTrainTheStepsTheLengthSays()
    {
        var mlContext = new MLContext(1);
        var data = CtganTestData.Create(mlContext, rows: 250, seed: 2);
        var floored = Tiny();
        floored.SetDefaultLength(epochs: 1, minimumSteps: 9);
        using (var model = mlContext.Gan().Tabular.Ctgan(floored).Fit(data))
            Assert.AreEqual(9, model.TrainingSummary!.Steps);

        var exact = Tiny();
        exact.Epochs = 1;
        using (var model = mlContext.Gan().Tabular.Ctgan(exact).Fit(data))
            Assert.AreEqual(2, model.TrainingSummary!.Steps); // 250 rows / batch 100 = 2 steps per epoch
    }

    private static CtganOptions Tiny() => new()
    {
        BatchSize = 100,
        LatentDimension = 8,
        GeneratorLayers = [16],
        DiscriminatorLayers = [16],
        Threads = 1,
        Seed = 3,
    };
}
