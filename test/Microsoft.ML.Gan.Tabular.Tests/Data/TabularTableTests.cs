using Microsoft.ML.Data;
using Microsoft.ML.Gan.Tabular.Data;

namespace Microsoft.ML.Gan.Tabular.Tests.Data;

[TestClass]
public sealed class TabularTableTests
{
    private sealed class AllTypes
    {
        public float Single { get; set; }
        public double Double { get; set; }
        public sbyte SByte { get; set; }
        public byte Byte { get; set; }
        public short Int16 { get; set; }
        public ushort UInt16 { get; set; }
        public int Int32 { get; set; }
        public uint UInt32 { get; set; }
        public long Int64 { get; set; }
        public ulong UInt64 { get; set; }
        public bool Boolean { get; set; }
        public string Text { get; set; } = "";
        [KeyType(5)]
        public uint Key { get; set; }
        public DateTime When { get; set; }
    }

    private sealed class WithVector
    {
        public float Plain { get; set; }
        [VectorType(3)]
        public float[] Features { get; set; } = new float[3];
    }

    private static AllTypes[] Rows() =>
    [
        new() { Single = 1.5f, Double = -2.25, SByte = -3, Byte = 4, Int16 = -5, UInt16 = 6, Int32 = -7, UInt32 = 8, Int64 = -9_000_000_000, UInt64 = 10, Boolean = true, Text = " State-gov", Key = 1, When = new DateTime(2020, 1, 2, 3, 4, 5) },
        new() { Single = float.NaN, Double = double.NaN, SByte = 127, Byte = 255, Int16 = 300, UInt16 = 60000, Int32 = 123456, UInt32 = 4_000_000_000, Int64 = 42, UInt64 = 1UL << 40, Boolean = false, Text = "", Key = 0, When = new DateTime(1999, 12, 31) },
        new() { Single = 0, Double = 1e300, SByte = -128, Byte = 0, Int16 = -300, UInt16 = 0, Int32 = int.MinValue, UInt32 = 0, Int64 = long.MinValue / 1024, UInt64 = 0, Boolean = true, Text = " ?", Key = 5, When = new DateTime(2020, 1, 2, 3, 4, 5) },
    ];

    [TestMethod]
    public void ToDataViewGivesBackTheExactSchemaAndValues()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable(Rows());

        var table = TabularTable.FromDataView(data, new TabularReadOptions { DiscreteColumns = ["Int16"] });
        var back = table.ToDataView();

        Assert.AreEqual(data.Schema.Count, back.Schema.Count);
        for (int i = 0; i < data.Schema.Count; i++)
        {
            Assert.AreEqual(data.Schema[i].Name, back.Schema[i].Name);
            Assert.AreEqual(data.Schema[i].Type, back.Schema[i].Type, data.Schema[i].Name);
        }
        Assert.AreEqual(5UL, ((KeyDataViewType)back.Schema["Key"].Type).Count);
        Assert.IsInstanceOfType<ContinuousColumn>(table["Int32"]);
        Assert.IsInstanceOfType<DiscreteColumn>(table["Int16"]);
        Assert.IsInstanceOfType<DiscreteColumn>(table["Key"]);
        Assert.IsInstanceOfType<DiscreteColumn>(table["Boolean"]);
        AssertSameColumn<float>(data, back, "Single");
        AssertSameColumn<double>(data, back, "Double");
        AssertSameColumn<sbyte>(data, back, "SByte");
        AssertSameColumn<byte>(data, back, "Byte");
        AssertSameColumn<short>(data, back, "Int16");
        AssertSameColumn<ushort>(data, back, "UInt16");
        AssertSameColumn<int>(data, back, "Int32");
        AssertSameColumn<uint>(data, back, "UInt32");
        AssertSameColumn<long>(data, back, "Int64");
        AssertSameColumn<ulong>(data, back, "UInt64");
        AssertSameColumn<bool>(data, back, "Boolean");
        AssertSameColumn<uint>(data, back, "Key");
        AssertSameColumn<DateTime>(data, back, "When");
        CollectionAssert.AreEqual(
            data.GetColumn<ReadOnlyMemory<char>>("Text").Select(t => t.ToString()).ToArray(),
            back.GetColumn<ReadOnlyMemory<char>>("Text").Select(t => t.ToString()).ToArray());
    }

    [TestMethod]
    public void KeyColumnsKeepTheirKeyValues()
    {
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable(Rows());
        var keyed = mlContext.Transforms.Conversion.MapValueToKey("TextKey", "Text").Fit(data).Transform(data);

        var back = TabularTable.FromDataView(keyed).ToDataView();

        var keyType = (KeyDataViewType)back.Schema["TextKey"].Type;
        Assert.AreEqual(keyed.Schema["TextKey"].Type, keyType);
        VBuffer<ReadOnlyMemory<char>> original = default, copied = default;
        keyed.Schema["TextKey"].GetKeyValues(ref original);
        back.Schema["TextKey"].GetKeyValues(ref copied);
        CollectionAssert.AreEqual(
            original.DenseValues().Select(v => v.ToString()).ToArray(),
            copied.DenseValues().Select(v => v.ToString()).ToArray());
        var text = mlContext.Transforms.Conversion.MapKeyToValue("TextKey").Fit(back).Transform(back);
        CollectionAssert.AreEqual(
            new[] { " State-gov", "", " ?" },
            text.GetColumn<ReadOnlyMemory<char>>("TextKey").Select(t => t.ToString()).ToArray());
    }

    [TestMethod]
    public void MissingValuesAreKeptAsNaNOrAsTheirOwnCategory()
    {
        var data = new MLContext(seed: 1).Data.LoadFromEnumerable(Rows());

        var table = TabularTable.FromDataView(data, new TabularReadOptions { DiscreteColumns = ["Double"] });

        Assert.IsTrue(double.IsNaN(((ContinuousColumn)table["Single"]).Values[1]));
        var doubles = (DiscreteColumn)table["Double"];
        Assert.HasCount(3, doubles.Categories);
        Assert.IsTrue(double.IsNaN((double)TestTables.ValueAt(doubles, 1)));
        var text = (DiscreteColumn)table["Text"];
        CollectionAssert.AreEqual(new object[] { " State-gov", "", " ?" }, text.Categories.ToArray());
    }

    [TestMethod]
    public void IgnoredColumnsAreSkippedIncludingVectors()
    {
        var data = new MLContext(seed: 1).Data.LoadFromEnumerable(new[] { new WithVector { Plain = 2 } });

        var table = TabularTable.FromDataView(data, new TabularReadOptions { IgnoreColumns = ["Features"] });

        Assert.HasCount(1, table.Columns);
        Assert.AreEqual("Plain", table.Columns[0].Name);
    }

    [TestMethod]
    public void VectorColumnsAndUnknownNamesAreRejectedByName()
    {
        var data = new MLContext(seed: 1).Data.LoadFromEnumerable(new[] { new WithVector { Plain = 2 } });

        var vector = Assert.ThrowsExactly<ArgumentException>(() => TabularTable.FromDataView(data));
        StringAssert.Contains(vector.Message, "'Features'");
        StringAssert.Contains(vector.Message, "vector");
        var discrete = Assert.ThrowsExactly<ArgumentException>(
            () => TabularTable.FromDataView(data, new TabularReadOptions { DiscreteColumns = ["Nope"], IgnoreColumns = ["Features"] }));
        StringAssert.Contains(discrete.Message, "DiscreteColumns");
        StringAssert.Contains(discrete.Message, "'Nope'");
        var ignore = Assert.ThrowsExactly<ArgumentException>(
            () => TabularTable.FromDataView(data, new TabularReadOptions { IgnoreColumns = ["Missing"] }));
        StringAssert.Contains(ignore.Message, "IgnoreColumns");
        StringAssert.Contains(ignore.Message, "'Missing'");
    }

    [TestMethod]
    public void ColumnsCheckTheirValuesAgainstTheirType()
    {
        var nan = Assert.ThrowsExactly<ArgumentException>(() => new ContinuousColumn("Count", NumberDataViewType.Int32, [1, double.NaN]));
        StringAssert.Contains(nan.Message, "'Count'");
        var wrongType = Assert.ThrowsExactly<ArgumentException>(() => new DiscreteColumn("Color", TextDataViewType.Instance, [0], [1]));
        StringAssert.Contains(wrongType.Message, "'Color'");
        var code = Assert.ThrowsExactly<ArgumentException>(() => new DiscreteColumn("Color", TextDataViewType.Instance, [2], ["a", "b"]));
        StringAssert.Contains(code.Message, "code 2");
        var lengths = Assert.ThrowsExactly<ArgumentException>(() => new TabularTable(
            [new ContinuousColumn("A", NumberDataViewType.Double, [1, 2]), new ContinuousColumn("B", NumberDataViewType.Double, [1])]));
        StringAssert.Contains(lengths.Message, "'B'");
    }

    private static void AssertSameColumn<T>(IDataView expected, IDataView actual, string name) =>
        CollectionAssert.AreEqual(expected.GetColumn<T>(name).ToArray(), actual.GetColumn<T>(name).ToArray(), name);
}
