using Microsoft.ML.Data;
using Microsoft.ML.Gan.Tabular.Data;

namespace Microsoft.ML.Gan.Tabular.Tests.Data;

[TestClass]
public sealed class AdultRoundTripTests
{
    [TestMethod]
    public void AdultLoadsFitsAndRoundTripsToTheSameSchema()
    {
        var mlContext = new MLContext(seed: 1);
        var data = AdultData.Load(mlContext);

        var table = TabularTable.FromDataView(data);
        var transformer = DataTransformer.Fit(table, new DataTransformerOptions { Seed = 1 });
        var decoded = transformer.InverseTransform(transformer.Transform(table), table.RowCount, seed: 1);
        var back = decoded.ToDataView();

        Assert.AreEqual(32_561, table.RowCount);
        CollectionAssert.AreEqual(AdultData.Discrete, transformer.ConditionableSpans.Select(s => transformer.Spans[s].ColumnName).ToArray());
        Assert.IsFalse(transformer.Spans.Any(s => s.Role == SpanRole.MissingIndicator), "adult has no NaN; \"?\" is a category");
        var workclass = transformer.FindCategory("workclass", "?"); // TextLoader trims the cells' leading space
        Assert.IsGreaterThan(0.05, transformer.GetCategoryFrequencies(workclass.SpanIndex)[workclass.CategoryIndex]);
        for (int i = 0; i < data.Schema.Count; i++)
        {
            Assert.AreEqual(data.Schema[i].Name, back.Schema[i].Name);
            Assert.AreEqual(data.Schema[i].Type, back.Schema[i].Type);
        }
        foreach (string name in AdultData.Discrete)
        {
            CollectionAssert.AreEqual(
                data.GetColumn<ReadOnlyMemory<char>>(name).Select(v => v.ToString()).ToArray(),
                back.GetColumn<ReadOnlyMemory<char>>(name).Select(v => v.ToString()).ToArray(), name);
        }
        var ages = data.GetColumn<int>("age").ToArray();
        var decodedAges = back.GetColumn<int>("age").ToArray();
        Assert.IsGreaterThan(0.99 * ages.Length, ages.Zip(decodedAges).Count(p => p.First == p.Second), "ages come back exactly");
        var gains = data.GetColumn<float>("capital-gain").ToArray();
        var decodedGains = back.GetColumn<float>("capital-gain").ToArray();
        Assert.IsGreaterThan(0.99 * gains.Length, gains.Zip(decodedGains).Count(p => p.First == p.Second), "capital gains come back exactly");
    }
}
