using Microsoft.ML.Data;
using Microsoft.ML.Gan.Tabular.Ctgan;

namespace Microsoft.ML.Gan.Tabular.Tests.Ctgan;

[TestClass]
public sealed class CtganPersistenceTests
{
    [TestMethod]
    public void GenericLoadGivesTheSameRowsAsTheLiveModel()
    {
        var mlContext = TrainedCtgan.Context;
        var input = mlContext.Data.LoadFromEnumerable(Enumerable.Range(0, 300).Select(i => new CtganSamplingTests.IdRow { Id = i }));
        string path = Path.Combine(Path.GetTempPath(), $"ctgan-{Guid.NewGuid():N}.zip");
        try
        {
            mlContext.Model.Save(TrainedCtgan.Model, input.Schema, path);
            var loaded = new MLContext(seed: 99).Model.Load(path, out _);
            var expected = TrainedCtgan.Model.Transform(input);
            var actual = loaded.Transform(input);
            CollectionAssert.AreEqual(Visible(expected.Schema), Visible(actual.Schema));
            CollectionAssert.AreEqual(expected.GetColumn<double>("Amount").ToArray(), actual.GetColumn<double>("Amount").ToArray());
            CollectionAssert.AreEqual(expected.GetColumn<int>("Count").ToArray(), actual.GetColumn<int>("Count").ToArray());
            CollectionAssert.AreEqual(Texts(expected, "Region"), Texts(actual, "Region"));
            CollectionAssert.AreEqual(expected.GetColumn<bool>("Flag").ToArray(), actual.GetColumn<bool>("Flag").ToArray());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public void TypedLoadGivesTheSameSamples()
    {
        var mlContext = TrainedCtgan.Context;
        string path = Path.Combine(Path.GetTempPath(), $"ctgan-{Guid.NewGuid():N}.zip");
        try
        {
            mlContext.Model.Save(TrainedCtgan.Model, null, path);
            using var loaded = CtganModel.Load(new MLContext(), path);
            Assert.AreEqual(TrainedCtgan.Model.Seed, loaded.Seed);
            CollectionAssert.AreEqual(CtganSamplingTests.Amounts(TrainedCtgan.Model.SampleTable(1000, seed: 8)),
                CtganSamplingTests.Amounts(loaded.SampleTable(1000, seed: 8)));
            var conditioned = loaded.SampleTable(200, seed: 2, condition: ("Kind", "D"));
            CollectionAssert.AreEqual(CtganSamplingTests.Amounts(TrainedCtgan.Model.SampleTable(200, seed: 2, condition: ("Kind", "D"))),
                CtganSamplingTests.Amounts(conditioned));
            CollectionAssert.AreEqual(Visible(TrainedCtgan.Model.SampleSchema), Visible(loaded.SampleSchema));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static (string, DataViewType)[] Visible(DataViewSchema schema) =>
        schema.Where(c => !c.IsHidden).Select(c => (c.Name, c.Type)).ToArray();

    private static string[] Texts(IDataView data, string column) =>
        data.GetColumn<ReadOnlyMemory<char>>(column).Select(v => v.ToString()).ToArray();
}
