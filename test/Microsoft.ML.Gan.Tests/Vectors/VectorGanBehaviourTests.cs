using Microsoft.ML.Gan.Testing;
using Microsoft.ML.Gan.Training;
using Microsoft.ML.Gan.Vectors;

namespace Microsoft.ML.Gan.Tests.Vectors;

[TestClass]
public sealed class VectorGanBehaviourTests
{
    public TestContext TestContext { get; set; } = null!;

    private static WganGpOptions Small(long steps) => new()
    {
        MaxSteps = steps,
        BatchSize = 64,
        GeneratorLayers = new[] { 32, 32 },
        DiscriminatorLayers = new[] { 32, 32 },
        LatentDimension = 4,
        GeneratorEmaDecay = 0.9,
        Threads = 1,
    };

    private string TempPath(string name) => Path.Combine(TestContext.TestRunDirectory ?? Path.GetTempPath(), $"{Guid.NewGuid():N}-{name}");

    [TestMethod]
    public void SameSeedGivesIdenticalSamples()
    {
        float[] Train()
        {
            var mlContext = new MLContext(seed: 3);
            var model = mlContext.Gan().WganGp(Small(30)).Fit(VectorData.Ring(mlContext, 512));
            return VectorData.Generated(model.Sample(300, seed: 5));
        }
        CollectionAssert.AreEqual(Train(), Train());
    }

    [TestMethod]
    public void DifferentSampleSeedsGiveDifferentSamples()
    {
        var mlContext = new MLContext(seed: 3);
        var model = mlContext.Gan().WganGp(Small(10)).Fit(VectorData.Ring(mlContext, 512));
        CollectionAssert.AreNotEqual(VectorData.Generated(model.Sample(50, seed: 1)), VectorData.Generated(model.Sample(50, seed: 2)));
    }

    [TestMethod]
    public void ResumingFromACheckpointMatchesAnUninterruptedRun()
    {
        string checkpoint = TempPath("gan.ckpt");
        var mlContext = new MLContext(seed: 3);
        var data = VectorData.Ring(mlContext, 512);

        var uninterrupted = Small(40);
        uninterrupted.Seed = 9;
        var expected = VectorData.Generated(mlContext.Gan().WganGp(uninterrupted).Fit(data).Sample(200, seed: 4));

        var firstHalf = Small(20);
        firstHalf.Seed = 9;
        firstHalf.CheckpointPath = checkpoint;
        mlContext.Gan().WganGp(firstHalf).Fit(data);
        Assert.IsTrue(File.Exists(checkpoint));

        var secondHalf = Small(40);
        secondHalf.Seed = 9;
        secondHalf.CheckpointPath = checkpoint;
        secondHalf.ResumeFromCheckpoint = true;
        var resumed = mlContext.Gan().WganGp(secondHalf).Fit(data);
        Assert.AreEqual(40, resumed.TrainingSummary!.Steps);
        CollectionAssert.AreEqual(expected, VectorData.Generated(resumed.Sample(200, seed: 4)));
    }

    [TestMethod]
    public void ProgressIsReportedAndCancellationStopsTraining()
    {
        var mlContext = new MLContext(seed: 3);
        var reports = new List<GanProgress>();
        using var cancellation = new CancellationTokenSource();
        var options = Small(1000);
        options.ProgressInterval = 5;
        options.Progress = new SynchronousProgress<GanProgress>(p =>
        {
            reports.Add(p);
            if (p.Step >= 15)
                cancellation.Cancel();
        });
        options.CancellationToken = cancellation.Token;
        Assert.ThrowsExactly<OperationCanceledException>(() => mlContext.Gan().WganGp(options).Fit(VectorData.Ring(mlContext, 512)));
        CollectionAssert.AreEqual(new long[] { 5, 10, 15 }, reports.Select(r => r.Step).ToArray());
        Assert.IsTrue(reports.All(r => double.IsFinite(r.DiscriminatorLoss) && double.IsFinite(r.GeneratorLoss) && r.SamplesPerSecond > 0));
    }

    [TestMethod]
    public void TrainingLogsToMLContext()
    {
        var mlContext = new MLContext(seed: 3);
        var messages = new List<string>();
        mlContext.Log += (_, e) => { if (e.Source.Contains(nameof(VectorGanEstimator))) messages.Add(e.Message); };
        var options = Small(16);
        mlContext.Gan().WganGp(options).Fit(VectorData.Ring(mlContext, 512));
        Assert.IsTrue(messages.Any(m => m.Contains("Epoch 1:")), string.Join("\n", messages));
    }

    [TestMethod]
    public void TransformAppendsOneGeneratedVectorPerInputRow()
    {
        var mlContext = new MLContext(seed: 3);
        var data = VectorData.Ring(mlContext, 512);
        var model = mlContext.Gan().WganGp(Small(10)).Fit(data);
        var transformed = model.Transform(data);
        Assert.AreEqual(2, ((Microsoft.ML.Data.VectorDataViewType)transformed.Schema["Generated"].Type).Size);
        Assert.AreEqual(512 * 2, VectorData.Generated(transformed).Length);
        // Row p of a transform is row p of the model's sample stream for its seed.
        CollectionAssert.AreEqual(VectorData.Generated(model.Sample(512)), VectorData.Generated(transformed));
    }

    private sealed class SeedRow
    {
        public int Seed { get; set; }
    }

    [TestMethod]
    public void SeedColumnSeedsEachRowOnItsOwn()
    {
        var mlContext = new MLContext(seed: 3);
        var options = Small(10);
        options.SeedColumnName = "Seed";
        var model = mlContext.Gan().WganGp(options).Fit(VectorData.Ring(mlContext, 512));
        var seeds = mlContext.Data.LoadFromEnumerable(new[] { 5, 9, 5, 9, 7 }.Select(s => new SeedRow { Seed = s }).ToList());
        var rows = VectorData.Generated(model.Transform(seeds)).Chunk(2).ToArray();
        CollectionAssert.AreEqual(rows[0], rows[2]);
        CollectionAssert.AreEqual(rows[1], rows[3]);
        CollectionAssert.AreNotEqual(rows[0], rows[1]);
        CollectionAssert.AreNotEqual(rows[0], rows[4]);
    }
}
