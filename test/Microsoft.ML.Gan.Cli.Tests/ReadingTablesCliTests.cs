using System.Globalization;
using System.Text;

namespace Microsoft.ML.Gan.Cli.Tests;

/// <summary>
/// Everyday files through mlgan: each malformed table is a one-line error naming the line or column with exit code 1,
/// each flag mistake exit code 2; inspect and --metadata; identifiers never leak; blanks and dates are not replayed.
/// </summary>
[TestClass]
public sealed class ReadingTablesCliTests
{
    private string _folder = "";

    [TestInitialize]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("mlgan-reading-cli-").FullName;

    [TestCleanup]
    public void RemoveFolder() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text, Encoding? encoding = null)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllText(path, text, encoding ?? new UTF8Encoding(false));
        return path;
    }

    private string PathOf(string name) => Path.Combine(_folder, name);

    private static void AssertFails(int expectedCode, string expectedText, params string[] args)
    {
        var (code, output) = CliRunner.Run(args);
        Assert.AreEqual(expectedCode, code, output);
        StringAssert.Contains(output, expectedText);
        Assert.DoesNotContain("   at ", output, "no stack trace");
    }

    /// <summary>A learnable table: id (a key), amount (a third blank), plan, and optionally a timestamp.</summary>
    private string Table(int rows, bool withTimes = false, bool blankTimes = false)
    {
        var random = new Random(11);
        var text = new StringBuilder(withTimes ? "id,amount,plan,at\n" : "id,amount,plan\n");
        for (int i = 0; i < rows; i++)
        {
            string amount = i % 3 == 0 ? "" : (10 + random.NextDouble() * 10).ToString("F2", CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"{5000 + i},{amount},{(random.NextDouble() < 0.4 ? "gold" : "basic")}");
            if (withTimes)
                text.Append(',').Append(blankTimes && i % 4 == 1 ? "" : new DateTime(2023, 1, 1).AddMinutes(random.Next(0, 525_600)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
            text.Append('\n');
        }
        return Write("table.csv", text.ToString());
    }

    [TestMethod]
    public void MalformedFilesAreOneLineErrorsWithExitCode1()
    {
        AssertFails(1, "looks separated by ';'", "inspect", Write("semi.csv", "a;b;c\n1;x;2\n3;y;4\n"), "--separator", ",");
        AssertFails(1, "line 3 has 2 fields but the header has 3", "fit", Write("ragged.csv", "a,b,c\n1,2,3\n4,5\n"), "--model", PathOf("m.zip"));
        AssertFails(1, "'age' twice", "fit", Write("dup.csv", "age,city,age\n1,x,2\n3,y,4\n"), "--model", PathOf("m.zip"));
        AssertFails(1, "('inf') at line 3", "fit", Write("inf.csv", "x,y\n1,a\ninf,b\n2,c\n"), "--model", PathOf("m.zip"));
        AssertFails(1, "'oops' (line 4)", "inspect", Write("text.csv", "n,y\n" + string.Concat(Enumerable.Range(0, 30).Select(i => (i == 2 ? "oops" : i.ToString(CultureInfo.InvariantCulture)) + ",a\n"))));
        AssertFails(1, "not valid UTF-8: line 3", "inspect", Write("latin.csv", "city,n\nParis,1\nZürich,2\n", Encoding.Latin1));
        AssertFails(1, "is not a readable Parquet file", "fit", Write("bad.parquet", "PAR1 nonsense PAR1"), "--model", PathOf("m.zip"));
        Assert.IsFalse(File.Exists(PathOf("m.zip")), "no model is written for a malformed table");
    }

    [TestMethod]
    public void FlagMistakesAreExitCode2()
    {
        string table = Table(60);
        AssertFails(2, "--separator 'ab'", "inspect", table, "--separator", "ab");
        AssertFails(2, "--encoding 'klingon'", "inspect", table, "--encoding", "klingon");
        AssertFails(2, "Column 'colour', listed as discrete, is not in", "inspect", table, "--discrete", "colour");
    }

    [TestMethod]
    public void FlagsFixWhatTheFileNeeds()
    {
        var (code, output) = CliRunner.Run("inspect", Write("latin.csv", "city,n\nParis,1\nZürich,2\n", Encoding.Latin1), "--encoding", "latin1");
        Assert.AreEqual(0, code, output);
        string mostlyNumbers = Write("text.csv", "n,y\n" + string.Concat(Enumerable.Range(0, 30).Select(i => (i == 2 ? "oops" : i.ToString(CultureInfo.InvariantCulture)) + ",a\n")));
        (code, output) = CliRunner.Run("inspect", mostlyNumbers, "--discrete", "n");
        Assert.AreEqual(0, code, output);
        StringAssert.Contains(output, "discrete");
        (code, output) = CliRunner.Run("inspect", Write("semi.csv", "a;b\n1;x\n3;y\n"));
        Assert.AreEqual(0, code, output);
        StringAssert.Contains(output, "2 columns learned");
    }

    [TestMethod]
    public void InspectPrintsRolesAndWritesMetadataThatFitUses()
    {
        string table = Table(120);
        string roles = PathOf("roles.json");
        var (code, output) = CliRunner.Run("inspect", table, "--out", roles);
        Assert.AreEqual(0, code, output);
        StringAssert.Contains(output, "identifier");
        StringAssert.Contains(output, "120 distinct whole numbers in 120 rows");
        Assert.IsTrue(File.Exists(roles));
        AssertFails(1, "already exists; add --overwrite", "inspect", table, "--out", roles);
        AssertFails(2, "is the input file", "inspect", table, "--out", table, "--overwrite");

        File.WriteAllText(roles, File.ReadAllText(roles).Replace("\"role\": \"discrete\"", "\"role\": \"ignored\"", StringComparison.Ordinal));
        string model = PathOf("model.zip");
        (code, output) = CliRunner.Run("fit", table, "--model", model, "--metadata", roles, "--epochs", "2", "--batch-size", "60", "--threads", "1");
        Assert.AreEqual(0, code, output);
        string sample = PathOf("sample.csv");
        Assert.AreEqual(0, CliRunner.Run("sample", "--model", model, "-n", "20", "--out", sample).ExitCode);
        Assert.AreEqual("amount", File.ReadAllLines(sample)[0], "the id is left out and plan ignored by the metadata");
    }

    [TestMethod]
    public void BlankNumbersAreSampledAsMissingNeverAsZero()
    {
        string model = PathOf("model.zip");
        var (code, output) = CliRunner.Run("fit", Table(300), "--model", model, "--epochs", "3", "--batch-size", "100", "--threads", "1");
        Assert.AreEqual(0, code, output);
        StringAssert.Contains(output, "warning:");
        string sample = PathOf("sample.csv");
        Assert.AreEqual(0, CliRunner.Run("sample", "--model", model, "-n", "300", "--out", sample).ExitCode);
        var amounts = File.ReadAllLines(sample).Skip(1).Select(line => line.Split(',')[0]).ToList();
        Assert.IsTrue(amounts.Any(a => a.Length == 0), "blank cells were learned as missing");
        Assert.IsTrue(amounts.Where(a => a.Length > 0).All(a => double.Parse(a, CultureInfo.InvariantCulture) >= 10), "no invented zeros");
    }

    /// <summary>Inspects the table, marks its identifier for generation and fits with those roles: the model and roles.json.</summary>
    private (string Model, string Roles) FitGeneratingIdentifiers(string table, int epochs)
    {
        string roles = PathOf("roles.json");
        Assert.AreEqual(0, CliRunner.Run("inspect", table, "--out", roles).ExitCode);
        File.WriteAllText(roles, File.ReadAllText(roles).Replace("\"generate\": false", "\"generate\": true", StringComparison.Ordinal));
        string model = PathOf("model.zip");
        var (code, output) = CliRunner.Run("fit", table, "--model", model, "--metadata", roles, "--epochs", epochs.ToString(CultureInfo.InvariantCulture), "--batch-size", "100", "--threads", "1");
        Assert.AreEqual(0, code, output);
        return (model, roles);
    }

    [TestMethod]
    public void ExportWithMetadataGeneratesFreshIdentifiersAndNewTimes()
    {
        string table = Table(300, withTimes: true);
        var (model, roles) = FitGeneratingIdentifiers(table, epochs: 3);
        string exported = PathOf("synthetic.csv");
        var (code, output) = CliRunner.Run("export", "--model", model, "-n", "300", "--to", "csv:" + exported, "--metadata", roles, "--real", table);
        Assert.AreEqual(0, code, output);

        var real = File.ReadAllLines(table).Skip(1).Select(line => line.Split(',')).ToList();
        var rows = File.ReadAllLines(exported);
        Assert.AreEqual("id,amount,plan,at", rows[0]);
        var synthetic = rows.Skip(1).Select(line => line.Split(',')).ToList();
        var realIds = real.Select(r => r[0]).ToHashSet();
        Assert.AreEqual(0, synthetic.Count(r => realIds.Contains(r[0])), "a real identifier leaked");
        Assert.AreEqual(synthetic.Count, synthetic.Select(r => r[0]).Distinct().Count());
        var realTimes = real.Select(r => r[3]).ToHashSet();
        Assert.IsTrue(synthetic.All(r => DateTime.TryParseExact(r[3], "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)), "times in the file's format");
        Assert.IsGreaterThan(synthetic.Count / 2, synthetic.Count(r => !realTimes.Contains(r[3])), "times are generated, not replayed");

        (code, output) = CliRunner.Run("evaluate", "--real", table, "--synthetic", exported, "--metadata", roles, "--report", PathOf("report.html"));
        Assert.AreEqual(0, code, output);
    }

    [TestMethod]
    public void SampleWritesBlankDatesInTheFileFormatAndIdentifiersThatShardsAgreeOn()
    {
        string table = Table(300, withTimes: true, blankTimes: true);
        var (model, _) = FitGeneratingIdentifiers(table, epochs: 60);
        string whole = PathOf("whole.csv");
        var (code, output) = CliRunner.Run("sample", "--model", model, "-n", "1000", "--seed", "5", "--out", whole);
        Assert.AreEqual(0, code, output);

        var lines = File.ReadAllLines(whole);
        Assert.AreEqual("id,amount,plan,at", lines[0]);
        var rows = lines.Skip(1).Select(line => line.Split(',')).ToList();
        var realIds = File.ReadAllLines(table).Skip(1).Select(line => line.Split(',')[0]).ToHashSet();
        Assert.AreEqual(0, rows.Count(r => realIds.Contains(r[0])), "a real identifier leaked");
        Assert.AreEqual(1000, rows.Select(r => r[0]).Distinct().Count());
        var times = rows.Select(r => r[3]).ToList();
        var notInFormat = times.Where(t => t.Length > 0 && !DateTime.TryParseExact(t, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)).ToList();
        Assert.AreEqual(0, notInFormat.Count, $"dates not in the file's format (ticks?): {string.Join(", ", notInFormat.Take(3))}");
        double blanks = times.Count(t => t.Length == 0) / 1000.0;
        Assert.IsTrue(blanks is > 0.08 and < 0.5, $"{blanks:P1} of the sampled dates are blank; the file has 25 %");

        // Shards of sample and of export (which streams with the model's columns) concatenate to the same file.
        foreach (string command in new[] { "sample", "export" })
        {
            var parts = new List<byte>();
            for (int k = 0; k < 3; k++)
            {
                string part = PathOf($"{command}-{k}.csv");
                string[] target = command == "sample" ? ["--out", part] : ["--to", "csv:" + part];
                (code, output) = CliRunner.Run([command, "--model", model, "-n", "1000", "--seed", "5", "--shard", $"{k}/3", .. target]);
                Assert.AreEqual(0, code, output);
                parts.AddRange(File.ReadAllBytes(part));
            }
            CollectionAssert.AreEqual(File.ReadAllBytes(whole), parts.ToArray(), $"{command} shards");
        }
    }
}
