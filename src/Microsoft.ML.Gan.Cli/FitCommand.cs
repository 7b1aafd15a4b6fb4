using System.CommandLine;
using Microsoft.ML.Gan.Tabular.Ctgan;
using Microsoft.ML.Gan.Tabular.TabDdpm;
using Microsoft.ML.Gan.Tabular.Tvae;
using Spectre.Console;

namespace Microsoft.ML.Gan.Cli;

/// <summary>`mlgan fit data.csv --model model.zip`: trains a tabular synthesizer and saves it as an ML.NET model zip.</summary>
internal static class FitCommand
{
    public static System.CommandLine.Command Create()
    {
        var input = new Argument<FileInfo>("input") { Description = "Training table: a CSV file with a header row, or a Parquet file." };
        var model = new Option<FileInfo>("--model") { Description = "Model zip to write.", Required = true };
        var synthesizer = new Option<string>("--synthesizer") { Description = "Which synthesizer.", DefaultValueFactory = _ => "ctgan" };
        synthesizer.AcceptOnlyFromAmong("ctgan", "tvae", "tabddpm");
        var epochs = new Option<int>("--epochs") { Description = "Training epochs (the paper uses 300).", DefaultValueFactory = _ => 300 };
        var batch = new Option<int>("--batch-size") { Description = "Rows per step (a multiple of the pack size 10 for CTGAN without DP).", DefaultValueFactory = _ => 500 };
        var epsilon = new Option<double?>("--dp-epsilon") { Description = "Train CTGAN with (ε, δ)-differential privacy at this ε (DP-SGD and DP transformer statistics)." };
        var delta = new Option<double?>("--dp-delta") { Description = "δ for --dp-epsilon (default 1/n^1.1)." };
        var discrete = CommonOptions.ColumnList("--discrete", "Columns to read as categories whatever they hold (comma-separated; overrides --metadata).");
        var ignore = CommonOptions.ColumnList("--ignore", "Columns to leave out (comma-separated; overrides --metadata).");
        var target = new Option<string?>("--target")
        {
            Description = "Label column a model will learn from the synthetic rows: CTGAN trains an auxiliary classifier that steers the generator towards rows whose label fits their features; TabDDPM conditions its denoiser on it.",
        };
        var device = new Option<string>("--device") { Description = "cpu, cuda, cuda:N or auto.", DefaultValueFactory = _ => "cpu" };
        var seed = CommonOptions.Seed();
        var threads = CommonOptions.Threads();
        var tableFlags = new TableInputFlags();
        var command = new System.CommandLine.Command("fit", "Train a synthesizer on a table and save it.")
        {
            input, model, synthesizer, epochs, batch, epsilon, delta, discrete, ignore, target, device, seed, threads,
        };
        tableFlags.AddTo(command);
        command.SetAction(result => CliFailure.Guard(() =>
        {
            var mlContext = new MLContext(seed: result.GetValue(seed));
            var data = CsvInput.Read(result.GetValue(input)!.FullName, tableFlags.ToOptions(result, tableFlags.LoadMetadata(result),
                result.GetValue(discrete), result.GetValue(ignore))).Data;
            string path = result.GetValue(model)!.FullName;
            var settings = new FitSettings(result.GetValue(epochs), result.GetValue(batch), result.GetValue(device)!, result.GetValue(seed), result.GetValue(threads), result.GetValue(target));
            double? dpEpsilon = result.GetValue(epsilon);
            if (dpEpsilon is null && result.GetValue(delta) is not null)
                throw new ArgumentException("--dp-delta needs --dp-epsilon.");
            using var fitted = result.GetValue(synthesizer) switch
            {
                "tvae" => FitTvae(mlContext, data, settings, dpEpsilon),
                "tabddpm" => FitTabDdpm(mlContext, data, settings, dpEpsilon),
                _ => FitCtgan(mlContext, data, settings, dpEpsilon, result.GetValue(delta)),
            };
            mlContext.Model.Save(fitted, null, path);
            AnsiConsole.MarkupLineInterpolated($"Saved the model to [green]{path}[/] ({fitted.TrainingSummary?.Steps} steps, {fitted.TrainingSummary?.Elapsed:hh\\:mm\\:ss}).");
            if (fitted.Privacy is { } spent)
                AnsiConsole.MarkupLineInterpolated($"Differential privacy spent: ε = {spent.Epsilon:G4}, δ = {spent.Delta:G3} (σ = {spent.NoiseMultiplier:G4}, {spent.DiscriminatorSteps} DP-SGD steps, {spent.DroppedRows} rows left out).");
            return CliFailure.Ok;
        }));
        return command;
    }

    private static CtganModel FitCtgan(MLContext mlContext, IDataView data, FitSettings settings, double? epsilon, double? delta)
    {
        var options = epsilon is double e ? CtganOptions.DifferentiallyPrivate(e, delta) : new CtganOptions();
        options.Epochs = settings.Epochs;
        options.BatchSize = settings.BatchSize;
        options.Device = settings.Device;
        options.Seed = settings.Seed;
        options.Threads = settings.Threads;
        if (settings.Target is not null && epsilon is not null)
            throw new ArgumentException("--target cannot be combined with --dp-epsilon: the auxiliary classifier would read the real rows without noise.");
        options.LabelColumn = settings.Target;
        return TrainingProgressDisplay.Run(epsilon is null ? "CTGAN" : "DP-CTGAN", progress =>
        {
            options.Progress = progress;
            return mlContext.Gan().Tabular.Ctgan(options).Fit(data);
        });
    }

    private static CtganModel FitTvae(MLContext mlContext, IDataView data, FitSettings settings, double? epsilon)
    {
        if (epsilon is not null)
            throw new ArgumentException("--dp-epsilon is supported with --synthesizer ctgan only (TVAE is trained without differential privacy).");
        if (settings.Target is not null)
            throw new ArgumentException("--target is supported with --synthesizer ctgan and tabddpm (TVAE has no target-aware training yet).");
        var options = new TvaeOptions
        {
            Epochs = settings.Epochs,
            BatchSize = settings.BatchSize,
            Device = settings.Device,
            Seed = settings.Seed,
            Threads = settings.Threads,
        };
        return TrainingProgressDisplay.Run("TVAE", progress =>
        {
            options.Progress = progress;
            return mlContext.Gan().Tabular.Tvae(options).Fit(data);
        });
    }

    private static CtganModel FitTabDdpm(MLContext mlContext, IDataView data, FitSettings settings, double? epsilon)
    {
        if (epsilon is not null)
            throw new ArgumentException("--dp-epsilon is supported with --synthesizer ctgan only (TabDDPM is trained without differential privacy).");
        var options = new TabDdpmOptions
        {
            Epochs = settings.Epochs,
            BatchSize = settings.BatchSize,
            Device = settings.Device,
            Seed = settings.Seed,
            Threads = settings.Threads,
            LabelColumn = settings.Target,
        };
        return TrainingProgressDisplay.Run("TabDDPM", progress =>
        {
            options.Progress = progress;
            return mlContext.Gan().Tabular.TabDdpm(options).Fit(data);
        });
    }

    /// <summary>What the command line sets on either synthesizer.</summary>
    private sealed record FitSettings(int Epochs, int BatchSize, string Device, int Seed, int Threads, string? Target);
}
