using Microsoft.ML.Data;
using Microsoft.ML.Gan.Tabular.Data;

namespace Microsoft.ML.Gan.Tabular.Tests.Data;

/// <summary>The transformer's continuous encoders are fitted on a bounded reservoir of each column's present values.</summary>
[TestClass]
public sealed class ReservoirFitTests
{
    [TestMethod]
    public void ReservoirAsBigAsTheColumnGivesExactlyTheFullFit()
    {
        var table = TestTables.Mixed(3000, seed: 4);
        var full = Saved(DataTransformer.Fit(table, new DataTransformerOptions { Seed = 2, FitSampleSize = int.MaxValue }));
        var exact = Saved(DataTransformer.Fit(table, new DataTransformerOptions { Seed = 2, FitSampleSize = table.RowCount }));
        var defaulted = Saved(DataTransformer.Fit(table, new DataTransformerOptions { Seed = 2 }));
        CollectionAssert.AreEqual(full, exact, "a reservoir that holds every value is the full fit");
        CollectionAssert.AreEqual(full, defaulted, "a table under the default reservoir size is fitted on every row");
        var sampled = Saved(DataTransformer.Fit(table, new DataTransformerOptions { Seed = 2, FitSampleSize = 500 }));
        CollectionAssert.AreNotEqual(full, sampled, "a smaller reservoir fits on a sample");
    }

    [TestMethod]
    public void ReservoirFitKeepsTheFlagsOfEveryRowAndTheModesOfTheSample()
    {
        const int rows = 20_000;
        var random = new Random(6);
        var bimodal = new double[rows];
        for (int i = 0; i < rows; i++)
            bimodal[i] = Math.Round(random.NextDouble() < 0.5 ? Gaussian.Next(random, 0, 1) : Gaussian.Next(random, 10, 1));
        bimodal[7] = 5.5;               // the one value that is not a whole number, almost surely outside a 300-value sample
        bimodal[rows - 1] = double.NaN; // the one missing value, the last row
        var table = new TabularTable([new ContinuousColumn("Bimodal", NumberDataViewType.Double, bimodal)]);

        var transformer = DataTransformer.Fit(table, new DataTransformerOptions { Seed = 1, FitSampleSize = 300 });
        Assert.IsTrue(transformer.Spans.Any(s => s.Role == SpanRole.MissingIndicator), "the missing value of the last row is seen");
        var means = transformer.GetMixture("Bimodal")!.Means.Where((_, k) => transformer.GetMixture("Bimodal")!.Weights[k] > 0.2).Order().ToArray();
        Assert.HasCount(2, means, string.Join(", ", transformer.GetMixture("Bimodal")!.Means));
        Assert.AreEqual(0, means[0], 0.5);
        Assert.AreEqual(10, means[1], 0.5);

        var decoded = ((ContinuousColumn)transformer.InverseTransform(transformer.Transform(table), rows)["Bimodal"]).Values;
        Assert.IsTrue(double.IsNaN(decoded[rows - 1]));
        Assert.IsTrue(decoded.ToArray().Any(v => double.IsFinite(v) && v != Math.Floor(v)),
            "one row outside the sample is not a whole number, so decoded values are not rounded");
    }

    private static byte[] Saved(DataTransformer transformer)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
            transformer.Save(writer);
        return stream.ToArray();
    }
}
