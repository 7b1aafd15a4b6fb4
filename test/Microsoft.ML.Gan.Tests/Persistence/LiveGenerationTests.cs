using Microsoft.ML.Data;
using Microsoft.ML.Gan.Persistence;
using static Microsoft.ML.Gan.Tests.Persistence.PersistenceTestData;

namespace Microsoft.ML.Gan.Tests.Persistence;

[TestClass]
public sealed class LiveGenerationTests
{
    private readonly MLContext _ml = new(seed: 1);

    [TestMethod]
    public void OutputSchemaAddsKnownSizeVectorAfterInputColumns()
    {
        using var model = TestGanTransformer.Create(_ml, outputLength: 3);
        var output = model.Transform(Rows(_ml, 5));

        Assert.AreEqual("Name", output.Schema[0].Name);
        var generated = output.Schema["Generated"];
        Assert.AreEqual(new VectorDataViewType(NumberDataViewType.Single, 3), generated.Type);
        Assert.AreEqual(5L, output.GetRowCount());
        Assert.AreEqual(generated.Type, model.GetOutputSchema(Rows(_ml, 1).Schema)["Generated"].Type);
    }

    [TestMethod]
    public void StreamRowsAreDeterministicAndFollowTheBlockLayout()
    {
        using var model = TestGanTransformer.Create(_ml, outputLength: 2);
        var first = ReadVectors(model.Transform(Rows(_ml, 600)), "Generated");
        var second = ReadVectors(model.Transform(Rows(_ml, 600)), "Generated");
        AssertSameRows(first, second);

        // Row p is row p % BlockSize of block p / BlockSize of the base seed's stream.
        var block1 = new float[GanRowStream.BlockSize * 2];
        model.TypedGenerator.GenerateBlock(123, 1, block1);
        CollectionAssert.AreEqual(block1.AsSpan(44 * 2, 2).ToArray(), first[GanRowStream.BlockSize + 44]);

        // Distinct rows, and another seed gives another stream.
        Assert.AreNotEqual(first[0][0], first[1][0]);
        var other = ReadVectors(model.Sample(600, seed: 124), "Generated");
        Assert.AreNotEqual(first[0][0], other[0][0]);
        // Sample with the base seed is the same stream as Transform over any input.
        AssertSameRows(first, ReadVectors(model.Sample(600), "Generated"));
    }

    [TestMethod]
    public void CursorWithoutTheGeneratedColumnPassesInputThroughWithoutGenerating()
    {
        using var model = TestGanTransformer.Create(_ml, outputLength: 2);
        var output = model.Transform(Rows(_ml, 4));
        using var cursor = output.GetRowCursor([output.Schema["Name"]]);
        Assert.IsFalse(cursor.IsColumnActive(output.Schema["Generated"]));
        Assert.ThrowsExactly<InvalidOperationException>(() => cursor.GetGetter<VBuffer<float>>(output.Schema["Generated"]));
        CollectionAssert.AreEqual(new[] { "row0", "row1", "row2", "row3" }, ReadStrings(output, "Name"));
    }

    [TestMethod]
    public void SeedColumnPicksEachRow()
    {
        using var model = TestGanTransformer.Create(_ml, outputLength: 3, new GanGenerationSettings("Out", seed: 5, seedColumnName: "RowSeed"));
        var rows = ReadVectors(model.Transform(Rows(_ml, 120)), "Out");

        CollectionAssert.AreEqual(rows[7], rows[57], "rows with the same seed (7) must match");
        CollectionAssert.AreNotEqual(rows[7], rows[8]);
        var expected = new float[3];
        model.TypedGenerator.GenerateFromSeed(7, expected);
        CollectionAssert.AreEqual(expected, rows[107]);
    }

    [TestMethod]
    public void BadSeedColumnIsRejectedWithItsName()
    {
        using var missing = TestGanTransformer.Create(_ml, 2, new GanGenerationSettings(seedColumnName: "Nope"));
        var e = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => missing.Transform(Rows(_ml, 2)));
        StringAssert.Contains(e.Message, "'Nope' was not found");

        using var text = TestGanTransformer.Create(_ml, 2, new GanGenerationSettings(seedColumnName: "Name"));
        e = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => text.GetOutputSchema(Rows(_ml, 2).Schema));
        StringAssert.Contains(e.Message, "seed column 'Name' has type String");
    }

    [TestMethod]
    public void OutputColumnHidesAnInputColumnOfTheSameName()
    {
        using var model = TestGanTransformer.Create(_ml, outputLength: 2, new GanGenerationSettings("Name"));
        var output = model.Transform(Rows(_ml, 3));
        Assert.AreEqual(new VectorDataViewType(NumberDataViewType.Single, 2), output.Schema["Name"].Type);
        Assert.IsTrue(output.Schema[0].IsHidden);
        Assert.HasCount(3, ReadVectors(output, "Name"));
    }

    [TestMethod]
    public void ReservedColumnNamesAreRejected()
    {
        using var model = TestGanTransformer.Create(_ml, 2);
        var input = _ml.Transforms.CopyColumns(GanChainColumns.Payload, "Name").Fit(Rows(_ml, 1)).Transform(Rows(_ml, 1));
        var e = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => model.Transform(input));
        StringAssert.Contains(e.Message, GanChainColumns.ReservedPrefix);
    }
}
