using Microsoft.ML.Data;
using Microsoft.ML.Gan.Tabular.Data;

namespace Microsoft.ML.Gan.Tabular.Tests.TabDdpm;

/// <summary>The quantile encoder: normal scores, a round trip, point masses, missing values and its saved form.</summary>
[TestClass]
public sealed class QuantileEncoderTests
{
    [TestMethod]
    public void ScoresAreStandardNormalAndDecodeBackToTheValues()
    {
        var random = new Random(5);
        double[] values = [.. Enumerable.Range(0, 3000).Select(_ => Math.Exp(random.NextDouble() * 4) * (random.NextDouble() < 0.5 ? 1 : 3))];
        var table = new TabularTable([new ContinuousColumn("Skewed", NumberDataViewType.Double, values)]);
        var transformer = DataTransformer.Fit(table, null, ContinuousEncoding.Quantile);
        Assert.AreEqual(1, transformer.OutputDimension);
        Assert.AreEqual(SpanRole.NormalScore, transformer.Spans[0].Role);
        float[] scores = transformer.Transform(table);
        double mean = scores.Average(s => (double)s), sd = Math.Sqrt(scores.Average(s => (s - mean) * (s - mean)));
        Assert.IsTrue(Math.Abs(mean) < 0.02 && Math.Abs(sd - 1) < 0.05, $"Scores must be close to N(0, 1); mean {mean:F3}, sd {sd:F3}.");
        var decoded = ((ContinuousColumn)transformer.InverseTransform(scores, values.Length)["Skewed"]).Values.ToArray();
        double worst = values.Zip(decoded, (a, b) => Math.Abs(a - b) / a).Max();
        Assert.IsTrue(worst < 1e-4, $"Decoding the scores must give the values back (worst relative error {worst:G3}).");
    }

    [TestMethod]
    public void PointMassesWholeNumbersAndMissingValuesSurvive()
    {
        var random = new Random(6);
        double[] values = [.. Enumerable.Range(0, 2000).Select(i => i % 10 == 0 ? double.NaN : random.NextDouble() < 0.8 ? 0 : random.Next(1, 5000))];
        var table = new TabularTable([new ContinuousColumn("Gain", NumberDataViewType.Double, values)]);
        var transformer = DataTransformer.Fit(table, null, ContinuousEncoding.Quantile);
        CollectionAssert.AreEqual(new[] { SpanRole.NormalScore, SpanRole.MissingIndicator }, transformer.Spans.Select(s => s.Role).ToArray());
        float[] encoded = transformer.Transform(table);
        var zeroScores = Enumerable.Range(0, values.Length).Where(i => values[i] == 0).Select(i => encoded[i * 3]).Distinct().ToArray();
        Assert.AreEqual(1, zeroScores.Length, "Every zero must get the same score.");
        Assert.IsTrue(Math.Abs(zeroScores[0]) < 1.2, $"The zeros (80 % of the rows, the minimum) must map inside the distribution, not to the clip; got {zeroScores[0]:F3}.");
        var decoded = ((ContinuousColumn)transformer.InverseTransform(encoded, values.Length)["Gain"]).Values.ToArray();
        for (int i = 0; i < values.Length; i++)
            Assert.AreEqual(values[i], decoded[i], double.IsNaN(values[i]) ? 0 : 0.5, $"Row {i} must decode to its value.");

        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
            transformer.Save(writer);
        stream.Position = 0;
        var loaded = DataTransformer.Load(new BinaryReader(stream));
        CollectionAssert.AreEqual(encoded, loaded.Transform(table));
    }
}
