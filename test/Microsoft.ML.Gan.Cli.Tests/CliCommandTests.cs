using System.Globalization;

namespace Microsoft.ML.Gan.Cli.Tests;

/// <summary>The mlgan commands end to end on a small table: fit, sample, evaluate, export, and their errors.</summary>
[TestClass]
public sealed class CliCommandTests
{
    private static string _folder = "";
    private static string _table = "";
    private static string _model = "";

    [ClassInitialize]
    public static void FitOnce(TestContext context)
    {
        _folder = Path.Combine(Path.GetTempPath(), "mlgan-cli-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        _table = SmallTable.Write(_folder, seed: 4);
        _model = Path.Combine(_folder, "model.zip");
        var (code, output) = CliRunner.Run("fit", _table, "--model", _model, "--epochs", "3", "--batch-size", "100", "--threads", "1");
        Assert.AreEqual(0, code, output);
    }

    [ClassCleanup]
    public static void RemoveFolder() => Directory.Delete(_folder, recursive: true);

    private static string Output(string name) => Path.Combine(_folder, name);

    /// <summary>The output with the console's line wrapping undone.</summary>
    private static string Flat(string output) => System.Text.RegularExpressions.Regex.Replace(output, @"\s+", " ");

    [TestMethod]
    public void FitWritesALoadableModel()
    {
        Assert.IsTrue(File.Exists(_model));
        Assert.IsNotNull(new MLContext().Model.Load(_model, out _));
    }

    [TestMethod]
    public void SampleWritesTheAskedRowsWithTheTrainingColumns()
    {
        string path = Output("sample.csv");
        var (code, output) = CliRunner.Run("sample", "--model", _model, "-n", "40", "--out", path);
        Assert.AreEqual(0, code, output);
        var lines = File.ReadAllLines(path);
        Assert.AreEqual("size,colour,label", lines[0]);
        Assert.HasCount(41, lines);
    }

    [TestMethod]
    public void SampleWhereConditionsEveryRow()
    {
        string path = Output("blue.csv");
        var (code, output) = CliRunner.Run("sample", "--model", _model, "-n", "30", "--out", path, "--where", "colour=blue");
        Assert.AreEqual(0, code, output);
        Assert.IsTrue(File.ReadAllLines(path).Skip(1).All(line => line.Split(',')[1] == "blue"));
    }

    [TestMethod]
    public void EvaluateWritesAnHtmlReport()
    {
        string synthetic = Output("for-evaluation.csv");
        Assert.AreEqual(0, CliRunner.Run("sample", "--model", _model, "-n", "200", "--out", synthetic).ExitCode);
        string report = Output("report.html");
        var (code, output) = CliRunner.Run("evaluate", "--real", _table, "--synthetic", synthetic, "--target", "label", "--report", report, "--json", Output("report.json"));
        Assert.AreEqual(0, code, output);
        StringAssert.Contains(File.ReadAllText(report), "<svg ");
        StringAssert.Contains(output, "column shapes");
    }

    [TestMethod]
    public void ExportToSqliteWithThePrivacyFilter()
    {
        string database = Output("synthetic.db");
        var (code, output) = CliRunner.Run("export", "--model", _model, "-n", "100", "--to", "sqlite:" + database, "--real", _table);
        Assert.AreEqual(0, code, output);
        Assert.IsTrue(File.Exists(database));
        StringAssert.Contains(output, "Exported");
    }

    [TestMethod]
    public void FitWithDpEpsilonRecordsTheSpendInTheExportSummary()
    {
        string model = Output("dp.zip");
        var (code, output) = CliRunner.Run("fit", _table, "--model", model, "--epochs", "2", "--batch-size", "50", "--dp-epsilon", "10", "--threads", "1");
        Assert.AreEqual(0, code, output);
        StringAssert.Contains(output, "Differential privacy spent: ε =");
        string csv = Output("dp-export.csv");
        (code, output) = CliRunner.Run("export", "--model", model, "-n", "50", "--to", "csv:" + csv);
        Assert.AreEqual(0, code, output);
        using var summary = System.Text.Json.JsonDocument.Parse(File.ReadAllText(csv + ".export.json"));
        var privacy = summary.RootElement.GetProperty("DifferentialPrivacy");
        double epsilon = privacy.GetProperty("Epsilon").GetDouble();
        Assert.IsTrue(epsilon is > 0 and <= 10, $"ε = {epsilon}");
        Assert.AreEqual(Math.Pow(300, -1.1), privacy.GetProperty("Delta").GetDouble(), 1e-12);
    }

    [TestMethod]
    public void ADpFitSaysWhatItsBudgetKeepsAndItsExportUsesNoRealRowsWithoutTheFlag()
    {
        string model = Output("dp-tuned.zip");
        var (code, output) = CliRunner.Run("fit", _table, "--model", model, "--epochs", "1", "--batch-size", "50", "--dp-epsilon", "10",
            "--dp-public-bounds", "size=0:30", "--dp-public-categories", "colour=red|blue", "--dp-transformer-share", "0.2", "--threads", "1");
        Assert.AreEqual(0, code, output);
        string flat = Flat(output);
        StringAssert.Contains(flat, "Differential privacy: ε = 10");
        StringAssert.Contains(flat, "use 20 % of ε");
        StringAssert.Contains(flat, "not reproducible by --seed");

        string csv = Output("dp-tuned.csv");
        (code, output) = CliRunner.Run("export", "--model", model, "-n", "50", "--to", "csv:" + csv);
        Assert.AreEqual(0, code, output);
        StringAssert.Contains(Flat(output), "covers these rows");
        (code, output) = CliRunner.Run("export", "--model", model, "-n", "50", "--to", "csv:" + Output("dp-filtered.csv"), "--real", _table);
        Assert.AreNotEqual(0, code, "real rows on a DP model need the explicit flag");
        StringAssert.Contains(output, "--allow-real-data-filters");
        (code, output) = CliRunner.Run("export", "--model", model, "-n", "50", "--to", "csv:" + Output("dp-filtered.csv"), "--real", _table,
            "--allow-real-data-filters");
        Assert.AreEqual(0, code, output);
        StringAssert.Contains(Flat(output), "no longer covers this output");
        StringAssert.Contains(File.ReadAllText(Output("dp-filtered.csv") + ".export.json"), "\"EpsilonCoversOutput\": false");

        (code, output) = CliRunner.Run("fit", _table, "--model", model, "--dp-public-bounds", "size=0:30");
        Assert.AreNotEqual(0, code);
        StringAssert.Contains(output, "need --dp-epsilon");
        (code, output) = CliRunner.Run("fit", _table, "--model", model, "--dp-epsilon", "3", "--dp-public-bounds", "size=0", "--overwrite");
        Assert.AreNotEqual(0, code);
        StringAssert.Contains(output, "--dp-public-bounds 'size=0'");
    }

    [TestMethod]
    public void FitWithTvaeWritesAModelThatSamples()
    {
        string model = Output("tvae.zip");
        var (code, output) = CliRunner.Run("fit", _table, "--model", model, "--synthesizer", "tvae", "--epochs", "2", "--batch-size", "100");
        Assert.AreEqual(0, code, output);
        string path = Output("tvae.csv");
        (code, output) = CliRunner.Run("sample", "--model", model, "-n", "20", "--out", path);
        Assert.AreEqual(0, code, output);
        Assert.HasCount(21, File.ReadAllLines(path));
        (code, output) = CliRunner.Run("fit", _table, "--model", model, "--synthesizer", "tvae", "--dp-epsilon", "3");
        Assert.AreNotEqual(0, code);
        StringAssert.Contains(output, "--dp-epsilon");
    }

    [TestMethod]
    public void FitReadsParquetFiles()
    {
        string parquet = Output("rows.parquet");
        Assert.AreEqual(0, CliRunner.Run("export", "--model", _model, "-n", "200", "--to", "parquet:" + parquet).ExitCode);
        string model = Output("from-parquet.zip");
        var (code, output) = CliRunner.Run("fit", parquet, "--model", model, "--epochs", "1", "--batch-size", "100");
        Assert.AreEqual(0, code, output);
        string sample = Output("from-parquet.csv");
        Assert.AreEqual(0, CliRunner.Run("sample", "--model", model, "-n", "10", "--out", sample).ExitCode);
        Assert.AreEqual("size,colour,label", File.ReadAllLines(sample)[0]);
    }

    [TestMethod]
    public void BadArgumentsGiveClearMessagesAndNonZeroExitCodes()
    {
        var (code, output) = CliRunner.Run("sample", "--model", _model, "-n", "5", "--out", Output("x.csv"), "--where", "shade=blue");
        Assert.AreEqual(2, code);
        StringAssert.Contains(output, "'shade'");

        (code, output) = CliRunner.Run("export", "--model", _model, "--to", "ftp:somewhere");
        Assert.AreEqual(2, code);
        StringAssert.Contains(output, "'ftp'");

        (code, output) = CliRunner.Run("fit", Output("missing.csv"), "--model", Output("m.zip"));
        Assert.AreEqual(1, code);
        StringAssert.Contains(output, "does not exist");

        (code, _) = CliRunner.Run("fit", _table);
        Assert.AreNotEqual(0, code, "--model is required");

        (code, output) = CliRunner.Run("sample", "--model", Output("missing.zip"), "--out", Output("y.csv"));
        Assert.AreEqual(1, code);
    }
}
