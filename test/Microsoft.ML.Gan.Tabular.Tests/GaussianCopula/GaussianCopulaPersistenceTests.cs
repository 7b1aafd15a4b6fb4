using Microsoft.ML.Data;
using Microsoft.ML.Gan.Tabular.Ctgan;
using Microsoft.ML.Gan.Tabular.Data;
using Microsoft.ML.Gan.Tabular.GaussianCopula;
using static Microsoft.ML.Gan.Tabular.Tests.GaussianCopula.GaussianCopulaLearningTests;

namespace Microsoft.ML.Gan.Tabular.Tests.GaussianCopula;

/// <summary>A fitted copula saves into one zip and loads typed or generic with the same rows; other format versions, bad options and bad input are named.</summary>
[TestClass]
public sealed class GaussianCopulaPersistenceTests
{
    [TestMethod]
    public void TypedLoadGivesIdenticalSamplesAndConditions()
    {
        var model = CopulaTestData.Model;
        string path = Path.Combine(Path.GetTempPath(), $"copula-{Guid.NewGuid():N}.zip");
        try
        {
            CopulaTestData.Context.Model.Save(model, null, path);
            using var loaded = CtganModel.Load(new MLContext(), path);
            CollectionAssert.AreEqual(Values(model.SampleTable(600, seed: 5), "Spend"), Values(loaded.SampleTable(600, seed: 5), "Spend"));
            CollectionAssert.AreEqual(Values(model.SampleTable(600, seed: 5), "Score"), Values(loaded.SampleTable(600, seed: 5), "Score"));
            CollectionAssert.AreEqual(Values(model.SampleTable(300, seed: 6, condition: ("Plan", "silver")), "Wealth"),
                Values(loaded.SampleTable(300, seed: 6, condition: ("Plan", "silver")), "Wealth"));
            CollectionAssert.AreEqual(new[] { "X", "Y", "Wealth", "Risk", "Plan", "Spend", "Score" }, loaded.SampleSchema.Select(c => c.Name).ToArray());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public void GenericLoadGivesTheSameRowsAsTheLiveModel()
    {
        var mlContext = CopulaTestData.Context;
        var input = mlContext.Data.LoadFromEnumerable(Enumerable.Range(0, 300).Select(i => new IdRow { Id = i }));
        string path = Path.Combine(Path.GetTempPath(), $"copula-{Guid.NewGuid():N}.zip");
        try
        {
            mlContext.Model.Save(CopulaTestData.Model, input.Schema, path);
            var loaded = new MLContext(seed: 99).Model.Load(path, out _);
            var actual = loaded.Transform(input);
            CollectionAssert.AreEqual(Values(CopulaTestData.Model.SampleTable(300, seed: CopulaTestData.Model.Seed), "Risk"),
                actual.GetColumn<double>("Risk").ToArray(), "Transform's rows are the stream Sample gives for the model's seed");
            CollectionAssert.AreEqual(CopulaTestData.Model.Transform(input).GetColumn<string>("Plan").ToArray(), actual.GetColumn<string>("Plan").ToArray());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public void DataFrameHasTheTrainingColumns()
    {
        var frame = CopulaTestData.Model.SampleDataFrame(50, seed: 3);
        Assert.AreEqual(50, frame.Rows.Count);
        CollectionAssert.AreEqual(new[] { "X", "Y", "Wealth", "Risk", "Plan", "Spend", "Score" }, frame.Columns.Select(c => c.Name).ToArray());
    }

    [TestMethod]
    public void AnotherFormatVersionIsRejectedWithAClearMessage()
    {
        var table = CopulaTestData.Table(200, seed: 1);
        var transformer = SynthesizerSchema.FitTransformer(table, new DataTransformerOptions(), ContinuousEncoding.Quantile);
        var data = transformer.Encode(table);
        var variables = CopulaVariables.Fit(transformer.Spans, data);
        using var generator = new GaussianCopulaGenerator(transformer, variables, LatentCorrelation.Estimate(data, variables, 1, default));
        byte[] body = generator.Write();
        using (var copy = GaussianCopulaFamily.Read(body))
            CollectionAssert.AreEqual(generator.Correlation, copy.Correlation, "version 1 reads back");
        BitConverter.GetBytes(2).CopyTo(body, 0);
        var error = Assert.ThrowsExactly<InvalidDataException>(() => GaussianCopulaFamily.Read(body));
        Assert.AreEqual("The Gaussian copula model has format version 2; this library reads version 1.", error.Message);
    }

    [TestMethod]
    public void BadOptionsAndInputAreNamed()
    {
        var mlContext = new MLContext(seed: 1);
        var catalog = mlContext.Gan().Tabular;
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => catalog.GaussianCopula(new GaussianCopulaOptions { MaxCategories = 1 })).Message, "MaxCategories");
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => catalog.GaussianCopula(new GaussianCopulaOptions { Threads = -1 })).Message, "Threads");
        ITabularSynthesizerOptions onCuda = new GaussianCopulaOptions();
        onCuda.Device = "cuda";
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => catalog.GaussianCopula((GaussianCopulaOptions)onCuda)).Message,
            "Device is cuda; expected cpu or auto");

        var data = CopulaTestData.Create(mlContext, 50, seed: 1);
        var unknown = Assert.ThrowsExactly<ArgumentException>(() => catalog.GaussianCopula(new GaussianCopulaOptions { DiscreteColumns = ["Income"] }).Fit(data));
        StringAssert.Contains(unknown.Message, "'Income'");
        var oneRow = Assert.ThrowsExactly<ArgumentException>(() => catalog.GaussianCopula().Fit(CopulaTestData.Create(mlContext, 1, seed: 1)));
        StringAssert.Contains(oneRow.Message, "Gaussian copula needs at least 2");
        var constant = mlContext.Data.LoadFromEnumerable(Enumerable.Range(0, 10).Select(_ => new IdRow { Id = 4 }));
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => catalog.GaussianCopula().Fit(constant)).Message, "constant");
    }

    private sealed class IdRow
    {
        public int Id { get; set; }
    }
}
