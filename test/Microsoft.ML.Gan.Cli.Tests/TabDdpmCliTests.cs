using System.Globalization;

namespace Microsoft.ML.Gan.Cli.Tests;

/// <summary><c>mlgan fit --synthesizer tabddpm</c> end to end: a model that samples and honours a condition; DP refused.</summary>
[TestClass]
public sealed class TabDdpmCliTests
{
    [TestMethod]
    public void FitWithTabDdpmWritesAModelThatSamples()
    {
        string folder = Path.Combine(Path.GetTempPath(), "mlgan-tabddpm-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            string table = Path.Combine(folder, "table.csv");
            var random = new Random(5);
            File.WriteAllLines(table, new[] { "size,colour" }.Concat(Enumerable.Range(0, 200).Select(_ =>
            {
                string colour = random.NextDouble() < 0.7 ? "red" : "blue";
                return string.Create(CultureInfo.InvariantCulture, $"{(colour == "red" ? 10 : 20) + random.NextDouble():F3},{colour}");
            })));
            string model = Path.Combine(folder, "tabddpm.zip");
            var (code, output) = CliRunner.Run("fit", table, "--model", model, "--synthesizer", "tabddpm", "--epochs", "2", "--batch-size", "100", "--threads", "1");
            Assert.AreEqual(0, code, output);
            string path = Path.Combine(folder, "rows.csv");
            (code, output) = CliRunner.Run("sample", "--model", model, "-n", "20", "--out", path, "--where", "colour=blue");
            Assert.AreEqual(0, code, output);
            var lines = File.ReadAllLines(path);
            Assert.HasCount(21, lines);
            Assert.IsTrue(lines.Skip(1).All(l => l.EndsWith(",blue", StringComparison.Ordinal)), string.Join("\n", lines));
            (code, output) = CliRunner.Run("fit", table, "--model", model, "--synthesizer", "tabddpm", "--dp-epsilon", "3");
            Assert.AreNotEqual(0, code);
            StringAssert.Contains(output, "--dp-epsilon");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
