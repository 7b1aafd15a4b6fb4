using System.Globalization;
using System.Text;
using Microsoft.ML.Data;
using Microsoft.ML.Gan.Tabular.Ctgan;
using Microsoft.ML.Gan.Tabular.Data;

namespace Microsoft.ML.Gan.Tabular.Tests.Data.Reading;

/// <summary>
/// What a sampled table gets back from the metadata, attacked: generated identifiers never equal real ones, and
/// date/time columns are new instants in the file's format, not replayed strings.
/// </summary>
[TestClass]
public sealed class SyntheticCompletionTests
{
    private readonly TemporaryFiles _files = new();

    [TestCleanup]
    public void Cleanup() => _files.Dispose();

    private static CtganModel Fit(IDataView data) =>
        new MLContext(seed: 1).Gan().Tabular.Ctgan(new CtganOptions { Epochs = 2, BatchSize = 100, Threads = 1, Seed = 1 }).Fit(data);

    private static string[] Texts(IDataView data, string column) =>
        [.. data.GetColumn<ReadOnlyMemory<char>>(column).Select(v => v.ToString())];

    [TestMethod]
    public void ASampledTableNeverContainsARealIdentifier()
    {
        // The real identifiers use the very format of generated ones ("syn-000001"...), so a careless generator would replay them.
        string path = _files.Write("people.csv", ColumnRoleTests.PeopleCsv(200, i => $"syn-{i + 1:D6}"));
        var file = TabularFileReader.Read(path);
        var metadata = file.Metadata with
        {
            Columns = [.. file.Metadata.Columns.Select(c => c.Role == ColumnRole.Identifier ? c with { Generate = true } : c)],
        };
        using var model = Fit(file.Data);
        Assert.IsNull(model.SampleSchema.GetColumnOrNull("id"), "identifiers are not learned");
        var sample = metadata.CompleteSynthetic(model.Sample(500, seed: 2));
        CollectionAssert.AreEqual(new[] { "id", "customer", "email", "age", "plan" }, sample.Schema.Select(c => c.Name).ToArray());
        var rows = File.ReadAllLines(path).Skip(1).Select(line => line.Split(',')).ToList();
        foreach (var (column, index) in new[] { ("id", 0), ("customer", 1), ("email", 2) })
        {
            var real = rows.Select(cells => cells[index]).ToHashSet(StringComparer.Ordinal);
            string[] generated = Texts(sample, column);
            Assert.AreEqual(500, generated.Distinct().Count(), $"{column}: one fresh identifier per row");
            Assert.AreEqual(0, generated.Count(real.Contains), $"{column}: a generated identifier equals a real one");
        }
        Assert.AreEqual("syn1-000001", Texts(sample, "id")[0]);
    }

    [TestMethod]
    public void DateTimesAreGeneratedAsNewTimesInTheFileFormat()
    {
        const string format = "yyyy-MM-dd HH:mm:ss";
        var random = new Random(8);
        var start = new DateTime(2020, 1, 1);
        var text = new StringBuilder("at,amount\n");
        for (int i = 0; i < 300; i++)
            text.Append(CultureInfo.InvariantCulture, $"{start.AddSeconds(random.Next(0, 365 * 86400)).ToString(format, CultureInfo.InvariantCulture)},{random.Next(10, 90)}\n");
        string path = _files.Write("times.csv", text.ToString());
        var file = TabularFileReader.Read(path);
        Assert.AreEqual(format, file.Metadata.Find("at")!.DateTimeFormat);
        using var model = Fit(file.Data);
        string[] generated = Texts(file.Metadata.CompleteSynthetic(model.Sample(300, seed: 3)), "at");
        var real = File.ReadAllLines(path).Skip(1).Select(line => line.Split(',')[0]).ToHashSet(StringComparer.Ordinal);
        foreach (string value in generated)
        {
            Assert.IsTrue(DateTime.TryParseExact(value, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant), value);
            Assert.IsTrue(instant >= start && instant < start.AddYears(1), value);
        }
        // Out-of-range draws are clipped to the training range, so the real first and last instants may recur; any
        // other real instant recurring would mean strings are replayed.
        string first = real.Min(StringComparer.Ordinal)!, last = real.Max(StringComparer.Ordinal)!;
        var replayed = generated.Where(v => real.Contains(v) && v != first && v != last).ToList();
        Assert.IsLessThan(5, replayed.Count, $"{replayed.Count} of 300 generated times are real ones: {string.Join(", ", replayed)}");
        Assert.IsGreaterThan(150, generated.Distinct().Count());
    }
}
