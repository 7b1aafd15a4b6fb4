using Microsoft.ML.Gan.Penalties;
using Microsoft.ML.Gan.Tabular.Ctgan;
using Microsoft.ML.Gan.Tabular.Data;
using Microsoft.ML.Gan.Tabular.Privacy;
using Microsoft.ML.Gan.Tabular.Tests.Ctgan;

namespace Microsoft.ML.Gan.Tabular.Tests.Privacy;

/// <summary>DP-CTGAN end to end: the budget stops training, the model reports what it spent, and keeps it on save/load.</summary>
[TestClass]
public sealed class DpCtganTests
{
    private const int Rows = 2000;

    internal static CtganOptions Options(double epsilon, int epochs, double? noiseMultiplier = null)
    {
        var options = CtganOptions.DifferentiallyPrivate(epsilon);
        options.Epochs = epochs;
        options.BatchSize = 200;
        options.Threads = 1;
        options.Seed = 7;
        options.GeneratorLayers = [64, 64];
        options.DiscriminatorLayers = [64, 64];
        options.Privacy!.NoiseMultiplier = noiseMultiplier;
        return options;
    }

    [TestMethod]
    public void TrainingStopsWhenTheBudgetIsSpent()
    {
        var mlContext = new MLContext(seed: 1);
        // σ = 1 at q = 0.1 spends ε = 3 in fewer than the 300 planned steps.
        using var model = mlContext.Gan().Tabular.Ctgan(Options(3, epochs: 30, noiseMultiplier: 1.0))
            .Fit(CtganTestData.Create(mlContext, Rows, seed: 3));
        var privacy = model.Privacy!;
        long steps = model.TrainingSummary!.Steps;
        Assert.IsTrue(steps is > 0 and < 300, $"training must stop early; it ran {steps} of 300 steps");
        Assert.AreEqual(steps, privacy.DiscriminatorSteps, "one critic step per generator step");
        Assert.IsTrue(privacy.Epsilon <= 3, $"spent ε = {privacy.Epsilon} must not exceed the target");
        // One more step would have crossed the budget: the spend is close to it.
        Assert.IsTrue(privacy.Epsilon > 2.8, $"spent ε = {privacy.Epsilon} should be just under the target of 3");
        Assert.AreEqual(Math.Pow(Rows, -1.1), privacy.Delta, 1e-15);
        Assert.AreEqual(0.1, privacy.SampleRate, 1e-12);
    }

    [TestMethod]
    public void ComputedNoiseSpendsTheBudgetOverThePlannedSteps()
    {
        var mlContext = new MLContext(seed: 1);
        using var model = mlContext.Gan().Tabular.Ctgan(Options(1, epochs: 3)).Fit(CtganTestData.Create(mlContext, Rows, seed: 3));
        var privacy = model.Privacy!;
        Assert.AreEqual(30, model.TrainingSummary!.Steps, "3 epochs of 10 steps all fit");
        Assert.IsTrue(privacy.Epsilon is <= 1 and > 0.95, $"spent ε = {privacy.Epsilon}, target 1");
        Assert.IsTrue(privacy.NoiseMultiplier > 1, $"σ = {privacy.NoiseMultiplier} for ε = 1 over 30 steps at q = 0.1");
        Assert.AreEqual(5000, model.SampleTable(5000, seed: 1).RowCount);
    }

    [TestMethod]
    public void LearnsBothModesAndTheSkewedCategoriesAtAGenerousBudget()
    {
        var mlContext = new MLContext(seed: 1);
        var options = Options(20, epochs: 60);
        options.Privacy!.PublicBounds = new Dictionary<string, (double Min, double Max)> { ["Amount"] = (-5, 15), ["Count"] = (0, 20) };
        using var model = mlContext.Gan().Tabular.Ctgan(options).Fit(CtganTestData.Create(mlContext, Rows, seed: 3));
        var sample = model.SampleTable(5000, seed: 11);
        var amount = ((ContinuousColumn)sample["Amount"]).Values.ToArray();
        double lowTight = amount.Count(v => Math.Abs(v) < 3) / (double)amount.Length;
        double highTight = amount.Count(v => Math.Abs(v - 10) < 3) / (double)amount.Length;
        var kind = (DiscreteColumn)sample["Kind"];
        var shares = CtganTestData.Kinds.Select(k => CtganLearningTests.Share(kind, k)).ToArray();
        double tv = 0.5 * shares.Zip(CtganTestData.KindShares, (a, b) => Math.Abs(a - b)).Sum();
        string report = $"ε {model.Privacy!.Epsilon:F2}, σ {model.Privacy.NoiseMultiplier:F3}; low mode {lowTight:P1}, high mode {highTight:P1}; Kind shares {string.Join(", ", shares.Select(s => s.ToString("P1")))}, TV {tv:F3}";

        Assert.IsTrue(lowTight >= 0.25 && highTight >= 0.25, "Both modes of Amount must hold at least 25 % of the rows: " + report);
        // Uniform categories would be at TV 0.35; DP noise on the frequencies and a short run leave some slack, and a DP
        // fit is not reproducible by seed (its noise is secret), so the bound covers the spread of fits (0.05–0.15 seen).
        Assert.IsTrue(tv < 0.2, "Kind's distribution must be within total variation 0.2: " + report);
    }

    [TestMethod]
    public void PrivacyReportSurvivesSaveAndLoad()
    {
        var mlContext = new MLContext(seed: 1);
        using var model = mlContext.Gan().Tabular.Ctgan(Options(5, epochs: 1)).Fit(CtganTestData.Create(mlContext, Rows, seed: 3));
        string path = Path.Combine(Path.GetTempPath(), $"dpctgan-{Guid.NewGuid():N}.zip");
        try
        {
            mlContext.Model.Save(model, null, path);
            using var loaded = CtganModel.Load(mlContext, path);
            Assert.AreEqual(model.Privacy, loaded.Privacy);
            var expected = ((ContinuousColumn)model.SampleTable(200, seed: 4)["Amount"]).Values.ToArray();
            var actual = ((ContinuousColumn)loaded.SampleTable(200, seed: 4)["Amount"]).Values.ToArray();
            CollectionAssert.AreEqual(expected, actual);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public void OptionsThatBreakPrivacyAreRefusedByName()
    {
        var mlContext = new MLContext(seed: 1);
        var packed = Options(1, 1);
        packed.Pac = 10;
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => mlContext.Gan().Tabular.Ctgan(packed)).Message, "Pac");
        var penalized = Options(1, 1);
        penalized.Penalty = PenaltyKind.GradientPenalty;
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => mlContext.Gan().Tabular.Ctgan(penalized)).Message, "Penalty");
        var noBudget = Options(1, 1);
        noBudget.Privacy!.TargetEpsilon = 0;
        string noBudgetMessage = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => mlContext.Gan().Tabular.Ctgan(noBudget)).Message;
        StringAssert.Contains(noBudgetMessage, "TargetEpsilon");
        StringAssert.Contains(noBudgetMessage, "--dp-epsilon");
        var bigDelta = Options(1, 1);
        bigDelta.Privacy!.Delta = 1e-3;
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() =>
            mlContext.Gan().Tabular.Ctgan(bigDelta).Fit(CtganTestData.Create(mlContext, Rows, seed: 3)));
        StringAssert.Contains(error.Message, "Delta");
    }
}
