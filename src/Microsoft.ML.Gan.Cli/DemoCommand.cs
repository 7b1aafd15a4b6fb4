using System.CommandLine;
using System.IO.Compression;
using Microsoft.ML.Gan.Tabular.Ctgan;
using Microsoft.ML.Gan.Tabular.Evaluation;
using Spectre.Console;

namespace Microsoft.ML.Gan.Cli;

/// <summary>
/// `mlgan demo`: the whole tabular workflow on a sample of the UCI Adult table embedded in the tool — fit CTGAN,
/// sample, evaluate — writing synthetic.csv and report.html. A few minutes on 2 cores.
/// </summary>
internal static class DemoCommand
{
    public static System.CommandLine.Command Create()
    {
        var directory = new Option<DirectoryInfo>("--out-dir") { Description = "Folder for synthetic.csv, report.html and model.zip.", DefaultValueFactory = _ => new DirectoryInfo("mlgan-demo") };
        var rows = new Option<int>("--rows") { Description = "Adult rows to train on (the rest of a same-size sample is the holdout).", DefaultValueFactory = _ => 5000 };
        var epochs = new Option<int>("--epochs") { Description = "CTGAN epochs.", DefaultValueFactory = _ => 150 };
        var threads = CommonOptions.Threads();
        var command = new System.CommandLine.Command("demo", "Fit CTGAN on an embedded Adult sample, generate rows, evaluate them; writes synthetic.csv and report.html.")
        {
            directory, rows, epochs, threads,
        };
        command.SetAction(result => CliFailure.Guard(() =>
            Run(result.GetValue(directory)!, result.GetValue(rows), result.GetValue(epochs), result.GetValue(threads))));
        return command;
    }

    private static int Run(DirectoryInfo directory, int rows, int epochs, int threads)
    {
        if (rows < 500)
            throw new ArgumentException($"--rows must be at least 500, not {rows}.");
        directory.Create();
        var mlContext = new MLContext(seed: 1);
        var adult = CsvInput.Load(mlContext, ExtractEmbeddedAdult());
        var sample = mlContext.Data.TakeRows(mlContext.Data.ShuffleRows(adult, seed: 1), rows * 5 / 4);
        var split = mlContext.Data.TrainTestSplit(sample, testFraction: 0.2, seed: 1);
        var train = mlContext.Data.Cache(split.TrainSet);
        AnsiConsole.MarkupLineInterpolated($"Training CTGAN on {rows:N0} rows of the UCI Adult census table ({epochs} epochs)...");

        var options = new CtganOptions { Epochs = epochs, Threads = threads, Seed = 1 };
        using var model = TrainingProgressDisplay.Run("CTGAN", progress =>
        {
            options.Progress = progress;
            return mlContext.Gan().Tabular.Ctgan(options).Fit(train);
        });
        string modelPath = Path.Combine(directory.FullName, "model.zip");
        mlContext.Model.Save(model, null, modelPath);

        var synthetic = mlContext.Data.Cache(model.Sample(rows, seed: 2));
        string csv = Path.Combine(directory.FullName, "synthetic.csv");
        mlContext.Gan().Tabular.CreateExporter(SampleCommand.PlainExport(overwrite: true)).ToCsv(synthetic, csv);
        AnsiConsole.MarkupLineInterpolated($"Wrote {rows:N0} synthetic rows to [green]{csv}[/].");

        AnsiConsole.MarkupLine("Evaluating (column shapes, pair trends, FastTree and linear models trained on synthetic vs real, privacy)...");
        var quality = mlContext.Gan().Tabular.Evaluate(train, synthetic, new TabularEvaluationOptions
        {
            LabelColumn = "income",
            RealHoldout = split.TestSet,
        });
        EvaluateCommand.Write(quality, new FileInfo(Path.Combine(directory.FullName, "report.html")), null);
        AnsiConsole.MarkupLineInterpolated($"Model saved to [green]{modelPath}[/]: try 'mlgan sample --model {modelPath} -n 1000 --out more.csv --where \"sex=Female\"'.");
        return CliFailure.Ok;
    }

    /// <summary>Writes the embedded adult.csv.gz, decompressed, to a temporary file and returns its path.</summary>
    private static string ExtractEmbeddedAdult()
    {
        string path = Path.Combine(Path.GetTempPath(), $"mlgan-demo-adult-{Environment.ProcessId}.csv");
        using var resource = typeof(DemoCommand).Assembly.GetManifestResourceStream("adult.csv.gz")
            ?? throw new InvalidOperationException("The embedded Adult sample is missing from this build of mlgan.");
        using var gzip = new GZipStream(resource, CompressionMode.Decompress);
        using var file = File.Create(path);
        gzip.CopyTo(file);
        return path;
    }
}
