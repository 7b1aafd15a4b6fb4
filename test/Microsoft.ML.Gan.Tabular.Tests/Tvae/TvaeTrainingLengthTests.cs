using Microsoft.ML.Gan.Tabular.Tests.Ctgan;
using Microsoft.ML.Gan.Tabular.Tvae;

namespace Microsoft.ML.Gan.Tabular.Tests.Tvae;

/// <summary>TVAE's default length: 300 epochs with a floor of steps on small tables; a length the caller sets is trained exactly.</summary>
[TestClass]
public sealed class TvaeTrainingLengthTests
{
    [TestMethod]
    public void DefaultLengthGivesSmallTablesTheFloorOfSteps()
    {
        var options = new TvaeOptions();
        Assert.AreEqual(300, options.Epochs);
        // vehicle (677 training rows, 1 batch of 500 per epoch): 300 steps in 300 epochs, raised to the floor.
        Assert.AreEqual(TvaeOptions.DefaultMinimumSteps, options.TotalSteps(stepsPerEpoch: 1));
        // adult (32,561 rows, 65 batches per epoch): 19,500 steps, above the floor, unchanged.
        Assert.AreEqual(65 * 300, options.TotalSteps(stepsPerEpoch: 65));
    }

    [TestMethod]
    public void ALengthTheCallerSetsIsTrainedExactly()
    {
        Assert.AreEqual(300, new TvaeOptions { Epochs = 300 }.TotalSteps(1));
        Assert.AreEqual(2, new TvaeOptions { Epochs = 1 }.TotalSteps(2));
        Assert.AreEqual(40, new TvaeOptions { MaxSteps = 40 }.TotalSteps(1));
        Assert.AreEqual(40, new TvaeOptions { MaxSteps = 40, Epochs = 3 }.TotalSteps(65));
    }

    [TestMethod]
    public void FitsTrainTheStepsTheLengthSays()
    {
        var mlContext = new MLContext(1);
        var data = CtganTestData.Create(mlContext, rows: 250, seed: 2);
        using (var model = mlContext.Gan().Tabular.Tvae(Tiny()).Fit(data))
            Assert.AreEqual(TvaeOptions.DefaultMinimumSteps, model.TrainingSummary!.Steps);
        var exact = Tiny();
        exact.Epochs = 3;
        using (var model = mlContext.Gan().Tabular.Tvae(exact).Fit(data))
            Assert.AreEqual(6, model.TrainingSummary!.Steps); // 250 rows / batch 100 = 2 steps per epoch
    }

    private static TvaeOptions Tiny() => new()
    {
        BatchSize = 100,
        LatentDimension = 4,
        EncoderLayers = [8],
        DecoderLayers = [8],
        Threads = 1,
        Seed = 3,
    };
}
