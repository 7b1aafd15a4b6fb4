using Microsoft.ML.Gan.Tabular;
using Microsoft.ML.Gan.Tabular.TabDdpm;
using Microsoft.ML.Gan.Tabular.Tvae;

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
        var steps = new Option<long?>("--steps") { Description = "Train exactly this many steps (batches) instead of --epochs: for tables so big that one epoch is long." };
        var batch = new Option<int>("--batch-size") { Description = "Rows per step (a multiple of the pack size 10 for CTGAN without DP).", DefaultValueFactory = _ => 500 };
        var epsilon = new Option<double?>("--dp-epsilon") { Description = "Train CTGAN with (ε, δ)-differential privacy at this ε (DP-SGD and DP transformer statistics)." };
        var delta = new Option<double?>("--dp-delta") { Description = "δ for --dp-epsilon (default 1/n^1.1)." };
        var discrete = CommonOptions.Discrete();
        var ignore = CommonOptions.Ignore();
        var target = new Option<string?>("--target")
        {
            Description = "Label column a model will learn from the synthetic rows: CTGAN trains an auxiliary classifier that steers the generator towards rows whose label fits their features; TabDDPM conditions its denoiser on it.",
        };
        var device = new Option<string>("--device") { Description = "cpu, cuda, cuda:N or auto.", DefaultValueFactory = _ => "cpu" };
        var seed = CommonOptions.Seed();
        var threads = CommonOptions.Threads();
        var overwrite = CommonOptions.Overwrite();
        var tableFlags = new TableInputFlags();
        var privacyFlags = new PrivacyFlags();
        var command = new System.CommandLine.Command("fit", "Train a synthesizer on a table and save it.")
        {
            input, model, synthesizer, epochs, steps, batch, epsilon, delta, discrete, ignore, target, device, seed, threads, overwrite,
        };
        tableFlags.AddTo(command);
        foreach (var flag in privacyFlags.All)
            command.Options.Add(flag);
        command.SetAction(result => CliFailure.Guard(result, cancellation =>
        {
            var settings = new FitSettings(result.GetValue(epochs), Steps(result, steps, epochs), result.GetValue(batch), result.GetValue(device)!,
                result.GetValue(seed), result.GetValue(threads), result.GetValue(target), cancellation);
            double? dpEpsilon = result.GetValue(epsilon);
            if (dpEpsilon is null && (result.GetValue(delta) is not null || privacyFlags.AnyGiven(result)))
                throw new CliUsageException("--dp-delta, --dp-transformer-share, --dp-public-bounds and --dp-public-categories need --dp-epsilon.");
            string kind = result.GetValue(synthesizer)!;
            if (kind != "ctgan" && dpEpsilon is not null)
                throw new CliUsageException($"--dp-epsilon is supported with --synthesizer ctgan only ({kind} is trained without differential privacy).");
            if (dpEpsilon is not null && result.GetValue(target) is not null)
                throw new CliUsageException("--target cannot be combined with --dp-epsilon: the auxiliary classifier would read the real rows without noise.");
            if (kind == "tvae" && result.GetValue(target) is not null)
                throw new CliUsageException("--target is supported with --synthesizer ctgan and tabddpm (TVAE has no target-aware training yet).");
            string inputPath = result.GetValue(input)!.FullName;
            // The model's folder is checked before minutes of training, and the training table is never overwritten.
            string path = OutputFiles.Check("--model", result.GetValue(model)!.FullName, result.GetValue(overwrite), ("input", inputPath));
            var readOptions = tableFlags.ToOptions(result, tableFlags.LoadMetadata(result), result.GetValue(discrete), result.GetValue(ignore));
            var mlContext = new MLContext(seed: result.GetValue(seed));
            var file = Read(inputPath, readOptions);
            var data = file.Data;
            // Before training, a DP fit says (in noisy terms) how much of the table its budget can use.
            mlContext.Log += (_, e) =>
            {
                if (e.RawMessage.StartsWith("Differential privacy:", StringComparison.Ordinal))
                    AnsiConsole.WriteLine(e.RawMessage);
            };
            var tabular = mlContext.Gan().Tabular;
            using var learned = kind switch
            {
                "tvae" => Fit("TVAE", new TvaeOptions { Epochs = settings.Epochs, MaxSteps = settings.Steps }, tabular.Tvae, data, settings),
                "tabddpm" => Fit("TabDDPM", TabDdpmOptionsFor(settings), tabular.TabDdpm, data, settings),
                _ => Fit(dpEpsilon is null ? "CTGAN" : "DP-CTGAN",
                    CtganOptionsFor(settings, dpEpsilon, result.GetValue(delta), privacy => privacyFlags.Apply(result, privacy)), tabular.Ctgan, data, settings),
            };
            // The model keeps the file's columns: samples get dates in the file's format and fresh identifiers.
            using var fitted = learned.WithMetadata(file.Metadata);
            ModelFile.Save(mlContext, fitted, path, result.GetValue(overwrite));
            AnsiConsole.MarkupLineInterpolated($"Saved the model to [green]{path}[/] ({fitted.TrainingSummary?.Steps} steps, {fitted.TrainingSummary?.Elapsed:hh\\:mm\\:ss}).");
            if (fitted.Privacy is { } spent)
                AnsiConsole.MarkupLineInterpolated($"Differential privacy spent: ε = {spent.Epsilon:G4}, δ = {spent.Delta:G3} (σ = {spent.NoiseMultiplier:G4}, {spent.DiscriminatorSteps} DP-SGD steps). The fit is not reproducible by --seed: its noise came from the system's secure generator.");
            return CliFailure.Ok;
        }));
        return command;
    }

    /// <summary>The --steps value, checked: at least 1, not with an explicit --epochs.</summary>
    private static long? Steps(ParseResult result, Option<long?> steps, Option<int> epochs)
    {
        if (result.GetValue(steps) is not long count)
            return null;
        if (count < 1)
            throw new CliUsageException($"--steps must be at least 1, not {count}.");
        if (result.GetResult(epochs) is { Implicit: false })
            throw new CliUsageException("--steps and --epochs cannot be combined: --steps sets the length of training in steps instead of epochs.");
        return count;
    }

    /// <summary>Reads the training table; an error that does not name the file gets its name.</summary>
    private static TabularFile Read(string path, TabularFileOptions options)
    {
        try
        {
            return CsvInput.Read(path, options);
        }
        catch (Exception e) when (e is not (CliUsageException or OperationCanceledException) && !e.Message.Contains(path, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"cannot read '{path}': {CliFailure.Message(e)}", e);
        }
    }

    /// <summary>CTGAN's options for the command line: DP-CTGAN's with --dp-epsilon, the target as the label column.</summary>
    private static CtganOptions CtganOptionsFor(FitSettings settings, double? epsilon, double? delta, Action<Tabular.Privacy.TabularPrivacyOptions> tunePrivacy)
    {
        var options = epsilon is double e ? CtganOptions.DifferentiallyPrivate(e, delta) : new CtganOptions();
        if (options.Privacy is not null)
            tunePrivacy(options.Privacy);
        options.Epochs = settings.Epochs;
        options.MaxSteps = settings.Steps;
        options.LabelColumn = settings.Target;
        return options;
    }

    /// <summary>TabDDPM's options for the command line: --steps replaces its epochs (TabDDPM counts steps as an int).</summary>
    private static TabDdpmOptions TabDdpmOptionsFor(FitSettings settings)
    {
        var options = new TabDdpmOptions { Epochs = settings.Epochs, LabelColumn = settings.Target };
        if (settings.Steps is long steps)
        {
            if (steps > int.MaxValue)
                throw new CliUsageException($"--steps must be at most {int.MaxValue} for --synthesizer tabddpm, not {steps}.");
            options.Epochs = null;
            options.Steps = (int)steps;
        }
        return options;
    }

    /// <summary>Sets what the command line sets on every synthesizer, then fits it with a progress display.</summary>
    private static CtganModel Fit<TOptions>(string name, TOptions options, Func<TOptions, TabularSynthesizerEstimator> estimator,
        IDataView data, FitSettings settings)
        where TOptions : ITabularSynthesizerOptions
    {
        options.BatchSize = settings.BatchSize;
        options.Device = settings.Device;
        options.Seed = settings.Seed;
        options.Threads = settings.Threads;
        options.CancellationToken = settings.Cancellation;
        return TrainingProgressDisplay.Run(name, progress =>
        {
            options.Progress = progress;
            return estimator(options).Fit(data);
        });
    }

    /// <summary>What the command line sets on every synthesizer.</summary>
    private sealed record FitSettings(int Epochs, long? Steps, int BatchSize, string Device, int Seed, int Threads, string? Target, CancellationToken Cancellation);
}
