using Microsoft.ML.Gan.Testing;

namespace Microsoft.ML.Gan.Cli.Tests;

/// <summary>
/// Outputs never destroy data, errors are one line with the right exit code, shards add up to one run, and the
/// summaries say what they hide.
/// </summary>
[TestClass]
public sealed class CliOutputTests
{
    private static string _folder = "";
    private static string _table = "";
    private static string _model = "";
    private static string _tvae = "";

    [ClassInitialize]
    public static void FitOnce(TestContext context)
    {
        _folder = Path.Combine(Path.GetTempPath(), "mlgan-cli-output-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        _table = SmallTable.Write(_folder, seed: 5);
        _model = Path.Combine(_folder, "model.zip");
        var (code, output) = CliRunner.Run("fit", _table, "--model", _model, "--epochs", "2", "--batch-size", "100", "--threads", "1");
        Assert.AreEqual(0, code, output);
        _tvae = Path.Combine(_folder, "tvae.zip");
        (code, output) = CliRunner.Run("fit", _table, "--model", _tvae, "--synthesizer", "tvae", "--epochs", "1", "--batch-size", "100", "--threads", "1");
        Assert.AreEqual(0, code, output);
    }

    [ClassCleanup]
    public static void RemoveFolder() => Directory.Delete(_folder, recursive: true);

    private static string Output(string name) => Path.Combine(_folder, name);

    /// <summary>Runs mlgan and checks the exit code and that the failure is one "error:" line naming <paramref name="expected"/>.</summary>
    private static string Fails(int exitCode, string expected, params string[] args)
    {
        var (code, output) = CliRunner.Run(args);
        Assert.AreEqual(exitCode, code, output);
        var errors = output.Split('\n').Where(l => l.StartsWith("error:", StringComparison.Ordinal)).ToList();
        Assert.HasCount(1, errors, output);
        StringAssert.Contains(errors[0], expected, output);
        Assert.DoesNotContain("   at ", output, "no stack trace without --verbose");
        return output;
    }

    [TestMethod]
    public void SampleRefusesAnExistingOutputUntilOverwrite()
    {
        string path = Output("exists.csv");
        File.WriteAllText(path, "keep me");
        Fails(1, "add --overwrite", "sample", "--model", _model, "-n", "10", "--out", path);
        Assert.AreEqual("keep me", File.ReadAllText(path));
        Assert.AreEqual(0, CliRunner.Run("sample", "--model", _model, "-n", "10", "--out", path, "--overwrite").ExitCode);
        Assert.HasCount(11, File.ReadAllLines(path));
    }

    [TestMethod]
    public void ExportRefusesAnExistingSqliteTable()
    {
        string database = Output("tables.db");
        Assert.AreEqual(0, CliRunner.Run("export", "--model", _model, "-n", "20", "--to", "sqlite:" + database, "--table", "rows").ExitCode);
        long size = new FileInfo(database).Length;
        Fails(1, "add --overwrite", "export", "--model", _model, "-n", "20", "--to", "sqlite:" + database, "--table", "rows");
        Assert.AreEqual(size, new FileInfo(database).Length);
        Assert.IsEmpty(Directory.GetFiles(_folder, ".tables.db*"));
    }

    [TestMethod]
    public void OutputsInReadOnlyOrMissingFoldersOrNamingFoldersFailAtOnce()
    {
        string folder = ReadOnlyFolder();
        Fails(1, "is not writable", "sample", "--model", _model, "-n", "10", "--out", Path.Combine(folder, "x.csv"));
        Fails(1, "is a folder", "sample", "--model", _model, "-n", "10", "--out", _folder);
        Fails(1, "does not exist", "sample", "--model", _model, "-n", "10", "--out", Output("missing/x.csv"));
        Fails(1, "does not exist", "demo-ring", "--out", Output("missing/ring.png"), "--steps", "100000");
        string file = Output("a-file");
        File.WriteAllText(file, "not a folder");
        Fails(1, "is a file", "demo", "--out-dir", file);
    }

    [TestMethod]
    public void AMissingOrReadOnlyModelFolderIsFoundBeforeTraining()
    {
        string output = Fails(1, "does not exist", "fit", _table, "--model", Output("missing/model.zip"), "--epochs", "100000");
        Assert.DoesNotContain("step", output, "no training step ran");
        output = Fails(1, "is not writable", "fit", _table, "--model", Path.Combine(ReadOnlyFolder(), "model.zip"), "--epochs", "100000");
        Assert.DoesNotContain("step", output);
    }

    [TestMethod]
    public void AnOutputThatIsAnInputIsRefused()
    {
        string table = Output("precious.csv");
        File.Copy(_table, table);
        byte[] before = File.ReadAllBytes(table);
        Fails(2, "never replaces an input", "fit", table, "--model", table, "--epochs", "1");
        Fails(2, "never replaces an input", "fit", table, "--model", table, "--epochs", "1", "--overwrite");
        string link = Output("link-to-precious.csv");
        File.CreateSymbolicLink(link, table);
        Fails(2, "never replaces an input", "fit", table, "--model", link, "--overwrite");
        CollectionAssert.AreEqual(before, File.ReadAllBytes(table));

        string synthetic = Output("synthetic-input.csv");
        File.Copy(_table, synthetic);
        Fails(2, "--report", "evaluate", "--real", table, "--synthetic", synthetic, "--report", table, "--json", synthetic);
        Fails(2, "--json", "evaluate", "--real", table, "--synthetic", synthetic, "--report", Output("fine.html"), "--json", synthetic, "--overwrite");
        CollectionAssert.AreEqual(before, File.ReadAllBytes(table));
        CollectionAssert.AreEqual(before, File.ReadAllBytes(synthetic));
        Assert.IsFalse(File.Exists(Output("fine.html")));
    }

    [TestMethod]
    public void DataAndConnectionFailuresAreOneLineWithExitCode1()
    {
        string parquet = Output("bad.parquet");
        File.WriteAllBytes(parquet, [.. Enumerable.Range(0, 200).Select(i => (byte)i)]);
        Fails(1, "", "fit", parquet, "--model", Output("bad.zip"));
        Fails(1, "", "export", "--model", _model, "-n", "10", "--to", "postgres:Host=127.0.0.1;Port=1;Username=nobody;Password=none;Database=none;Timeout=2");
        var (code, output) = CliRunner.Run("sample", "--model", Output("missing.zip"), "--out", Output("never.csv"), "--verbose");
        Assert.AreEqual(1, code);
        StringAssert.Contains(output, "   at ", "--verbose prints the stack trace");
    }

    [TestMethod]
    public void CommandLineMistakesExitWith2()
    {
        Fails(2, "--where colour=red: TVAE's decoder has no conditional input", "sample", "--model", _tvae, "-n", "10", "--out", Output("tvae-where.csv"), "--where", "colour=red");
        Fails(2, "--bogus", "sample", "--model", _model, "--out", Output("x.csv"), "--bogus");
        Fails(2, "--shard", "sample", "--model", _model, "--out", Output("x.csv"), "--shard", "3/3");
        Fails(2, "--out", "sample", "--model", _model, "--out", Output("x.txt"));
        Fails(2, "'--model' is required", "sample", "--out", Output("x.csv"));
        Assert.IsFalse(File.Exists(Output("tvae-where.csv")));
    }

    [TestMethod]
    public void CsvShardsConcatenateToTheFileOfOneRun()
    {
        string whole = Output("whole.csv");
        Assert.AreEqual(0, CliRunner.Run("sample", "--model", _model, "-n", "1001", "--out", whole, "--seed", "3").ExitCode);
        var joined = new List<byte>();
        for (int k = 0; k < 3; k++)
        {
            string part = Output($"shard-{k}.csv");
            var (code, output) = CliRunner.Run("sample", "--model", _model, "-n", "1001", "--out", part, "--seed", "3", "--shard", $"{k}/3");
            Assert.AreEqual(0, code, output);
            joined.AddRange(File.ReadAllBytes(part));
        }
        CollectionAssert.AreEqual(File.ReadAllBytes(whole), joined.ToArray());
    }

    [TestMethod]
    public async Task ParquetShardsInAFolderHoldTheRowsOfOneRun()
    {
        string whole = Output("whole.parquet");
        Assert.AreEqual(0, CliRunner.Run("export", "--model", _model, "-n", "700", "--to", "parquet:" + whole, "--seed", "4").ExitCode);
        string parts = Output("parts");
        Directory.CreateDirectory(parts);
        for (int k = 0; k < 4; k++)
        {
            var (code, output) = CliRunner.Run("sample", "--model", _model, "-n", "700", "--out", Path.Combine(parts, $"part-{k:D5}.parquet"), "--seed", "4", "--shard", $"{k}/4");
            Assert.AreEqual(0, code, output);
        }
        var expected = await ParquetRows.Read(whole);
        var actual = new List<string>();
        foreach (string part in Directory.GetFiles(parts, "*.parquet").Order(StringComparer.Ordinal))
            actual.AddRange(await ParquetRows.Read(part));
        Assert.HasCount(700, expected);
        CollectionAssert.AreEqual(expected, actual);
    }

    [TestMethod]
    public void EvaluateShowsCopiesAndDistancesNextToTheScores()
    {
        var (code, output) = CliRunner.Run("evaluate", "--real", _table, "--synthetic", _table, "--report", Output("copy.html"));
        Assert.AreEqual(0, code, output);
        StringAssert.Contains(output, "exact copies of real training rows");
        StringAssert.Contains(output, "distance to closest real record");
        StringAssert.Contains(output, "warning:");
        StringAssert.Contains(output, "are exact copies of real training rows");
    }

    [TestMethod]
    public void ExportSaysWhichCellsRareCategorySuppressionBlanked()
    {
        var (code, output) = CliRunner.Run("export", "--model", _model, "-n", "200", "--to", "csv:" + Output("blanked.csv"), "--real", _table, "--rare-k", "100000");
        Assert.AreEqual(0, code, output);
        StringAssert.Contains(output, "RareCategorySuppression");
        StringAssert.Matches(output, new System.Text.RegularExpressions.Regex(@"blanked [\d,]+ cells \((colour|label): "));
    }

    /// <summary>
    /// A folder new files cannot be created in: a read-only (mode 555) folder, or for root, whom modes do not stop,
    /// /sys, which the kernel keeps read-only.
    /// </summary>
    private static string ReadOnlyFolder()
    {
        if (!OperatingSystem.IsLinux())
            throw new AssertInconclusiveException("Read-only folders are tested on Linux.");
        string folder = Path.Combine(_folder, "read-only");
        Directory.CreateDirectory(folder);
        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute);
        try
        {
            File.WriteAllText(Path.Combine(folder, "probe"), "");
        }
        catch (UnauthorizedAccessException)
        {
            return folder;
        }
        File.Delete(Path.Combine(folder, "probe"));
        return "/sys";
    }
}
