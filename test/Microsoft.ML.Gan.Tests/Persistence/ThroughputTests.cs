using System.Diagnostics;
using Microsoft.ML.Data;
using Microsoft.ML.Gan.Persistence;
using static Microsoft.ML.Gan.Tests.Persistence.PersistenceTestData;

namespace Microsoft.ML.Gan.Tests.Persistence;

/// <summary>
/// Measures rows/s of the live transformer and of the model loaded with <c>mlContext.Model.Load</c> (written to the
/// test log, never asserted), and checks on the way that both produce the same rows.
/// </summary>
[TestClass]
public sealed class ThroughputTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [DataRow(2, 64, 20_000)]
    [DataRow(500, 64, 20_000)]
    [DataRow(500, 2048, 4_000)] // a 4 MB generator: the loaded model must not copy it per row
    public void LiveAndLoadedCursorsAgreeAndReportRowsPerSecond(int outputLength, int latentSize, int rows)
    {
        var ml = new MLContext(seed: 1);
        using var model = TestGanTransformer.Create(ml, outputLength, latentSize: latentSize);
        string directory = NewTempDirectory();
        try
        {
            string path = Path.Combine(directory, "model.zip");
            var data = new RowCountDataView(rows);
            ml.Model.Save(model, null, path);
            var loaded = ml.Model.Load(path, out _);

            Sum(model.Transform(new RowCountDataView(300)));   // warm-up (JIT, torch)
            Sum(loaded.Transform(new RowCountDataView(300)));
            var (liveSum, liveSeconds) = Time(() => Sum(model.Transform(data)));
            var (loadedSum, loadedSeconds) = Time(() => Sum(loaded.Transform(data)));
            Assert.AreEqual(liveSum, loadedSum, "live and loaded rows differ");

            using var liveEngine = ml.Model.CreatePredictionEngine<NoInput, GeneratedOutput>(model, new PredictionEngineOptions { OwnsTransformer = false });
            using var loadedEngine = ml.Model.CreatePredictionEngine<NoInput, GeneratedOutput>(loaded);
            var (_, livePredictSeconds) = Time(() => Predict(liveEngine, rows / 4));
            var (_, loadedPredictSeconds) = Time(() => Predict(loadedEngine, rows / 4));

            TestContext.WriteLine(
                $"OutputLength {outputLength}, latent {latentSize}, payload {new FileInfo(path).Length / 1024} KiB zip, torch threads {TorchSharp.torch.get_num_threads()}, " +
                $"{Environment.ProcessorCount} cores: cursor live {rows / liveSeconds:N0} rows/s, loaded {rows / loadedSeconds:N0} rows/s; " +
                $"prediction engine live {rows / 4 / livePredictSeconds:N0} rows/s, loaded {rows / 4 / loadedPredictSeconds:N0} rows/s");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static double Sum(IDataView view)
    {
        var column = view.Schema["Generated"];
        using var cursor = view.GetRowCursor([column]);
        var getter = cursor.GetGetter<VBuffer<float>>(column);
        VBuffer<float> value = default;
        double sum = 0;
        while (cursor.MoveNext())
        {
            getter(ref value);
            foreach (float x in value.GetValues())
                sum += x;
        }
        return sum;
    }

    private static double Predict(PredictionEngine<NoInput, GeneratedOutput> engine, int count)
    {
        var input = new NoInput();
        var output = new GeneratedOutput();
        double sum = 0;
        for (int i = 0; i < count; i++)
        {
            engine.Predict(input, ref output);
            sum += output.Generated[0];
        }
        return sum;
    }

    private static (double Result, double Seconds) Time(Func<double> action)
    {
        var watch = Stopwatch.StartNew();
        double result = action();
        return (result, watch.Elapsed.TotalSeconds);
    }
}
