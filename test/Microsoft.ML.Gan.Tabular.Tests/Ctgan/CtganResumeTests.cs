using Microsoft.ML.Gan.Tabular.Ctgan;
using Microsoft.ML.Gan.Tabular.Data;

namespace Microsoft.ML.Gan.Tabular.Tests.Ctgan;

/// <summary>
/// Exact resume of CTGAN on the CPU: a fit stopped at a checkpoint and resumed gives bit for bit the model of an
/// uninterrupted fit (generator, critic, EMA copy, both optimizers, the step and torch's CPU generator — which draws
/// the batches, conditions, noise and dropout — are in the checkpoint).
/// </summary>
[TestClass]
public sealed class CtganResumeTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void CtganResumedFromACheckpointMatchesAnUninterruptedRun()
    {
        var mlContext = new MLContext(seed: 1);
        var data = CtganTestData.Create(mlContext, 400, seed: 2);
        string checkpoint = Path.Combine(TestContext.TestRunDirectory ?? Path.GetTempPath(), $"{Guid.NewGuid():N}.ckpt");
        static CtganOptions Options(long steps)
        {
            var options = CtganTestData.QuickOptions(epochs: 100);
            options.MaxSteps = steps;
            options.GeneratorLayers = [32];
            options.DiscriminatorLayers = [32];
            options.LatentDimension = 16;
            return options;
        }

        using var uninterrupted = mlContext.Gan().Tabular.Ctgan(Options(8)).Fit(data);

        var firstHalf = Options(4);
        firstHalf.CheckpointPath = checkpoint;
        using (mlContext.Gan().Tabular.Ctgan(firstHalf).Fit(data))
            Assert.IsTrue(File.Exists(checkpoint));

        var secondHalf = Options(8);
        secondHalf.CheckpointPath = checkpoint;
        secondHalf.ResumeFromCheckpoint = true;
        using var resumed = mlContext.Gan().Tabular.Ctgan(secondHalf).Fit(data);
        Assert.AreEqual(8, resumed.TrainingSummary!.Steps);
        var expected = uninterrupted.SampleTable(500, seed: 5);
        var actual = resumed.SampleTable(500, seed: 5);
        CollectionAssert.AreEqual(((ContinuousColumn)expected["Amount"]).Values.ToArray(), ((ContinuousColumn)actual["Amount"]).Values.ToArray(),
            "the resumed model's rows are bit for bit the uninterrupted model's");
        CollectionAssert.AreEqual(((DiscreteColumn)expected["Region"]).Codes.ToArray(), ((DiscreteColumn)actual["Region"]).Codes.ToArray());

        // The resumed run did start from the checkpoint: one written by a first half with another seed gives other rows.
        var otherFirstHalf = Options(4);
        otherFirstHalf.Seed = 8;
        otherFirstHalf.CheckpointPath = checkpoint;
        mlContext.Gan().Tabular.Ctgan(otherFirstHalf).Fit(data).Dispose();
        using var resumedFromOther = mlContext.Gan().Tabular.Ctgan(secondHalf).Fit(data);
        CollectionAssert.AreNotEqual(((ContinuousColumn)expected["Amount"]).Values.ToArray(),
            ((ContinuousColumn)resumedFromOther.SampleTable(500, seed: 5)["Amount"]).Values.ToArray());
    }
}
