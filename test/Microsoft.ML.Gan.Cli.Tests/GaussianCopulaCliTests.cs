using System.Globalization;

namespace Microsoft.ML.Gan.Cli.Tests;

/// <summary>
/// <c>mlgan fit --synthesizer gaussiancopula</c> end to end: a model that samples and honours a condition; the flags that
/// do not apply to a one-pass fit (training length, batch size, target, DP) are refused in one line.
/// </summary>
[TestClass]
public sealed class GaussianCopulaCliTests
{
    [TestMethod]
    public void FitWithTheGaussianCopulaWritesAModelThatSamplesAndRefusesWhatDoesNotApply()
    {
        string folder = Path.Combine(Path.GetTempPath(), "mlgan-copula-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            string table = Path.Combine(folder, "table.csv");
            var random = new Random(5);
            File.WriteAllLines(table, new[] { "size,colour" }.Concat(Enumerable.Range(0, 300).Select(_ =>
            {
                string colour = random.NextDouble() < 0.7 ? "red" : "blue";
                return string.Create(CultureInfo.InvariantCulture, $"{(colour == "red" ? 10 : 20) + random.NextDouble():F3},{colour}");
            })));
            string model = Path.Combine(folder, "copula.zip");
            var (code, output) = CliRunner.Run("fit", table, "--model", model, "--synthesizer", "gaussiancopula", "--threads", "1");
            Assert.AreEqual(0, code, output);
            string path = Path.Combine(folder, "rows.csv");
            (code, output) = CliRunner.Run("sample", "--model", model, "-n", "50", "--out", path, "--where", "colour=blue");
            Assert.AreEqual(0, code, output);
            var lines = File.ReadAllLines(path);
            Assert.HasCount(51, lines);
            Assert.IsTrue(lines.Skip(1).All(l => l.EndsWith(",blue", StringComparison.Ordinal)), string.Join("\n", lines));
            // Real blue rows are about 20.5, all rows 13.5 on average; the copula's dependence between a category and a
            // number is weaker than this table's (a uniform draw inside the category's interval), so its blue rows are
            // larger than average, not all large (16.9 here).
            Assert.IsGreaterThan(15, lines.Skip(1).Average(l => double.Parse(l.Split(',')[0], CultureInfo.InvariantCulture)), "blue rows are the larger ones");

            string refused = Path.Combine(folder, "refused.zip");
            foreach (var (args, expected) in new[]
            {
                (new[] { "--epochs", "5" }, "--epochs, --steps and --batch-size do not apply to --synthesizer gaussiancopula"),
                (new[] { "--steps", "5" }, "--epochs, --steps and --batch-size do not apply to --synthesizer gaussiancopula"),
                (new[] { "--batch-size", "50" }, "--epochs, --steps and --batch-size do not apply to --synthesizer gaussiancopula"),
                (new[] { "--target", "colour" }, "--target is supported with --synthesizer ctgan, tabddpm and tvae (Gaussian copula has no target-aware training yet)."),
                (new[] { "--dp-epsilon", "3" }, "--dp-epsilon is supported with --synthesizer ctgan only (gaussiancopula is trained without differential privacy)."),
            })
            {
                (code, output) = CliRunner.Run(["fit", table, "--model", refused, "--synthesizer", "gaussiancopula", .. args]);
                Assert.AreEqual(2, code, output);
                StringAssert.Contains(output, expected);
                Assert.AreEqual(1, output.Trim().Split('\n').Length, output);
                Assert.IsFalse(File.Exists(refused), "no model is written");
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
