using Microsoft.ML.Gan.Tabular.Data;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Tabular.Tests.Data;

/// <summary>The compact training encoding gives, row for row, the float encoding of <see cref="DataTransformer.Transform"/>.</summary>
[TestClass]
public sealed class EncodedTableTests
{
    [TestMethod]
    public void BatchesBuiltOnTheFlyEqualTheDenseEncoding()
    {
        var table = TestTables.Mixed(600, seed: 8);
        foreach (var encoding in new[] { ContinuousEncoding.ModeSpecific, ContinuousEncoding.Quantile })
        {
            var transformer = DataTransformer.Fit(table, new DataTransformerOptions { Seed = 3 }, encoding);
            float[] dense = transformer.Transform(table, seed: 5);
            var encoded = transformer.Encode(table, seed: 5);
            int width = transformer.OutputDimension;
            Assert.AreEqual(table.RowCount, encoded.RowCount);
            Assert.AreEqual(width, encoded.Width);

            var random = new Random(1);
            long[] rows = [.. Enumerable.Range(0, 200).Select(_ => (long)random.Next(table.RowCount)), 0, table.RowCount - 1];
            float[] batch = encoded.Gather(rows);
            using var scope = NewDisposeScope();
            float[] fromTensor = encoded.Gather(tensor(rows), CPU).data<float>().ToArray();
            for (int i = 0; i < rows.Length; i++)
            {
                var expected = dense.AsSpan((int)rows[i] * width, width).ToArray();
                CollectionAssert.AreEqual(expected, batch.AsSpan(i * width, width).ToArray(), $"{encoding}: row {rows[i]}");
                CollectionAssert.AreEqual(expected, fromTensor.AsSpan(i * width, width).ToArray(), $"{encoding}: row {rows[i]} (tensor)");
            }
        }
    }

    [TestMethod]
    public void CompactEncodingDecodesToTheTrainingValues()
    {
        var table = TestTables.Mixed(400, seed: 2);
        var transformer = DataTransformer.Fit(table, new DataTransformerOptions { Seed = 1 });
        var encoded = transformer.Encode(table);
        long[] rows = [.. Enumerable.Range(0, table.RowCount).Select(r => (long)r)];
        var decoded = transformer.InverseTransform(encoded.Gather(rows), table.RowCount);
        foreach (var name in new[] { "Color", "Flag", "Grade", "Size" })
        {
            var original = (DiscreteColumn)table[name];
            var back = (DiscreteColumn)decoded[name];
            for (int r = 0; r < table.RowCount; r++)
                Assert.AreEqual(TestTables.ValueAt(original, r), TestTables.ValueAt(back, r), $"{name} row {r}");
        }
        var income = ((ContinuousColumn)table["Income"]).Values.ToArray();
        var incomeBack = ((ContinuousColumn)decoded["Income"]).Values.ToArray();
        for (int r = 0; r < income.Length; r++)
            Assert.AreEqual(double.IsNaN(income[r]), double.IsNaN(incomeBack[r]), $"Income row {r}: missing stays missing");
    }
}
