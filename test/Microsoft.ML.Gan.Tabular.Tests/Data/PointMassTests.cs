using Microsoft.ML.Data;
using Microsoft.ML.Gan.Tabular.Data;

namespace Microsoft.ML.Gan.Tabular.Tests.Data;

[TestClass]
public sealed class PointMassTests
{
    /// <summary>Amount: 80 % exact zeros, the rest log-normal; Hours: 45 % exactly 40.</summary>
    private static TabularTable ZeroInflated(int rows)
    {
        var random = new Random(9);
        var amount = new double[rows];
        var hours = new double[rows];
        for (int i = 0; i < rows; i++)
        {
            amount[i] = random.NextDouble() < 0.8 ? 0 : Math.Round(Math.Exp(Gaussian.Next(random, 7, 1)));
            hours[i] = random.NextDouble() < 0.45 ? 40 : Math.Round(Math.Clamp(Gaussian.Next(random, 38, 12), 1, 99));
        }
        return new TabularTable([
            new ContinuousColumn("Amount", NumberDataViewType.Single, amount),
            new ContinuousColumn("Hours", NumberDataViewType.Int32, hours),
        ]);
    }

    [TestMethod]
    public void PointMassesGetTheirOwnModeAndDecodeExactly()
    {
        var table = ZeroInflated(4000);
        var transformer = DataTransformer.Fit(table, new DataTransformerOptions { Seed = 1 });
        var amountModes = transformer.Spans.Single(s => s.ColumnName == "Amount" && s.Role == SpanRole.Mode);
        Assert.AreEqual(transformer.GetMixture("Amount")!.ModeCount + 1, amountModes.Length, "one extra mode for the zeros");
        Assert.IsTrue(transformer.GetMixture("Amount")!.Means.All(m => m > 1), "the mixture is fitted on the non-zero values only");

        var decoded = transformer.InverseTransform(transformer.Transform(table), table.RowCount);
        var original = ((ContinuousColumn)table["Amount"]).Values.ToArray();
        var amount = ((ContinuousColumn)decoded["Amount"]).Values.ToArray();
        Assert.AreEqual(original.Count(v => v == 0), amount.Count(v => v == 0), "every zero comes back exactly");
        var hours = ((ContinuousColumn)decoded["Hours"]).Values.ToArray();
        Assert.AreEqual(((ContinuousColumn)table["Hours"]).Values.ToArray().Count(v => v == 40), hours.Count(v => v == 40));
    }

    [TestMethod]
    public void PointMassesSurviveSavingAndCanBeTurnedOff()
    {
        var table = ZeroInflated(2000);
        var transformer = DataTransformer.Fit(table, new DataTransformerOptions { Seed = 1 });
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
            transformer.Save(writer);
        stream.Position = 0;
        var loaded = DataTransformer.Load(new BinaryReader(stream));
        var encoded = transformer.Transform(table);
        CollectionAssert.AreEqual(((ContinuousColumn)transformer.InverseTransform(encoded, table.RowCount)["Amount"]).Values.ToArray(),
            ((ContinuousColumn)loaded.InverseTransform(encoded, table.RowCount)["Amount"]).Values.ToArray());

        var without = DataTransformer.Fit(table, new DataTransformerOptions { Seed = 1, PointMassShare = 1 });
        Assert.AreEqual(without.GetMixture("Amount")!.ModeCount,
            without.Spans.Single(s => s.ColumnName == "Amount" && s.Role == SpanRole.Mode).Length, "no point mass below a share of 1");
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => DataTransformer.Fit(table, new DataTransformerOptions { PointMassShare = 0 }));
    }
}
