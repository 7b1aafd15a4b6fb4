using Microsoft.ML.Data;
using Microsoft.ML.Gan.Tabular.Data;

namespace Microsoft.ML.Gan.Tabular.Tests.Data;

[TestClass]
public sealed class DataTransformerRoundTripTests
{
    private const int Rows = 3000;
    private static readonly TabularTable Table = TestTables.Mixed(Rows, seed: 11);
    private static readonly DataTransformer Transformer = DataTransformer.Fit(Table, new DataTransformerOptions { Seed = 4 });
    private static readonly TabularTable Decoded = Transformer.InverseTransform(Transformer.Transform(Table), Rows);

    [TestMethod]
    public void SpansTileTheEncodedRowInColumnOrder()
    {
        int position = 0;
        foreach (var span in Transformer.Spans)
        {
            Assert.AreEqual(position, span.Start);
            Assert.IsGreaterThan(0, span.Length);
            position += span.Length;
        }
        Assert.AreEqual(Transformer.OutputDimension, position);
        var columnOrder = Transformer.Spans.Select(s => s.ColumnIndex).ToArray();
        CollectionAssert.AreEqual(columnOrder.Order().ToArray(), columnOrder);
        Assert.IsTrue(Transformer.Spans.All(s => (s.Kind == SpanKind.Scalar) == (s.Role == SpanRole.ContinuousValue)));
    }

    [TestMethod]
    public void EncodedRowsHaveOneHotsAndScalarsInRange()
    {
        var encoded = Transformer.Transform(Table);
        Assert.HasCount(Rows * Transformer.OutputDimension, encoded);
        for (int row = 0; row < Rows; row++)
        {
            var values = encoded.AsSpan(row * Transformer.OutputDimension, Transformer.OutputDimension);
            foreach (var span in Transformer.Spans)
            {
                var block = values.Slice(span.Start, span.Length);
                if (span.Kind == SpanKind.Scalar)
                {
                    Assert.IsTrue(block[0] is >= -0.99f and <= 0.99f, $"α {block[0]} at row {row}");
                }
                else
                {
                    Assert.AreEqual(1, block.ToArray().Count(v => v == 1f), $"{span.Role} of {span.ColumnName} at row {row}");
                    Assert.AreEqual(span.Length - 1, block.ToArray().Count(v => v == 0f));
                }
            }
        }
    }

    [TestMethod]
    public void ContinuousValuesComeBackWithinASmallToleranceExceptRareClips()
    {
        var original = ((ContinuousColumn)Table["Bimodal"]).Values.ToArray();
        var decoded = ((ContinuousColumn)Decoded["Bimodal"]).Values.ToArray();
        var errors = Enumerable.Range(0, Rows).Select(i => Math.Abs(decoded[i] - original[i])).Order().ToArray();

        // α is a float: about 7 significant digits of 4σ. A value more than 3.96σ from its drawn mode is clipped.
        Assert.IsLessThan(1e-5, errors[Rows / 2], "median error");
        int large = errors.Count(e => e > 1e-4);
        Assert.IsLessThan(Rows / 200, large, $"{large} of {Rows} values clipped");
    }

    [TestMethod]
    public void CategoriesComeBackExactlyIncludingMissingCategories()
    {
        foreach (string name in new[] { "Color", "Flag", "Grade", "Size" })
        {
            var original = (DiscreteColumn)Table[name];
            var decoded = (DiscreteColumn)Decoded[name];
            for (int row = 0; row < Rows; row++)
                Assert.AreEqual(TestTables.ValueAt(original, row), TestTables.ValueAt(decoded, row), $"{name} at row {row}");
        }
        var grades = (DiscreteColumn)Decoded["Grade"];
        Assert.IsTrue(Enumerable.Range(0, Rows).Any(i => double.IsNaN((double)TestTables.ValueAt(grades, i))), "NaN is a category of a discrete numeric column");
        var colors = (DiscreteColumn)Decoded["Color"];
        Assert.IsTrue(Enumerable.Range(0, Rows).Any(i => (string)TestTables.ValueAt(colors, i) == ""), "the empty text category comes back");
    }

    [TestMethod]
    public void MissingContinuousValuesRoundTripAsNaN()
    {
        var original = ((ContinuousColumn)Table["Income"]).Values;
        var decoded = ((ContinuousColumn)Decoded["Income"]).Values;
        int missing = 0;
        for (int row = 0; row < Rows; row++)
        {
            Assert.AreEqual(double.IsNaN(original[row]), double.IsNaN(decoded[row]), $"row {row}");
            if (double.IsNaN(original[row]))
                missing++;
        }
        Assert.IsGreaterThan(Rows / 20, missing);
        Assert.IsTrue(Transformer.Spans.Any(s => s.ColumnName == "Income" && s.Role == SpanRole.MissingIndicator && s.Length == 2));
        Assert.IsFalse(Transformer.Spans.Any(s => s.ColumnName == "Bimodal" && s.Role == SpanRole.MissingIndicator));
    }

    [TestMethod]
    public void WholeNumberColumnsComeBackAsWholeNumbers()
    {
        var original = ((ContinuousColumn)Table["Age"]).Values;
        var decoded = ((ContinuousColumn)Decoded["Age"]).Values;
        int equal = 0;
        for (int row = 0; row < Rows; row++)
        {
            Assert.AreEqual(Math.Round(decoded[row]), decoded[row], $"row {row}");
            if (decoded[row] == original[row])
                equal++;
        }
        Assert.IsGreaterThan(Rows * 99 / 100, equal, "rounding recovers the exact integer");
    }

    [TestMethod]
    public void DatesComeBackWithinSecondsAndKeysKeepTheirType()
    {
        var original = ((ContinuousColumn)Table["Joined"]).Values.ToArray();
        var decoded = ((ContinuousColumn)Decoded["Joined"]).Values.ToArray();
        int close = Enumerable.Range(0, Rows).Count(i => Math.Abs(decoded[i] - original[i]) < TimeSpan.TicksPerMinute);
        Assert.IsGreaterThan(Rows * 99 / 100, close);

        var view = Decoded.ToDataView();
        Assert.AreEqual(DateTimeDataViewType.Instance, view.Schema["Joined"].Type);
        Assert.AreEqual(new KeyDataViewType(typeof(uint), 3), view.Schema["Size"].Type);
        CollectionAssert.AreEqual(new[] { "small", "medium", "large" }, ((DiscreteColumn)Decoded["Size"]).KeyValues!.ToArray());
    }

    [TestMethod]
    public void ConstantColumnTakesNoWidthAndDecodesToItsValue()
    {
        Assert.IsFalse(Transformer.Spans.Any(s => s.ColumnName == "Constant"));
        var decoded = ((ContinuousColumn)Decoded["Constant"]).Values;
        Assert.IsTrue(decoded.ToArray().All(v => v == 3.5));
    }

    [TestMethod]
    public void ArbitraryGeneratorOutputDecodesInsideTheTrainingRange()
    {
        var random = new Random(3);
        int rows = 2000;
        var noise = new float[rows * Transformer.OutputDimension];
        for (int i = 0; i < noise.Length; i++)
            noise[i] = (float)(random.NextDouble() * 4 - 2);

        var decoded = Transformer.InverseTransform(noise, rows, seed: 1);

        foreach (string name in new[] { "Bimodal", "Age", "Income" })
        {
            var training = ((ContinuousColumn)Table[name]).Values.ToArray().Where(v => !double.IsNaN(v)).ToArray();
            var values = ((ContinuousColumn)decoded[name]).Values.ToArray().Where(v => !double.IsNaN(v)).ToArray();
            Assert.IsGreaterThan(rows / 4, values.Length);
            Assert.IsGreaterThanOrEqualTo(training.Min(), values.Min(), name);
            Assert.IsLessThanOrEqualTo(training.Max(), values.Max(), name);
        }
        Assert.IsTrue(((ContinuousColumn)decoded["Age"]).Values.ToArray().All(v => v == Math.Round(v)));
    }

    [TestMethod]
    public void TheSameSeedEncodesIdenticallyAndAnotherSeedDrawsOtherModes()
    {
        CollectionAssert.AreEqual(Transformer.Transform(Table, seed: 5), Transformer.Transform(Table, seed: 5));
        CollectionAssert.AreNotEqual(Transformer.Transform(Table, seed: 5), Transformer.Transform(Table, seed: 6));
    }

    [TestMethod]
    public void ConditionableSpansAreTheDiscreteColumnsWithTrainingFrequencies()
    {
        var names = Transformer.ConditionableSpans.Select(s => Transformer.Spans[s].ColumnName).ToArray();
        CollectionAssert.AreEqual(new[] { "Color", "Flag", "Grade", "Size" }, names);

        var (spanIndex, categoryIndex) = Transformer.FindCategory("Flag", true);
        var frequencies = Transformer.GetCategoryFrequencies(spanIndex);
        var flags = (DiscreteColumn)Table["Flag"];
        double trueShare = Enumerable.Range(0, Rows).Count(i => (bool)TestTables.ValueAt(flags, i)) / (double)Rows;
        Assert.AreEqual(trueShare, frequencies[categoryIndex], 1e-12);
        Assert.AreEqual(1.0, frequencies.Sum(), 1e-12);

        var (gradeSpan, nanIndex) = Transformer.FindCategory("Grade", double.NaN);
        Assert.AreEqual(Transformer.FindCategory("Grade", 2).SpanIndex, gradeSpan, "any number type finds a numeric category");
        Assert.AreEqual(Transformer.FindCategory("Size", 2u).CategoryIndex, Transformer.FindCategory("Size", 2).CategoryIndex);
        var encoded = new float[Transformer.OutputDimension];
        encoded[Transformer.Spans[gradeSpan].Start + nanIndex] = 1;
        var decoded = (DiscreteColumn)Transformer.InverseTransform(encoded, 1)["Grade"];
        Assert.IsTrue(double.IsNaN((double)TestTables.ValueAt(decoded, 0)));
    }
}
