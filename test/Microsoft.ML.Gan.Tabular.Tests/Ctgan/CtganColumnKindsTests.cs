using Microsoft.Data.Analysis;
using Microsoft.ML.Data;
using Microsoft.ML.Gan.Tabular.Ctgan;
using Microsoft.ML.Gan.Tabular.Data;
using Microsoft.ML.Gan.Tabular.Tests.Data;

namespace Microsoft.ML.Gan.Tabular.Tests.Ctgan;

[TestClass]
public sealed class CtganColumnKindsTests
{
    [TestMethod]
    public void ConstantColumnAndFiveThousandCategoryIdColumn()
    {
        var mlContext = new MLContext(1);
        var random = new Random(3);
        var rows = Enumerable.Range(0, 6000).Select(i => new WideRow
        {
            Id = $"id-{random.Next(5000)}",
            Constant = 3.5,
            Value = random.NextDouble(),
            Group = random.Next(3) switch { 0 => "x", 1 => "y", _ => "z" },
        }).ToArray();
        var options = CtganTestData.QuickOptions(epochs: 2);
        options.Transformer = new DataTransformerOptions { MaxCategories = 200 };
        using var model = mlContext.Gan().Tabular.Ctgan(options).Fit(mlContext.Data.LoadFromEnumerable(rows));

        var layout = new ConditionLayout(model.DataTransformer);
        Assert.AreEqual(200 + 3, layout.Width, "the ID column is capped at MaxCategories slots in the conditional vector");
        var sample = model.SampleTable(3000, seed: 1);
        Assert.IsTrue(((ContinuousColumn)sample["Constant"]).Values.ToArray().All(v => v == 3.5), "the constant column stays constant");
        var ids = (DiscreteColumn)sample["Id"];
        var known = rows.Select(r => r.Id).ToHashSet();
        Assert.IsTrue(ids.Codes.ToArray().All(c => known.Contains((string)ids.Categories[c])), "IDs are training values");
        Assert.IsTrue(ids.Codes.ToArray().Distinct().Count() > 200, "the \"other\" slot decodes to many rare IDs");
    }

    [TestMethod]
    public void TableWithoutDiscreteColumnsHasNoConditionalVector()
    {
        var mlContext = new MLContext(1);
        var random = new Random(2);
        var rows = Enumerable.Range(0, 400).Select(_ => new NumbersRow { X = random.NextDouble(), Y = random.Next(100) }).ToArray();
        using var model = mlContext.Gan().Tabular.Ctgan(CtganTestData.QuickOptions(epochs: 2)).Fit(mlContext.Data.LoadFromEnumerable(rows));
        Assert.AreEqual(0, new ConditionLayout(model.DataTransformer).Width);
        var sample = model.SampleTable(300, seed: 1);
        Assert.AreEqual(300, sample.RowCount);
        Assert.IsTrue(((ContinuousColumn)sample["Y"]).Values.ToArray().All(v => v >= 0 && v <= 99 && v == Math.Round(v)));
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => model.Sample(5, condition: ("X", 0.5))).Message, "continuous");
    }

    [TestMethod]
    public void DataFrameInAndOut()
    {
        var mlContext = new MLContext(1);
        var random = new Random(5);
        int n = 400;
        var frame = new DataFrame(
            new DoubleDataFrameColumn("Price", Enumerable.Range(0, n).Select(_ => (double?)(random.NextDouble() * 100))),
            new StringDataFrameColumn("Color", Enumerable.Range(0, n).Select(i => i % 3 == 0 ? "red" : "blue")),
            new Int32DataFrameColumn("Units", Enumerable.Range(0, n).Select(i => (int?)(i % 7))));
        using var model = mlContext.Gan().Tabular.Ctgan(CtganTestData.QuickOptions(epochs: 2)).Fit(frame);
        var sample = model.SampleDataFrame(250, seed: 3, condition: ("Color", "red"));
        Assert.AreEqual(250L, sample.Rows.Count);
        CollectionAssert.AreEqual(new[] { "Price", "Color", "Units" }, sample.Columns.Select(c => c.Name).ToArray());
        CollectionAssert.AreEqual(new[] { typeof(double), typeof(string), typeof(int) }, sample.Columns.Select(c => c.DataType).ToArray());
        Assert.IsTrue(sample.Columns["Color"].Cast<string>().All(c => c == "red"));
    }

    [TestMethod]
    public void EveryColumnKindKeepsItsTypeAndSurvivesSaving()
    {
        var mlContext = new MLContext(1);
        var data = TestTables.Mixed(600, seed: 2).ToDataView();
        var options = CtganTestData.QuickOptions(epochs: 1);
        options.DiscreteColumns = ["Grade"];
        using var model = mlContext.Gan().Tabular.Ctgan(options).Fit(data);
        var sample = model.Sample(300); // the stream the transformer also uses
        CollectionAssert.AreEqual(data.Schema.Select(c => (c.Name, c.Type)).ToArray(), sample.Schema.Select(c => (c.Name, c.Type)).ToArray());

        var input = mlContext.Data.LoadFromEnumerable(Enumerable.Range(0, 300).Select(i => new CtganSamplingTests.IdRow { Id = i }));
        string path = Path.Combine(Path.GetTempPath(), $"ctgan-kinds-{Guid.NewGuid():N}.zip");
        try
        {
            mlContext.Model.Save(model, input.Schema, path);
            var loaded = mlContext.Model.Load(path, out _).Transform(input);
            // The loaded chain gives every column its training type, key columns included (same count, same key values).
            var expected = data.Schema.Select(c => (c.Name, c.Type)).ToArray();
            CollectionAssert.AreEqual(expected, loaded.Schema.Where(c => !c.IsHidden && c.Name != "Id").Select(c => (c.Name, c.Type)).ToArray());
            foreach (var key in data.Schema.Where(c => c.Type is KeyDataViewType))
            {
                CollectionAssert.AreEqual(sample.GetColumn<uint>(key.Name).ToArray(), loaded.GetColumn<uint>(key.Name).ToArray(), key.Name);
                VBuffer<ReadOnlyMemory<char>> trained = default, reloaded = default;
                data.Schema[key.Name].GetKeyValues(ref trained);
                loaded.Schema[key.Name].GetKeyValues(ref reloaded);
                CollectionAssert.AreEqual(trained.DenseValues().Select(v => v.ToString()).ToArray(),
                    reloaded.DenseValues().Select(v => v.ToString()).ToArray(), $"{key.Name} key values");
            }
            CollectionAssert.AreEqual(model.Transform(input).GetColumn<DateTime>("Joined").ToArray(), loaded.GetColumn<DateTime>("Joined").ToArray());
            CollectionAssert.AreEqual(sample.GetColumn<DateTime>("Joined").ToArray(), loaded.GetColumn<DateTime>("Joined").ToArray());
            CollectionAssert.AreEqual(sample.GetColumn<float>("Income").ToArray(), loaded.GetColumn<float>("Income").ToArray());
            CollectionAssert.AreEqual(sample.GetColumn<double>("Grade").ToArray(), loaded.GetColumn<double>("Grade").ToArray());
        }
        finally
        {
            File.Delete(path);
        }
    }

    private sealed class NumbersRow
    {
        public double X { get; set; }

        public int Y { get; set; }
    }

    private sealed class WideRow
    {
        public string Id { get; set; } = "";

        public double Constant { get; set; }

        public double Value { get; set; }

        public string Group { get; set; } = "";
    }
}
