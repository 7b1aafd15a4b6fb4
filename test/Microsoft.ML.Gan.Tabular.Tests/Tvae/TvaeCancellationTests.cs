using Microsoft.ML.Gan.Tabular.Tests.Ctgan;
using Microsoft.ML.Gan.Tabular.Tvae;
using Microsoft.ML.Gan.Testing;
using Microsoft.ML.Gan.Training;

namespace Microsoft.ML.Gan.Tabular.Tests.Tvae;

/// <summary>TVAE's own loop stops within one step when the MLContext is canceled, like the options' token.</summary>
[TestClass]
public sealed class TvaeCancellationTests
{
    [TestMethod]
    public void CancelExecutionStopsTheFitAtTheNextStep()
    {
        var mlContext = new MLContext(seed: 1);
        var epochs = new List<double>();
        var options = new TvaeOptions
        {
            Epochs = 200,
            BatchSize = 50,
            Seed = 7,
            Progress = new SynchronousProgress<GanProgress>(p =>
            {
                epochs.Add(p.Epoch);
                if (epochs.Count == 2)
                    MLContextCancellation.CancelExecution(mlContext);
            }),
        };
        var data = CtganTestData.Create(mlContext, 200, seed: 3);
        Assert.ThrowsExactly<OperationCanceledException>(() => mlContext.Gan().Tabular.Tvae(options).Fit(data));
        Assert.HasCount(2, epochs, "no epoch finishes after the cancellation");
    }
}
