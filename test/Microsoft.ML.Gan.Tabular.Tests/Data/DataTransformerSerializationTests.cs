using Microsoft.ML.Gan.Tabular.Data;

namespace Microsoft.ML.Gan.Tabular.Tests.Data;

[TestClass]
public sealed class DataTransformerSerializationTests
{
    private static readonly TabularTable Table = TestTables.Mixed(1000, seed: 6);
    private static readonly DataTransformer Transformer = DataTransformer.Fit(Table, new DataTransformerOptions { Seed = 12, MaxModes = 6 });

    private static byte[] Save(DataTransformer transformer)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream))
            transformer.Save(writer);
        return stream.ToArray();
    }

    private static DataTransformer Load(byte[] bytes)
    {
        using var reader = new BinaryReader(new MemoryStream(bytes));
        return DataTransformer.Load(reader);
    }

    [TestMethod]
    public void ALoadedTransformerEncodesAndDecodesIdentically()
    {
        var loaded = Load(Save(Transformer));

        CollectionAssert.AreEqual(Transformer.Spans.ToArray(), loaded.Spans.ToArray());
        CollectionAssert.AreEqual(Transformer.ConditionableSpans.ToArray(), loaded.ConditionableSpans.ToArray());
        Assert.AreEqual(12, loaded.Options.Seed);
        var encoded = Transformer.Transform(Table);
        CollectionAssert.AreEqual(encoded, loaded.Transform(Table));
        var expected = Transformer.InverseTransform(encoded, Table.RowCount, seed: 2);
        var actual = loaded.InverseTransform(encoded, Table.RowCount, seed: 2);
        foreach (var column in expected.Columns)
        {
            var other = actual[column.Name];
            Assert.AreEqual(column.Type, other.Type);
            if (column is ContinuousColumn continuous)
                CollectionAssert.AreEqual(continuous.Values.ToArray(), ((ContinuousColumn)other).Values.ToArray(), column.Name);
            else
                CollectionAssert.AreEqual(((DiscreteColumn)column).Categories.ToArray(), ((DiscreteColumn)other).Categories.ToArray(), column.Name);
        }
        CollectionAssert.AreEqual(Save(Transformer), Save(loaded), "saving again gives the same bytes");
    }

    [TestMethod]
    public void ATransformerCanBeReadFromTheMiddleOfAStream()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write("before");
            Transformer.Save(writer);
            writer.Write("after");
        }
        stream.Position = 0;
        using var reader = new BinaryReader(stream);

        Assert.AreEqual("before", reader.ReadString());
        var loaded = DataTransformer.Load(reader);
        Assert.AreEqual("after", reader.ReadString());
        Assert.AreEqual(Transformer.OutputDimension, loaded.OutputDimension);
    }

    [TestMethod]
    public void CorruptTruncatedOrForeignBytesGiveInvalidDataException()
    {
        var bytes = Save(Transformer);
        var flipped = (byte[])bytes.Clone();
        flipped[bytes.Length / 2] ^= 0x40;
        StringAssert.Contains(Assert.ThrowsExactly<InvalidDataException>(() => Load(flipped)).Message, "corrupt");
        StringAssert.Contains(Assert.ThrowsExactly<InvalidDataException>(() => Load(bytes[..(bytes.Length - 10)])).Message, "truncated");
        StringAssert.Contains(Assert.ThrowsExactly<InvalidDataException>(() => Load([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])).Message, "not a saved DataTransformer");
        var newer = (byte[])bytes.Clone();
        newer[8] = 99;
        StringAssert.Contains(Assert.ThrowsExactly<InvalidDataException>(() => Load(newer)).Message, "version 99");
    }
}
