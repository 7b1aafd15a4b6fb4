using Microsoft.ML.Data;
using Microsoft.ML.Gan.Tabular.Data;

namespace Microsoft.ML.Gan.Tabular.Tests.Data;

[TestClass]
public sealed class ManyCategoriesTests
{
    private const int Rows = 20_000;
    private const int Levels = 5_000;
    private const int MaxCategories = 100;

    /// <summary>An identifier-like column: 5,000 levels, the first ten common, the rest rare.</summary>
    private static TabularTable IdTable()
    {
        var random = new Random(8);
        var codes = new int[Rows];
        for (int i = 0; i < Rows; i++)
            codes[i] = i < Levels ? i : random.NextDouble() < 0.5 ? random.Next(10) : random.Next(Levels);
        var ids = Enumerable.Range(0, Levels).Select(i => (object)$"id-{i:D5}").ToArray();
        return new TabularTable([new DiscreteColumn("Id", TextDataViewType.Instance, codes, ids)]);
    }

    [TestMethod]
    public void WidthIsBoundedAndDecodingGivesOnlyTrainingValues()
    {
        var table = IdTable();
        var transformer = DataTransformer.Fit(table, new DataTransformerOptions { MaxCategories = MaxCategories });

        Assert.HasCount(1, transformer.Spans);
        Assert.AreEqual(MaxCategories, transformer.OutputDimension);
        var frequencies = transformer.GetCategoryFrequencies(0);
        Assert.AreEqual(1.0, frequencies.Sum(), 1e-9);

        var decoded = (DiscreteColumn)transformer.InverseTransform(transformer.Transform(table), Rows, seed: 3)["Id"];
        var training = ((DiscreteColumn)table["Id"]).Categories.ToHashSet();
        var values = Enumerable.Range(0, Rows).Select(i => TestTables.ValueAt(decoded, i)).ToArray();
        Assert.IsTrue(values.All(training.Contains));
        int distinct = values.Distinct().Count();
        Assert.IsGreaterThan(MaxCategories, distinct, "the \"other\" slot draws many grouped values, not one");
    }

    [TestMethod]
    public void FrequentValuesKeepTheirOwnSlotAndRareOnesCannotBeAskedFor()
    {
        var table = IdTable();
        var transformer = DataTransformer.Fit(table, new DataTransformerOptions { MaxCategories = MaxCategories });

        var (span, slot) = transformer.FindCategory("Id", "id-00003");
        var frequencies = transformer.GetCategoryFrequencies(span);
        Assert.IsGreaterThan(0.03, frequencies[slot], "a common value (about 750 of 20,000 rows) has its own slot");

        var ids = (DiscreteColumn)table["Id"];
        int rarest = ids.Codes.ToArray().GroupBy(c => c).OrderBy(g => g.Count()).First().Key;
        var rare = Assert.ThrowsExactly<ArgumentException>(() => transformer.FindCategory("Id", ids.Categories[rarest]));
        StringAssert.Contains(rare.Message, "other");
        StringAssert.Contains(rare.Message, "MaxCategories");
    }

    [TestMethod]
    public void TheOtherSlotDecodesByTrainingFrequency()
    {
        var table = IdTable();
        var transformer = DataTransformer.Fit(table, new DataTransformerOptions { MaxCategories = MaxCategories });
        int other = MaxCategories - 1;
        var onlyOther = new float[Rows * MaxCategories];
        for (int row = 0; row < Rows; row++)
            onlyOther[row * MaxCategories + other] = 1;

        var decoded = (DiscreteColumn)transformer.InverseTransform(onlyOther, Rows, seed: 9)["Id"];

        var trainingCounts = ((DiscreteColumn)table["Id"]).Codes.ToArray().GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
        var decodedCounts = Enumerable.Range(0, Rows).GroupBy(i => decoded.Codes[i]).ToDictionary(g => g.Key, g => g.Count());
        // Each grouped id is drawn in proportion to its training count (1 to about 7): the counts correlate (a uniform draw: about 0).
        double correlation = Correlation(
            [.. decodedCounts.Keys.Select(c => (double)trainingCounts[c])],
            [.. decodedCounts.Keys.Select(c => (double)decodedCounts[c])]);
        Assert.IsGreaterThan(2000, decodedCounts.Count);
        Assert.IsGreaterThan(0.5, correlation);
    }

    private static double Correlation(double[] x, double[] y)
    {
        double mx = x.Average(), my = y.Average();
        double sxy = x.Zip(y, (a, b) => (a - mx) * (b - my)).Sum();
        return sxy / Math.Sqrt(x.Sum(a => (a - mx) * (a - mx)) * y.Sum(b => (b - my) * (b - my)));
    }
}
