using Microsoft.ML.Data;
using Microsoft.ML.Gan.Tabular.Ctgan;
using Microsoft.ML.Gan.Tabular.Data;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Tabular.Tests.Ctgan;

/// <summary>Target-aware CTGAN (<see cref="CtganOptions.LabelColumn"/>): the auxiliary classifier steers the generator.</summary>
[TestClass]
public sealed class CtganLabelColumnTests
{
    [TestMethod]
    public void LabelColumnMakesGeneratedLabelsFitTheirFeaturesWithoutMovingTheLabels()
    {
        var mlContext = new MLContext(1);
        var data = ThresholdTestData.Create(mlContext, rows: 1000, seed: 3);
        var (plain, plainHigh) = Agreement(mlContext, data, label: null);
        var (targetAware, targetAwareHigh) = Agreement(mlContext, data, label: "Label");
        Console.WriteLine($"label agrees with X > 0.5: plain CTGAN {plain:F3}, with LabelColumn {targetAware:F3}; share of 'high' {plainHigh:F3} / {targetAwareHigh:F3}");
        // Measured (seed 7, 30 epochs = 150 steps): plain 0.523, target-aware 0.541. The auxiliary loss moves features
        // only, which is slower than moving the labels (0.94 with the soft target, which collapsed labels on the suite).
        Assert.IsGreaterThan(plain, targetAware, $"plain {plain:F3}, target-aware {targetAware:F3}");
        Assert.IsTrue(targetAwareHigh is > 0.4 and < 0.6, $"share of 'high' {targetAwareHigh:F3}: the labels should keep the real rows' even split");
    }

    [TestMethod]
    public void AuxiliaryLossReachesTheFeaturesAndNotTheLabel()
    {
        var table = TabularTable.FromDataView(ThresholdTestData.Create(new MLContext(1), rows: 300, seed: 2));
        var transformer = DataTransformer.Fit(table);
        var data = transformer.Encode(table, seed: 1);
        Microsoft.ML.Gan.Torch.TorchRuntime.Seed(1);
        using var auxiliary = new AuxiliaryPredictor("Label", transformer.Spans, data, batchSize: 100, CPU);
        using var rows = data.Gather(arange(64L), CPU).requires_grad_(true);
        using var loss = auxiliary.Loss(rows);
        loss.backward();
        var label = transformer.Spans.Single(s => s.ColumnName == "Label");
        using var gradient = rows.grad!;
        using var labelGradient = gradient.narrow(1, label.Start, label.Length);
        Assert.AreEqual(0.0, labelGradient.abs().sum().item<float>(), "the auxiliary loss must not move the generated label");
        Assert.IsGreaterThan(0.0, gradient.abs().sum().item<float>(), "the auxiliary loss moves the features");
    }

    [TestMethod]
    public void ContinuousLabelGetsARegressorThatLearnsItAndReachesTheFeaturesOnly()
    {
        var table = TabularTable.FromDataView(ThresholdTestData.Create(new MLContext(1), rows: 600, seed: 4, withScore: true));
        var transformer = DataTransformer.Fit(table);
        var data = transformer.Encode(table, seed: 1);
        Microsoft.ML.Gan.Torch.TorchRuntime.Seed(1);
        using var auxiliary = new AuxiliaryPredictor("Score", transformer.Spans, data, batchSize: 200, CPU);
        var score = transformer.Spans.Where(s => s.ColumnName == "Score").ToArray();
        Assert.IsTrue(score.Any(s => s.Kind == SpanKind.Scalar), "a continuous label has a value span");

        // Real rows against the same rows with their Score spans taken from other rows: the regressor must tell them apart.
        using var rows = data.Gather(arange(400L), CPU);
        using var shuffled = rows.clone();
        using var permutation = randperm(400, generator: new Generator(5));
        foreach (var span in score)
        {
            using var others = rows.narrow(1, span.Start, span.Length).index_select(0, permutation);
            shuffled.narrow(1, span.Start, span.Length).copy_(others);
        }
        using var realLoss = auxiliary.Loss(rows);
        using var shuffledLoss = auxiliary.Loss(shuffled);
        Console.WriteLine($"regressor loss: real rows {realLoss.item<float>():F4}, Score shuffled {shuffledLoss.item<float>():F4}");
        Assert.IsLessThan(0.5 * shuffledLoss.item<float>(), realLoss.item<float>(), "the regressor must predict Score from X");

        using var generated = data.Gather(arange(64L), CPU).requires_grad_(true);
        using var loss = auxiliary.Loss(generated);
        loss.backward();
        using var gradient = generated.grad!;
        foreach (var span in score)
        {
            using var labelGradient = gradient.narrow(1, span.Start, span.Length);
            Assert.AreEqual(0.0, labelGradient.abs().sum().item<float>(), $"the auxiliary loss must not move the generated label ({span.Role})");
        }
        Assert.IsGreaterThan(0.0, gradient.abs().sum().item<float>(), "the auxiliary loss moves the features");

        // And CTGAN fits with it.
        var mlContext = new MLContext(1);
        using var model = mlContext.Gan().Tabular.Ctgan(Options(epochs: 2, "Score")).Fit(ThresholdTestData.Create(mlContext, rows: 400, seed: 4, withScore: true));
        Assert.AreEqual(100, model.SampleTable(100, seed: 1).RowCount);
    }

    [TestMethod]
    public void TheAuxiliaryPredictorsTrainingHonoursCancellation()
    {
        var table = TabularTable.FromDataView(ThresholdTestData.Create(new MLContext(1), rows: 200, seed: 2));
        var transformer = DataTransformer.Fit(table);
        var data = transformer.Encode(table, seed: 1);
        using var canceled = new CancellationTokenSource();
        canceled.Cancel();
        Assert.ThrowsExactly<OperationCanceledException>(() => new AuxiliaryPredictor("Label", transformer.Spans, data, batchSize: 100, CPU, canceled.Token));
    }

    [TestMethod]
    public void BadLabelColumnsAreRefusedByName()
    {
        var mlContext = new MLContext(1);
        var data = ThresholdTestData.Create(mlContext, rows: 100, seed: 1);
        var missing = Assert.ThrowsExactly<ArgumentException>(() => mlContext.Gan().Tabular.Ctgan(Options(1, "Nope")).Fit(data));
        StringAssert.Contains(missing.Message, "'Nope'");

        var dp = CtganOptions.DifferentiallyPrivate(1.0);
        dp.LabelColumn = "Label";
        var refused = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => mlContext.Gan().Tabular.Ctgan(dp));
        StringAssert.Contains(refused.Message, "differential privacy");
        Assert.AreEqual(nameof(CtganOptions.LabelColumn), refused.ParamName);
    }

    /// <summary>Agreement and share of "high" of 2,000 sampled rows (<see cref="ThresholdTestData.Agreement"/>).</summary>
    private static (double Agreement, double High) Agreement(MLContext mlContext, IDataView data, string? label)
    {
        using var model = mlContext.Gan().Tabular.Ctgan(Options(epochs: 30, label)).Fit(data);
        return ThresholdTestData.Agreement(model.SampleTable(2000, seed: 5));
    }

    private static CtganOptions Options(int epochs, string? label) => new()
    {
        Epochs = epochs,
        BatchSize = 200,
        Threads = 1,
        Seed = 7,
        LabelColumn = label,
    };
}
