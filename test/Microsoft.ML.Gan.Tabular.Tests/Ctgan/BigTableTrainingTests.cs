using Microsoft.ML.Data;
using Microsoft.ML.Gan.Tabular.Data;
using Microsoft.ML.Gan.Tabular.Tvae;

namespace Microsoft.ML.Gan.Tabular.Tests.Ctgan;

/// <summary>Training on tables bigger than the transformer's reservoir, and training by steps instead of epochs.</summary>
[TestClass]
public sealed class BigTableTrainingTests
{
    [TestMethod]
    public void TableBiggerThanTheReservoirTrainsAndSamples()
    {
        var mlContext = new MLContext(seed: 1);
        var data = CtganTestData.Create(mlContext, 2000, seed: 3);
        var options = CtganTestData.QuickOptions(1);
        options.MaxSteps = 15;
        options.Transformer = new DataTransformerOptions { FitSampleSize = 150 };
        using var model = mlContext.Gan().Tabular.Ctgan(options).Fit(data);
        Assert.AreEqual(15, model.TrainingSummary!.Steps);

        var sample = model.Sample(300, seed: 2);
        var amounts = sample.GetColumn<double>("Amount").ToArray();
        var kinds = sample.GetColumn<ReadOnlyMemory<char>>("Kind").Select(k => k.ToString()).ToArray();
        Assert.HasCount(300, amounts);
        Assert.IsTrue(amounts.All(double.IsFinite));
        var range = data.GetColumn<double>("Amount").ToArray();
        Assert.IsTrue(amounts.All(a => a >= range.Min() && a <= range.Max()), "decoded values stay in the range of every row");
        Assert.IsTrue(kinds.All(CtganTestData.Kinds.Contains), string.Join(", ", kinds.Distinct()));
    }

    [TestMethod]
    public void StepsStopTrainingAtTheirCountInsideAnEpoch()
    {
        var mlContext = new MLContext(seed: 1);
        var data = CtganTestData.Create(mlContext, 2000, seed: 3);
        var ctgan = CtganTestData.QuickOptions(epochs: 5);
        ctgan.MaxSteps = 7; // an epoch is 10 steps
        using (var model = mlContext.Gan().Tabular.Ctgan(ctgan).Fit(data))
            Assert.AreEqual(7, model.TrainingSummary!.Steps);

        var reports = new List<long>();
        var tvae = new TvaeOptions
        {
            Epochs = 5, MaxSteps = 13, BatchSize = 200, Threads = 1, Seed = 2,
            Progress = new Microsoft.ML.Gan.Testing.SynchronousProgress<Microsoft.ML.Gan.Training.GanProgress>(p => reports.Add(p.Step)),
        };
        using (var model = mlContext.Gan().Tabular.Tvae(tvae).Fit(data))
            Assert.AreEqual(13, model.TrainingSummary!.Steps);
        CollectionAssert.AreEqual(new long[] { 10, 13 }, reports, "a report at the end of the first epoch and at the last step");
    }
}
