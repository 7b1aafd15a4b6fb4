namespace Microsoft.ML.Gan.Cli.Tests;

/// <summary>`mlgan fit --steps`: training length in steps instead of epochs.</summary>
[TestClass]
public sealed class FitStepsCliTests
{
    [TestMethod]
    public void StepsSetTheLengthOfTrainingAndBadValuesAreOneLineUsageErrors()
    {
        string folder = Path.Combine(Path.GetTempPath(), "mlgan-steps-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            string table = SmallTable.Write(folder, seed: 3);
            string model = Path.Combine(folder, "model.zip");
            foreach (string synthesizer in new[] { "ctgan", "tvae", "tabddpm" })
            {
                var (code, output) = CliRunner.Run("fit", table, "--model", model, "--synthesizer", synthesizer, "--steps", "3",
                    "--batch-size", "100", "--threads", "1", "--overwrite");
                Assert.AreEqual(0, code, output);
                StringAssert.Contains(output, "(3 steps,", $"{synthesizer}: {output}");
            }

            foreach (var (args, expected) in new[]
            {
                (new[] { "--steps", "0" }, "--steps must be at least 1, not 0."),
                (new[] { "--steps", "-4" }, "--steps must be at least 1, not -4."),
                (new[] { "--steps", "many" }, "many"),
                (new[] { "--steps", "5", "--epochs", "2" }, "--steps and --epochs cannot be combined"),
            })
            {
                string rejected = Path.Combine(folder, "rejected.zip");
                var (code, output) = CliRunner.Run(["fit", table, "--model", rejected, .. args]);
                Assert.AreEqual(2, code, output);
                StringAssert.Contains(output, expected);
                Assert.IsFalse(File.Exists(rejected), "no model is written");
                if (args[1] != "many")
                    Assert.AreEqual(1, output.Trim().Split('\n').Length, output);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
