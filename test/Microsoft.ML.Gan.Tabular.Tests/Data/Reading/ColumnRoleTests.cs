using System.Globalization;
using System.Text;
using Microsoft.ML.Data;
using Microsoft.ML.Gan.Tabular.Data;

namespace Microsoft.ML.Gan.Tabular.Tests.Data.Reading;

/// <summary>Inferred roles (identifier, date/time, constant), their JSON form, and overriding them.</summary>
[TestClass]
public sealed class ColumnRoleTests
{
    private readonly TemporaryFiles _files = new();

    [TestCleanup]
    public void Cleanup() => _files.Dispose();

    /// <summary>id (sequential), customer (a distinct code per row), email, and two learnable columns.</summary>
    internal static string PeopleCsv(int rows, Func<int, string>? id = null)
    {
        var text = new StringBuilder("id,customer,email,age,plan\n");
        var random = new Random(3);
        for (int i = 0; i < rows; i++)
            text.Append(CultureInfo.InvariantCulture, $"{id?.Invoke(i) ?? (1000 + i).ToString(CultureInfo.InvariantCulture)},C{random.Next():X8},person{i}@example.org,{20 + random.Next(50)},{(random.NextDouble() < 0.3 ? "gold" : "basic")}\n");
        return text.ToString();
    }

    [TestMethod]
    public void IdentifierColumnsAreInferredAndLeftOutWithAWarning()
    {
        var file = TabularFileReader.Read(_files.Write("people.csv", PeopleCsv(80)));
        var roles = file.Metadata.Columns.ToDictionary(c => c.Name, c => c.Role);
        Assert.AreEqual(ColumnRole.Identifier, roles["id"]);
        Assert.AreEqual(ColumnRole.Identifier, roles["customer"]);
        Assert.AreEqual(ColumnRole.Identifier, roles["email"]);
        Assert.AreEqual(ColumnRole.Continuous, roles["age"]);
        Assert.AreEqual(ColumnRole.Discrete, roles["plan"]);
        StringAssert.Contains(file.Metadata.Find("email")!.Warnings.Single(), "e-mail");
        StringAssert.Contains(file.Metadata.Find("customer")!.Warnings.Single(), "80 distinct values in 80 rows");
        CollectionAssert.AreEqual(new[] { "age", "plan" }, file.Data.Schema.Select(c => c.Name).ToArray());
    }

    [TestMethod]
    public void ManyDistinctMeasurementsAreNotIdentifiers()
    {
        var text = new StringBuilder("weight,price\n");
        var random = new Random(5);
        for (int i = 0; i < 100; i++)
            text.Append(CultureInfo.InvariantCulture, $"{50 + random.NextDouble() * 40:F4},{random.Next(1000, 1_000_000)}\n");
        var file = TabularFileReader.Read(_files.Write("m.csv", text.ToString()));
        Assert.IsTrue(file.Metadata.Columns.All(c => c.Role == ColumnRole.Continuous), string.Join(", ", file.Metadata.Columns.Select(c => c.Role)));
    }

    [TestMethod]
    public void DateTimeColumnsAreReadAsInstantsWithTheirFormat()
    {
        var file = TabularFileReader.Read(_files.Write("d.csv", "when,at,n\n2021-03-04,2021-03-04T10:15:00Z,1\n2021-12-31,2022-01-01T00:00:30.5Z,2\n"));
        var when = file.Metadata.Find("when")!;
        Assert.AreEqual(ColumnRole.DateTime, when.Role);
        Assert.AreEqual("yyyy-MM-dd", when.DateTimeFormat);
        Assert.AreEqual(DateTimeDataViewType.Instance, file.Data.Schema["when"].Type);
        Assert.AreEqual(new DateTime(2021, 12, 31).Ticks, ((ContinuousColumn)file.Table["when"]).Values[1]);
        Assert.AreEqual("yyyy-MM-ddTHH:mm:ss.FFFFFFFK", file.Metadata.Find("at")!.DateTimeFormat);
        Assert.AreEqual(new DateTime(2022, 1, 1, 0, 0, 30, 500).Ticks, ((ContinuousColumn)file.Table["at"]).Values[1]);
    }

    [TestMethod]
    public void DateTimesWithBlanksStayMissing()
    {
        var file = TabularFileReader.Read(_files.Write("d.csv", "when,n\n05/31/2020,1\n,2\n12/01/2020,3\n"));
        Assert.AreEqual("MM/dd/yyyy", file.Metadata.Find("when")!.DateTimeFormat);
        var ticks = (ContinuousColumn)file.Table["when"];
        Assert.AreEqual(NumberDataViewType.Double, ticks.Type);
        Assert.IsTrue(double.IsNaN(ticks.Values[1]));
    }

    [TestMethod]
    public void MetadataRoundTripsThroughJsonAndOverridesInference()
    {
        string path = _files.Write("people.csv", PeopleCsv(60));
        var inferred = TabularFileReader.Read(path).Metadata;
        string json = inferred.ToJson();
        StringAssert.Contains(json, "\"role\": \"identifier\"");
        var edited = TabularMetadata.FromJson(json).WithRole("age", ColumnRole.Discrete).WithRole("plan", ColumnRole.Ignored);
        var file = TabularFileReader.Read(path, new TabularFileOptions { Metadata = edited });
        Assert.IsInstanceOfType<DiscreteColumn>(file.Table["age"]);
        Assert.IsNull(file.Data.Schema.GetColumnOrNull("plan"));
        var flags = TabularFileReader.Read(path, new TabularFileOptions { Metadata = edited, IgnoreColumns = ["age"], DiscreteColumns = ["plan"] });
        CollectionAssert.AreEqual(new[] { "plan" }, flags.Data.Schema.Select(c => c.Name).ToArray());
    }

    [TestMethod]
    public void BadMetadataIsAnErrorSayingWhat()
    {
        var error = Assert.ThrowsExactly<InvalidDataException>(() => TabularMetadata.FromJson("""{"columns":[{"name":"a","role":"fancy"}]}"""));
        StringAssert.Contains(error.Message, "unknown role");
        StringAssert.Contains(error.Message, "continuous, discrete, datetime");
        error = Assert.ThrowsExactly<InvalidDataException>(() => TabularMetadata.FromJson("""{"columns":[{"name":"a"},{"name":"a"}]}"""));
        StringAssert.Contains(error.Message, "'a' twice");
        string path = _files.Write("t.csv", "a,b\n1,x\n");
        var partial = TabularMetadata.FromJson("""{"columns":[{"name":"a","role":"continuous"}]}""");
        error = Assert.ThrowsExactly<InvalidDataException>(() => TabularFileReader.Read(path, new TabularFileOptions { Metadata = partial }));
        StringAssert.Contains(error.Message, "Column 'b'");
        var wrong = TabularMetadata.FromJson("""{"columns":[{"name":"a","role":"continuous"},{"name":"b","role":"continuous"}]}""");
        error = Assert.ThrowsExactly<InvalidDataException>(() => TabularFileReader.Read(path, new TabularFileOptions { Metadata = wrong }));
        StringAssert.Contains(error.Message, "role continuous");
        StringAssert.Contains(error.Message, "'x' (line 2)");
    }

    [TestMethod]
    public void AGivenIdentifierPrefixThatStartsARealValueIsRefused()
    {
        string path = _files.Write("people.csv", PeopleCsv(60, i => $"syn-{i:D6}"));
        var inferred = TabularFileReader.Read(path).Metadata;
        Assert.AreEqual("syn1-", inferred.Find("id")!.IdentifierPrefix, "the default prefix avoids every real value");
        var clashing = inferred with { Columns = [.. inferred.Columns.Select(c => c.Name == "id" ? c with { IdentifierPrefix = "syn-" } : c)] };
        var error = Assert.ThrowsExactly<InvalidDataException>(() => TabularFileReader.Read(path, new TabularFileOptions { Metadata = clashing }));
        StringAssert.Contains(error.Message, "'syn-'");
    }

    [TestMethod]
    public void ACorruptParquetFileIsAnErrorNamingIt()
    {
        string path = _files.WriteBytes("bad.parquet", [.. "PAR1 this is not parquet PAR1"u8]);
        var error = Assert.ThrowsExactly<InvalidDataException>(() => TabularFileReader.Read(path));
        StringAssert.Contains(error.Message, "is not a readable Parquet file");
        StringAssert.Contains(error.Message, "bad.parquet");
    }
}
