using System.Text;
using Microsoft.ML.Data;
using Microsoft.ML.Gan.Tabular.Data;

namespace Microsoft.ML.Gan.Tabular.Tests.Data.Reading;

/// <summary>Reading CSV files as written: blanks, quoting, separators, malformed rows and headers, encodings.</summary>
[TestClass]
public sealed class CsvReadingTests
{
    private readonly TemporaryFiles _files = new();

    [TestCleanup]
    public void Cleanup() => _files.Dispose();

    [TestMethod]
    public void BlankNumericCellsAreMissingNotZero()
    {
        var file = TabularFileReader.Read(_files.Write("t.csv", "size,colour\n1.5,red\n,blue\n3,red\n NaN ,blue\n"));
        var size = (ContinuousColumn)file.Table["size"];
        Assert.AreEqual(ColumnRole.Continuous, file.Metadata.Find("size")!.Role);
        Assert.AreEqual(1.5, size.Values[0]);
        Assert.IsTrue(double.IsNaN(size.Values[1]), "a blank cell is missing, not 0");
        Assert.IsTrue(double.IsNaN(size.Values[3]), "NaN is a missing number");
        Assert.AreEqual(0.5, file.Metadata.Find("size")!.MissingShare);
        Assert.AreEqual(NumberDataViewType.Double, file.Data.Schema["size"].Type);
    }

    [TestMethod]
    public void AnEntirelyBlankColumnIsConstantAndLeftOutWithAWarning()
    {
        var file = TabularFileReader.Read(_files.Write("t.csv", "a,empty,b\n1,,x\n2,,y\n3, ,z\n"));
        var empty = file.Metadata.Find("empty")!;
        Assert.AreEqual(ColumnRole.Constant, empty.Role);
        Assert.AreEqual(1.0, empty.MissingShare);
        StringAssert.Contains(empty.Warnings.Single(), "blank");
        Assert.IsNull(file.Data.Schema.GetColumnOrNull("empty"));
        CollectionAssert.AreEqual(new[] { "a", "b" }, file.Data.Schema.Select(c => c.Name).ToArray());
    }

    [TestMethod]
    public void SemicolonPipeAndTabSeparatorsAreDetected()
    {
        foreach (string separator in new[] { ";", "|", "\t" })
        {
            var file = TabularFileReader.Read(_files.Write("t.csv", $"a{separator}b\n1,5{separator}x\n2,5{separator}y\n".Replace(",", ".")));
            Assert.AreEqual(separator, file.Metadata.Separator);
            CollectionAssert.AreEqual(new[] { "a", "b" }, file.Data.Schema.Select(c => c.Name).ToArray());
            Assert.AreEqual(2.5, ((ContinuousColumn)file.Table["a"]).Values[1]);
        }
    }

    [TestMethod]
    public void AFileReadWithTheWrongSeparatorIsAnError()
    {
        string path = _files.Write("t.csv", "a;b;c\n1;x;2\n3;y;4\n5;z;6\n");
        var error = Assert.ThrowsExactly<InvalidDataException>(() => TabularFileReader.Read(path, new TabularFileOptions { Separator = ',' }));
        StringAssert.Contains(error.Message, "looks separated by ';'");
        Assert.AreEqual(3, TabularFileReader.Read(path, new TabularFileOptions { Separator = ';' }).Metadata.Columns.Count);
    }

    [TestMethod]
    public void QuotedFieldsKeepSeparatorsQuotesAndLineBreaks()
    {
        string path = _files.Write("t.csv", "id,text,value\r\n1,\"a, b\",10\r\n2,\"line one\nline two\",20\r\n3,\"say \"\"hi\"\"\",30\r\n");
        var file = TabularFileReader.Read(path, new TabularFileOptions { DiscreteColumns = ["id"] });
        var text = (DiscreteColumn)file.Table["text"];
        CollectionAssert.AreEqual(new object[] { "a, b", "line one\nline two", "say \"hi\"" }, text.Categories.ToArray());
        CollectionAssert.AreEqual(new[] { 10.0, 20, 30 }, ((ContinuousColumn)file.Table["value"]).Values.ToArray());
    }

    [TestMethod]
    public void ARaggedRowIsAnErrorNamingItsLine()
    {
        string path = _files.Write("t.csv", "a,b,c\n1,2,3\n\"x\ny\",5,6\n7,8\n");
        var error = Assert.ThrowsExactly<InvalidDataException>(() => TabularFileReader.Read(path));
        StringAssert.Contains(error.Message, "line 5 has 2 fields but the header has 3");
        error = Assert.ThrowsExactly<InvalidDataException>(() => TabularFileReader.Read(_files.Write("u.csv", "a,b\n1,2,3\n")));
        StringAssert.Contains(error.Message, "line 2 has 3 fields");
    }

    [TestMethod]
    public void ADuplicatedHeaderNameIsAnErrorNamingTheColumn()
    {
        var error = Assert.ThrowsExactly<InvalidDataException>(() => TabularFileReader.Read(_files.Write("t.csv", "age,city,age\n1,x,2\n")));
        StringAssert.Contains(error.Message, "'age' twice");
        StringAssert.Contains(error.Message, "columns 1 and 3");
    }

    [TestMethod]
    public void InfinityIsAnErrorNamingTheColumnAndLine()
    {
        string path = _files.Write("t.csv", "x,y\n1,a\n-inf,b\n2,c\n");
        var error = Assert.ThrowsExactly<InvalidDataException>(() => TabularFileReader.Read(path));
        StringAssert.Contains(error.Message, "Column 'x'");
        StringAssert.Contains(error.Message, "('-inf') at line 3");
        var categories = TabularFileReader.Read(path, new TabularFileOptions { DiscreteColumns = ["x"] });
        Assert.AreEqual(ColumnRole.Discrete, categories.Metadata.Find("x")!.Role);
    }

    [TestMethod]
    public void AFewTextCellsInANumericColumnAreAnErrorListingThem()
    {
        var lines = new StringBuilder("amount,label\n");
        for (int i = 0; i < 40; i++)
            lines.Append(i == 7 ? "n.a." : i == 30 ? "twelve" : (i * 1.5).ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(",x\n");
        string path = _files.Write("t.csv", lines.ToString());
        var error = Assert.ThrowsExactly<InvalidDataException>(() => TabularFileReader.Read(path));
        StringAssert.Contains(error.Message, "Column 'amount'");
        StringAssert.Contains(error.Message, "'n.a.' (line 9)");
        StringAssert.Contains(error.Message, "'twelve' (line 32)");
        var asCategories = TabularFileReader.Read(path, new TabularFileOptions { DiscreteColumns = ["amount"] });
        Assert.IsInstanceOfType<DiscreteColumn>(asCategories.Table["amount"]);
    }

    [TestMethod]
    public void InvalidUtf8IsAnErrorNamingTheLineAndLatin1ReadsWithItsEncoding()
    {
        byte[] bytes = Encoding.Latin1.GetBytes("city,n\nParis,1\nZürich,2\nCôte,3\n");
        string path = _files.WriteBytes("t.csv", bytes);
        var error = Assert.ThrowsExactly<InvalidDataException>(() => TabularFileReader.Read(path));
        StringAssert.Contains(error.Message, "not valid UTF-8: line 3");
        var file = TabularFileReader.Read(path, new TabularFileOptions { Encoding = Encoding.Latin1 });
        CollectionAssert.AreEqual(new object[] { "Paris", "Zürich", "Côte" }, ((DiscreteColumn)file.Table["city"]).Categories.ToArray());
    }

    [TestMethod]
    public void AUtf8ByteOrderMarkIsSkipped()
    {
        var file = TabularFileReader.Read(_files.WriteBytes("t.csv", [.. "\uFEFFa,b\n1,x\n2,y\n"u8]));
        Assert.AreEqual("a", file.Metadata.Columns[0].Name);
    }

    [TestMethod]
    public void EmptyAndHeaderOnlyFilesAreErrors()
    {
        StringAssert.Contains(Assert.ThrowsExactly<InvalidDataException>(() => TabularFileReader.Read(_files.Write("e.csv", ""))).Message, "empty");
        StringAssert.Contains(Assert.ThrowsExactly<InvalidDataException>(() => TabularFileReader.Read(_files.Write("h.csv", "a,b\n"))).Message, "no rows");
    }
}
