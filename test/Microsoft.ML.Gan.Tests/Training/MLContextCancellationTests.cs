using Microsoft.ML.Gan.Testing;
using Microsoft.ML.Gan.Tests.Vectors;
using Microsoft.ML.Gan.Training;
using Microsoft.ML.Gan.Vectors;

namespace Microsoft.ML.Gan.Tests.Training;

/// <summary><c>mlContext.CancelExecution()</c> stops a fit within one step, like the options' token.</summary>
[TestClass]
public sealed class MLContextCancellationTests
{
    private static WganGpOptions Options(long steps, IProgress<GanProgress> progress) => new()
    {
        MaxSteps = steps,
        BatchSize = 32,
        GeneratorLayers = [8],
        DiscriminatorLayers = [8],
        ProgressInterval = 1,
        Progress = progress,
        Threads = 1,
    };

    [TestMethod]
    public void CancelExecutionFromAProgressCallbackStopsTheFitAtTheNextStep()
    {
        var mlContext = new MLContext(seed: 1);
        var steps = new List<long>();
        var options = Options(1000, new SynchronousProgress<GanProgress>(p =>
        {
            steps.Add(p.Step);
            if (p.Step == 3)
                MLContextCancellation.CancelExecution(mlContext);
        }));
        var data = VectorData.Ring(mlContext, 256);
        Assert.ThrowsExactly<OperationCanceledException>(() => mlContext.Gan().WganGp(options).Fit(data));
        CollectionAssert.AreEqual(new long[] { 1, 2, 3 }, steps, "no step runs after the cancellation");
    }

    [TestMethod]
    public void CancelExecutionFromAnotherThreadStopsTheFitWithinOneStep()
    {
        var mlContext = new MLContext(seed: 1);
        using var running = new ManualResetEventSlim();
        using var canceled = new ManualResetEventSlim();
        long stepsAfterCancel = 0;
        var options = Options(100_000, new SynchronousProgress<GanProgress>(p =>
        {
            if (canceled.IsSet)
                Interlocked.Increment(ref stepsAfterCancel);
            if (p.Step == 2)
            {
                running.Set();
                canceled.Wait();   // hold the loop until the other thread has canceled, so the count below is exact
            }
        }));
        var data = VectorData.Ring(mlContext, 256);
        var fit = Task.Run(() => mlContext.Gan().WganGp(options).Fit(data));
        Assert.IsTrue(running.Wait(TimeSpan.FromMinutes(2)), "the fit reached step 2");
        MLContextCancellation.CancelExecution(mlContext);
        canceled.Set();
        var error = Assert.ThrowsExactly<AggregateException>(() => fit.Wait(TimeSpan.FromMinutes(2)));
        Assert.IsInstanceOfType<OperationCanceledException>(error.InnerException);
        Assert.AreEqual(0, Interlocked.Read(ref stepsAfterCancel), "the step after the cancellation did not run");
    }

    [TestMethod]
    public void AnotherContextsCancellationDoesNotStopTheFit()
    {
        var other = new MLContext(seed: 1);
        MLContextCancellation.CancelExecution(other);
        var mlContext = new MLContext(seed: 1);
        var steps = new List<long>();
        using var model = mlContext.Gan().WganGp(Options(4, new SynchronousProgress<GanProgress>(p => steps.Add(p.Step)))).Fit(VectorData.Ring(mlContext, 256));
        CollectionAssert.AreEqual(new long[] { 1, 2, 3, 4 }, steps);
    }
}
