using System.Globalization;

namespace Microsoft.ML.Gan.Cli.Tests;

/// <summary><c>mlgan fit --target</c>: target-aware CTGAN and TVAE fit and sample; bad combinations are refused by flag.</summary>
[TestClass]
public sealed class FitTargetCliTests
{
    [TestMethod]
    public void TargetTrainsCtganAndTvaeAndRefusesWhatTheyCannotDo()
    {
        string folder = Path.Combine(Path.GetTempPath(), "mlgan-target-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            string table = Path.Combine(folder, "table.csv");
            var random = new Random(5);
            File.WriteAllLines(table, new[] { "size,colour" }.Concat(Enumerable.Range(0, 200).Select(_ =>
            {
                double size = random.NextDouble() * 20;
                return string.Create(CultureInfo.InvariantCulture, $"{size:F3},{(size > 10 ? "red" : "blue")}");
            })));
            string model = Path.Combine(folder, "ctgan.zip");
            var (code, output) = CliRunner.Run("fit", table, "--model", model, "--target", "colour", "--synthesizer", "ctgan", "--epochs", "2", "--batch-size", "100", "--threads", "1");
            Assert.AreEqual(0, code, output);
            string rows = Path.Combine(folder, "rows.csv");
            (code, output) = CliRunner.Run("sample", "--model", model, "-n", "10", "--out", rows);
            Assert.AreEqual(0, code, output);
            Assert.HasCount(11, File.ReadAllLines(rows));

            // The refusals write nowhere: a fresh model path, so the existing model's check does not answer first.
            model = Path.Combine(folder, "refused.zip");
            (code, output) = CliRunner.Run("fit", table, "--model", model, "--target", "nope", "--epochs", "1", "--batch-size", "100");
            Assert.AreNotEqual(0, code);
            StringAssert.Contains(output, "'nope'");
            (code, output) = CliRunner.Run("fit", table, "--model", model, "--target", "colour", "--dp-epsilon", "3");
            Assert.AreNotEqual(0, code);
            StringAssert.Contains(output, "--target cannot be combined with --dp-epsilon");

            // Without --synthesizer a categorical target trains TVAE, a conditional VAE: it samples on the target with
            // --where, and refuses other columns.
            model = Path.Combine(folder, "tvae.zip");
            (code, output) = CliRunner.Run("fit", table, "--model", model, "--target", "colour", "--epochs", "2", "--batch-size", "100", "--threads", "1");
            Assert.AreEqual(0, code, output);
            StringAssert.Contains(output, "No --synthesizer: TVAE, the default for a categorical --target ('colour').");
            (code, output) = CliRunner.Run("sample", "--model", model, "-n", "20", "--out", rows, "--where", "colour=red", "--overwrite");
            Assert.AreEqual(0, code, output);
            Assert.IsTrue(File.ReadAllLines(rows).Skip(1).All(line => line.EndsWith(",red", StringComparison.Ordinal)), string.Join("\n", File.ReadAllLines(rows)));
            (code, output) = CliRunner.Run("sample", "--model", model, "-n", "20", "--out", rows, "--where", "size=3", "--overwrite");
            Assert.AreNotEqual(0, code);
            StringAssert.Contains(output, "--where size=3");

            // A continuous target keeps the default TabDDPM.
            model = Path.Combine(folder, "tabddpm.zip");
            (code, output) = CliRunner.Run("fit", table, "--model", model, "--target", "size", "--steps", "3", "--batch-size", "100", "--threads", "1");
            Assert.AreEqual(0, code, output);
            Assert.DoesNotContain("No --synthesizer", output);
            StringAssert.Contains(output, "TabDDPM");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
