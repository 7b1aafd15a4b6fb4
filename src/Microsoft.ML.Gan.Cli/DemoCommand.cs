using System.IO.Compression;

namespace Microsoft.ML.Gan.Cli;

/// <summary>
/// `mlgan demo`: the whole tabular workflow on a sample of the UCI Adult table embedded in the tool — fit CTGAN,
/// sample, evaluate — writing synthetic.csv and report.html. A few minutes on 2 cores.
/// </summary>
internal static class DemoCommand
{
    private static readonly string[] Outputs = ["model.zip", "synthetic.csv", SyntheticDataExporter.SummaryPath("synthetic.csv"), "report.html"];

    public static System.CommandLine.Command Create()
    {
        var directory = new Option<DirectoryInfo>("--out-dir") { Description = "Folder for synthetic.csv, report.html and model.zip (created if missing).", DefaultValueFactory = _ => new DirectoryInfo("mlgan-demo") };
        var rows = new Option<int>("--rows") { Description = "Adult rows to train on (the rest of a same-size sample is the holdout).", DefaultValueFactory = _ => 5000 };
        var epochs = new Option<int>("--epochs") { Description = "CTGAN epochs.", DefaultValueFactory = _ => 150 };
        var threads = CommonOptions.Threads();
        var overwrite = CommonOptions.Overwrite();
        var command = new System.CommandLine.Command("demo", "Fit CTGAN on an embedded Adult sample, generate rows, evaluate them; writes synthetic.csv and report.html.")
        {
            directory, rows, epochs, threads, overwrite,
        };
        command.SetAction(result => CliFailure.Guard(result, cancellation =>
            Run(result.GetValue(directory)!.FullName, result.GetValue(rows), result.GetValue(epochs), result.GetValue(threads), result.GetValue(overwrite), cancellation)));
        return command;
    }

    /// <summary>
    /// Writes into an existing folder file by file (each atomically, existing files only with --overwrite); a new
    /// folder is built under a temporary name beside it and renamed into place once complete.
    /// </summary>
    private static int Run(string folder, int rows, int epochs, int threads, bool overwrite, CancellationToken cancellation)
    {
        if (rows < 500)
            throw new CliUsageException($"--rows must be at least 500, not {rows}.");
        if (File.Exists(folder))
            throw new IOException($"--out-dir '{folder}' is a file; give a folder (it is created if missing).");
        bool exists = Directory.Exists(folder);
        if (exists)
        {
            foreach (string name in Outputs)
                OutputFiles.Check("--out-dir", Path.Combine(folder, name), overwrite);
        }
        else
        {
            OutputFiles.Check("--out-dir", folder, overwrite: false);
        }
        string work = exists ? folder : Path.Combine(Path.GetDirectoryName(folder)!, $".{Path.GetFileName(folder)}.{Guid.NewGuid():N}.tmp");
        string adult = ExtractEmbeddedAdult();
        try
        {
            Directory.CreateDirectory(work);
            Demonstrate(work, adult, rows, epochs, threads, overwrite, cancellation);
            if (!exists)
                Directory.Move(work, folder);
        }
        finally
        {
            File.Delete(adult);
            if (!exists && Directory.Exists(work))
                Directory.Delete(work, recursive: true);
        }
        string modelPath = Path.Combine(folder, "model.zip");
        AnsiConsole.MarkupLineInterpolated($"Wrote {Path.Combine(folder, "synthetic.csv")}, {Path.Combine(folder, "report.html")} and [green]{modelPath}[/]: try 'mlgan sample --model {modelPath} -n 1000 --out more.csv --where \"sex=Female\"'.");
        return CliFailure.Ok;
    }

    private static void Demonstrate(string folder, string adultPath, int rows, int epochs, int threads, bool overwrite, CancellationToken cancellation)
    {
        var mlContext = new MLContext(seed: 1);
        var adult = CsvInput.Load(mlContext, adultPath);
        var sample = mlContext.Data.TakeRows(mlContext.Data.ShuffleRows(adult, seed: 1), rows * 5 / 4);
        var split = mlContext.Data.TrainTestSplit(sample, testFraction: 0.2, seed: 1);
        var train = mlContext.Data.Cache(split.TrainSet);
        AnsiConsole.MarkupLineInterpolated($"Training CTGAN on {rows:N0} rows of the UCI Adult census table ({epochs} epochs)...");

        var options = new CtganOptions { Epochs = epochs, Threads = threads, Seed = 1, CancellationToken = cancellation };
        using var model = TrainingProgressDisplay.Run("CTGAN", progress =>
        {
            options.Progress = progress;
            return mlContext.Gan().Tabular.Ctgan(options).Fit(train);
        });
        ModelFile.Save(mlContext, model, Path.Combine(folder, "model.zip"), overwrite);

        var synthetic = mlContext.Data.Cache(model.Sample(rows, seed: 2));
        mlContext.Gan().Tabular.CreateExporter(SampleCommand.PlainExport(overwrite)).ToCsv(synthetic, Path.Combine(folder, "synthetic.csv"), cancellation);
        AnsiConsole.MarkupLineInterpolated($"Generated {rows:N0} synthetic rows.");

        AnsiConsole.MarkupLine("Evaluating (column shapes, pair trends, FastTree and linear models trained on synthetic vs real, privacy)...");
        var quality = mlContext.Gan().Tabular.Evaluate(train, synthetic, new TabularEvaluationOptions
        {
            LabelColumn = "income",
            RealHoldout = split.TestSet,
        });
        // The folder is still the temporary one: the closing line names the files where they end up.
        QualitySummary.Print(quality);
        quality.SaveHtml(Path.Combine(folder, "report.html"), overwrite);
    }

    /// <summary>Writes the embedded adult.csv.gz, decompressed, to a temporary file and returns its path.</summary>
    private static string ExtractEmbeddedAdult()
    {
        string path = Path.Combine(Path.GetTempPath(), $"mlgan-demo-adult-{Guid.NewGuid():N}.csv");
        using var resource = typeof(DemoCommand).Assembly.GetManifestResourceStream("adult.csv.gz")
            ?? throw new InvalidOperationException("The embedded Adult sample is missing from this build of mlgan.");
        using var gzip = new GZipStream(resource, CompressionMode.Decompress);
        using var file = File.Create(path);
        gzip.CopyTo(file);
        return path;
    }
}
