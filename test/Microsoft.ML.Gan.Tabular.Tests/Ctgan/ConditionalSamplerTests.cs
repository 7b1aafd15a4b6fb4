using Microsoft.ML.Gan.Tabular.Ctgan;
using Microsoft.ML.Gan.Tabular.Data;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Tabular.Tests.Ctgan;

[TestClass]
public sealed class ConditionalSamplerTests
{
    private const int Draws = 100_000;

    [TestMethod]
    public void PicksColumnsUniformlyAndCategoriesByLogFrequency()
    {
        var (transformer, table, encoded) = Encode();
        var layout = new ConditionLayout(transformer);
        Microsoft.ML.Gan.Torch.TorchRuntime.Seed(1);
        using var sampler = new ConditionalSampler(layout, encoded, CPU);
        using var scope = NewDisposeScope();
        var (column, category, _) = sampler.Sample(Draws);
        var columns = column.data<long>().ToArray();
        var categories = category.data<long>().ToArray();

        Assert.AreEqual(3, layout.ColumnCount, "Kind, Region and Flag are the discrete columns.");
        for (int c = 0; c < layout.ColumnCount; c++)
        {
            int picked = columns.Count(x => x == c);
            Assert.AreEqual(1.0 / layout.ColumnCount, picked / (double)Draws, 0.01, $"column {layout.Spans[c].ColumnName} is picked uniformly");
            var counts = layout.Frequencies[c].Select(f => f * table.RowCount).ToArray();
            double total = counts.Sum(n => Math.Log(1 + n));
            for (int k = 0; k < counts.Length; k++)
            {
                double expected = Math.Log(1 + counts[k]) / total;
                double observed = categories.Count(g => g == layout.SpanStart[c] + k) / (double)picked;
                Assert.AreEqual(expected, observed, 0.015, $"{layout.Spans[c].ColumnName} category {k}: log-frequency share");
            }
        }
    }

    [TestMethod]
    public void RealRowsHaveTheirConditionsCategoryForEveryColumn()
    {
        var (transformer, table, encoded) = Encode();
        var layout = new ConditionLayout(transformer);
        Microsoft.ML.Gan.Torch.TorchRuntime.Seed(2);
        using var sampler = new ConditionalSampler(layout, encoded, CPU);
        using var scope = NewDisposeScope();
        var (column, category, rows) = sampler.Sample(5000);
        var vectors = sampler.OneHot(category);
        var columns = column.data<long>().ToArray();
        var categories = category.data<long>().ToArray();
        var rowIndices = rows.data<long>().ToArray();
        float[] dense = encoded.ToDense();
        var vectorValues = vectors.data<float>().ToArray();
        int width = layout.Width;
        var seenColumns = new HashSet<long>();
        for (int i = 0; i < columns.Length; i++)
        {
            int c = (int)columns[i];
            seenColumns.Add(c);
            int local = (int)categories[i] - layout.SpanStart[c];
            Assert.IsTrue(local >= 0 && local < layout.Spans[c].Length, "the category lies in its column's span");
            var span = layout.Spans[c];
            Assert.AreEqual(1f, dense[rowIndices[i] * transformer.OutputDimension + span.Start + local],
                $"row {rowIndices[i]} must have category {local} of {span.ColumnName}");
            var vector = vectorValues.AsSpan(i * width, width);
            Assert.AreEqual(1f, vector.ToArray().Sum(), "one-hot conditional vector");
            Assert.AreEqual(1f, vector[layout.SpanStart[c] + local], $"the one-hot sits on {span.ColumnName}'s category {local}");
        }
        Assert.AreEqual(layout.ColumnCount, seenColumns.Count, "every discrete column is conditioned on");
    }

    [TestMethod]
    public void GenerationDrawsCategoriesByTrueFrequency()
    {
        var (transformer, _, _) = Encode();
        var layout = new ConditionLayout(transformer);
        using var draw = new ConditionDraw(layout, layout.ProbabilityMatrix(logFrequency: false), CPU);
        using var generator = new Generator(5, CPU);
        using var scope = NewDisposeScope();
        var (column, category) = draw.Draw(Draws, generator);
        var columns = column.data<long>().ToArray();
        var categories = category.data<long>().ToArray();
        int kind = layout.IndexOf("Kind");
        int picked = columns.Count(c => c == kind);
        for (int k = 0; k < layout.Frequencies[kind].Length; k++)
        {
            double observed = categories.Count(g => g == layout.SpanStart[kind] + k) / (double)picked;
            Assert.AreEqual(layout.Frequencies[kind][k], observed, 0.015, $"Kind category {k}: true frequency");
        }
    }

    private static (DataTransformer Transformer, TabularTable Table, EncodedTable Encoded) Encode()
    {
        var table = TabularTable.FromDataView(CtganTestData.Create(new MLContext(1), 3000, seed: 4));
        var transformer = DataTransformer.Fit(table, new DataTransformerOptions { Seed = 1 });
        return (transformer, table, transformer.Encode(table));
    }
}
