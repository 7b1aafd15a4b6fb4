using System.CommandLine;
using Microsoft.ML.Gan.Tabular.Ctgan;
using Spectre.Console;

namespace Microsoft.ML.Gan.Cli;

/// <summary>`mlgan fit data.csv --model model.zip`: trains a tabular synthesizer and saves it as an ML.NET model zip.</summary>
internal static class FitCommand
{
    public static System.CommandLine.Command Create()
    {
        var input = new Argument<FileInfo>("input") { Description = "Training table: a CSV file with a header row." };
        var model = new Option<FileInfo>("--model") { Description = "Model zip to write.", Required = true };
        var synthesizer = new Option<string>("--synthesizer") { Description = "Which synthesizer.", DefaultValueFactory = _ => "ctgan" };
        synthesizer.AcceptOnlyFromAmong("ctgan");
        var epochs = new Option<int>("--epochs") { Description = "Training epochs (the paper uses 300).", DefaultValueFactory = _ => 300 };
        var batch = new Option<int>("--batch-size") { Description = "Rows per step (a multiple of the pack size 10).", DefaultValueFactory = _ => 500 };
        var discrete = CommonOptions.ColumnList("--discrete", "Numeric columns to treat as categories (comma-separated).");
        var ignore = CommonOptions.ColumnList("--ignore", "Columns to leave out (comma-separated).");
        var device = new Option<string>("--device") { Description = "cpu, cuda, cuda:N or auto.", DefaultValueFactory = _ => "cpu" };
        var seed = CommonOptions.Seed();
        var threads = CommonOptions.Threads();
        var command = new System.CommandLine.Command("fit", "Train a synthesizer on a table and save it.")
        {
            input, model, synthesizer, epochs, batch, discrete, ignore, device, seed, threads,
        };
        command.SetAction(result => CliFailure.Guard(() =>
        {
            var mlContext = new MLContext(seed: result.GetValue(seed));
            var data = CsvInput.Load(mlContext, result.GetValue(input)!.FullName);
            var options = new CtganOptions
            {
                Epochs = result.GetValue(epochs),
                BatchSize = result.GetValue(batch),
                DiscreteColumns = result.GetValue(discrete) ?? [],
                IgnoreColumns = result.GetValue(ignore) ?? [],
                Device = result.GetValue(device)!,
                Seed = result.GetValue(seed),
                Threads = result.GetValue(threads),
            };
            string path = result.GetValue(model)!.FullName;
            using var fitted = TrainingProgressDisplay.Run("CTGAN", progress =>
            {
                options.Progress = progress;
                return mlContext.Gan().Tabular.Ctgan(options).Fit(data);
            });
            mlContext.Model.Save(fitted, null, path);
            AnsiConsole.MarkupLineInterpolated($"Saved the model to [green]{path}[/] ({fitted.TrainingSummary?.Steps} steps, {fitted.TrainingSummary?.Elapsed:hh\\:mm\\:ss}).");
            return CliFailure.Ok;
        }));
        return command;
    }
}
