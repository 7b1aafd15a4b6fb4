using Microsoft.ML.Gan.Tabular.Ctgan;

namespace Microsoft.ML.Gan.Tabular.Tests.Ctgan;

[TestClass]
public sealed class CtganInputValidationTests
{
    [TestMethod]
    public void EmptyTableIsRejected()
    {
        var mlContext = new MLContext(1);
        var empty = CtganTestData.Create(mlContext, 0, seed: 1);
        var error = Assert.ThrowsExactly<ArgumentException>(() => mlContext.Gan().Tabular.Ctgan(CtganTestData.QuickOptions(1)).Fit(empty));
        StringAssert.Contains(error.Message, "no rows");
    }

    [TestMethod]
    public void AllMissingColumnIsNamed()
    {
        var mlContext = new MLContext(1);
        var data = mlContext.Data.LoadFromEnumerable(Enumerable.Range(0, 50).Select(i => new GapRow { Value = i, Gap = float.NaN }));
        var error = Assert.ThrowsExactly<ArgumentException>(() => mlContext.Gan().Tabular.Ctgan(CtganTestData.QuickOptions(1)).Fit(data));
        StringAssert.Contains(error.Message, "Gap");
    }

    [TestMethod]
    public void UnknownDiscreteColumnOptionIsNamed()
    {
        var mlContext = new MLContext(1);
        var options = CtganTestData.QuickOptions(1);
        options.DiscreteColumns = ["Nope"];
        var error = Assert.ThrowsExactly<ArgumentException>(() => mlContext.Gan().Tabular.Ctgan(options).Fit(CtganTestData.Create(mlContext, 20, 1)));
        StringAssert.Contains(error.Message, "Nope");
        Assert.AreEqual(nameof(CtganOptions.DiscreteColumns), error.ParamName);
    }

    [TestMethod]
    public void BadConditionsAreNamed()
    {
        var model = TrainedCtgan.Model;
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => model.Sample(10, condition: ("Colour", "A"))).Message, "Colour");
        var unknownValue = Assert.ThrowsExactly<ArgumentException>(() => model.Sample(10, condition: ("Region", "up")));
        StringAssert.Contains(unknownValue.Message, "up");
        StringAssert.Contains(unknownValue.Message, "Region");
        Assert.AreEqual("condition", unknownValue.ParamName);
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => model.Sample(10, condition: ("Amount", 1.0))).Message, "continuous");
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => model.Sample(-1));
    }

    [TestMethod]
    public void BadOptionsAreNamed()
    {
        var catalog = new MLContext().Gan().Tabular;
        AssertOption(nameof(CtganOptions.Pac), o => o.Pac = 0);
        AssertOption(nameof(CtganOptions.BatchSize), o => o.BatchSize = 505);
        AssertOption(nameof(CtganOptions.LatentDimension), o => o.LatentDimension = 0);
        AssertOption(nameof(CtganOptions.GumbelTemperature), o => o.GumbelTemperature = 0);
        AssertOption(nameof(CtganOptions.GeneratorLayers), o => o.GeneratorLayers = []);
        AssertOption(nameof(CtganOptions.DiscriminatorDropout), o => o.DiscriminatorDropout = 1);
        AssertOption(nameof(CtganOptions.Epochs), o => o.Epochs = 0);

        void AssertOption(string name, Action<CtganOptions> spoil)
        {
            var options = new CtganOptions();
            spoil(options);
            var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => catalog.Ctgan(options));
            Assert.AreEqual(name, error.ParamName);
        }
    }

    [TestMethod]
    public void CancellationStopsTraining()
    {
        var mlContext = new MLContext(1);
        var options = CtganTestData.QuickOptions(epochs: 50);
        options.CancellationToken = new CancellationToken(canceled: true);
        Assert.ThrowsExactly<OperationCanceledException>(() => mlContext.Gan().Tabular.Ctgan(options).Fit(CtganTestData.Create(mlContext, 400, 1)));
    }

    [TestMethod]
    public void SchemaCheckNamesVectorColumnsAndMissingOptionColumns()
    {
        var mlContext = new MLContext(1);
        var data = mlContext.Data.LoadFromEnumerable(Enumerable.Range(0, 5).Select(i => new VectorRow { Value = i, Embedding = [i, i] }));
        // SchemaShape.Create is internal to ML.NET (ML.NET's own pipelines call it).
        var shape = (SchemaShape)typeof(SchemaShape).GetMethod("Create", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .Invoke(null, [data.Schema])!;
        var error = Assert.ThrowsExactly<ArgumentException>(() => mlContext.Gan().Tabular.Ctgan().GetOutputSchema(shape));
        StringAssert.Contains(error.Message, "Embedding");
        var ignoring = new CtganOptions { IgnoreColumns = ["Embedding"] };
        Assert.AreEqual(shape.Count, mlContext.Gan().Tabular.Ctgan(ignoring).GetOutputSchema(shape).Count);
        var missing = new CtganOptions { DiscreteColumns = ["Other"] };
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => mlContext.Gan().Tabular.Ctgan(missing).GetOutputSchema(shape)).Message, "Other");
    }

    [TestMethod]
    public void PaperDefaults()
    {
        var options = new CtganOptions();
        Assert.AreEqual(Losses.AdversarialLoss.Wasserstein, options.Loss);
        Assert.AreEqual(Penalties.PenaltyKind.GradientPenalty, options.Penalty);
        Assert.AreEqual(10, options.PenaltyWeight);
        Assert.AreEqual((2e-4, 2e-4), (options.GeneratorLearningRate, options.DiscriminatorLearningRate));
        Assert.AreEqual((0.5, 0.9, 0.5, 0.9), (options.GeneratorBeta1, options.GeneratorBeta2, options.DiscriminatorBeta1, options.DiscriminatorBeta2));
        Assert.AreEqual(1e-6, options.WeightDecay);
        Assert.AreEqual((500, 300, 1, 10, 128), (options.BatchSize, options.Epochs, options.CriticSteps, options.Pac, options.LatentDimension));
        CollectionAssert.AreEqual(new[] { 256, 256 }, options.GeneratorLayers.ToArray());
        CollectionAssert.AreEqual(new[] { 256, 256 }, options.DiscriminatorLayers.ToArray());
        Assert.AreEqual((0.5, 0.2), (options.DiscriminatorDropout, options.GumbelTemperature));
    }

    private sealed class VectorRow
    {
        public float Value { get; set; }

        [Microsoft.ML.Data.VectorType(2)]
        public float[] Embedding { get; set; } = [];
    }

    private sealed class GapRow
    {
        public float Value { get; set; }

        public float Gap { get; set; }
    }
}
