using System.Globalization;
using Microsoft.ML.Gan.Tabular;

namespace Microsoft.ML.Gan.Cli;

/// <summary>`mlgan fit data.csv --model model.zip`: trains a tabular synthesizer and saves it as an ML.NET model zip.</summary>
internal static class FitCommand
{
    public static System.CommandLine.Command Create()
    {
        var input = new Argument<FileInfo>("input") { Description = "Training table: a CSV file with a header row, or a Parquet file." };
        var model = new Option<FileInfo>("--model") { Description = "Model zip to write.", Required = true };
        var synthesizer = new Option<string?>("--synthesizer")
        {
            Description = $"Which synthesizer [default: {TabularSynthesizers.Default(privacy: false).Name}; {TabularSynthesizers.Default(privacy: false, categoricalTarget: true).Name} with a categorical --target; {TabularSynthesizers.Default(privacy: true).Name} with --dp-epsilon].",
        };
        synthesizer.AcceptOnlyFromAmong([.. TabularSynthesizers.All.Select(d => d.Name)]);
        var epochs = new Option<int?>("--epochs")
        {
            Description = $"Training epochs [default: the synthesizer's own; {Defaults(d => d.DefaultLength)}].",
        };
        var steps = new Option<long?>("--steps") { Description = "Train exactly this many steps (batches) instead of --epochs: for tables so big that one epoch is long." };
        var batch = new Option<int?>("--batch-size")
        {
            Description = $"Rows per step (a multiple of the pack size 10 for CTGAN without DP) [default: {Defaults(d => d.DefaultBatchSize.ToString(CultureInfo.InvariantCulture))}].",
        };
        var epsilon = new Option<double?>("--dp-epsilon") { Description = "Train CTGAN with (ε, δ)-differential privacy at this ε (DP-SGD and DP transformer statistics)." };
        var delta = new Option<double?>("--dp-delta") { Description = "δ for --dp-epsilon (default 1/n^1.1)." };
        var discrete = CommonOptions.Discrete();
        var ignore = CommonOptions.Ignore();
        var target = new Option<string?>("--target")
        {
            Description = "Label column a model will learn from the synthetic rows: CTGAN and TVAE train an auxiliary classifier (or regressor) that steers the generator towards rows whose label fits their features; TVAE and TabDDPM also condition on a categorical label.",
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
            long? stepCount = Steps(result, steps, epochs);
            double? dpEpsilon = result.GetValue(epsilon);
            var family = result.GetValue(synthesizer) is { } name ? TabularSynthesizers.Find(name) : TabularSynthesizers.Default(privacy: dpEpsilon is not null);
            if (dpEpsilon is null && (result.GetValue(delta) is not null || privacyFlags.AnyGiven(result)))
                throw new CliUsageException("--dp-delta, --dp-transformer-share, --dp-public-bounds and --dp-public-categories need --dp-epsilon.");
            if (!family.SupportsPrivacy && dpEpsilon is not null)
                throw new CliUsageException($"--dp-epsilon is supported with --synthesizer {TabularSynthesizers.Names(d => d.SupportsPrivacy)} only ({family.Name} is trained without differential privacy).");
            if (dpEpsilon is not null && result.GetValue(target) is not null)
                throw new CliUsageException("--target cannot be combined with --dp-epsilon: the auxiliary classifier would read the real rows without noise.");
            if (!family.SupportsTarget && result.GetValue(target) is not null)
                throw new CliUsageException($"--target is supported with --synthesizer {TabularSynthesizers.Names(d => d.SupportsTarget)} ({family.DisplayName} has no target-aware training yet).");
            if (!family.TrainsInSteps && (stepCount is not null || result.GetValue(epochs) is not null || result.GetValue(batch) is not null))
                throw new CliUsageException($"--epochs, --steps and --batch-size do not apply to --synthesizer {family.Name}: it is fitted in one pass over the table, without training steps.");
            if (stepCount > family.MaxSteps)
                throw new CliUsageException($"--steps must be at most {family.MaxSteps} for --synthesizer {family.Name}, not {stepCount}.");
            var settings = new SynthesizerSettings
            {
                Epochs = result.GetValue(epochs),
                Steps = stepCount,
                BatchSize = result.GetValue(batch),
                Device = result.GetValue(device)!,
                Seed = result.GetValue(seed),
                Threads = result.GetValue(threads),
                Target = result.GetValue(target),
                Privacy = dpEpsilon is double e ? new PrivacySettings(e, result.GetValue(delta), privacy => privacyFlags.Apply(result, privacy)) : null,
                Cancellation = cancellation,
            };
            string inputPath = result.GetValue(input)!.FullName;
            // The model's folder is checked before minutes of training, and the training table is never overwritten.
            string path = OutputFiles.Check("--model", result.GetValue(model)!.FullName, result.GetValue(overwrite), ("input", inputPath));
            var readOptions = tableFlags.ToOptions(result, tableFlags.LoadMetadata(result), result.GetValue(discrete), result.GetValue(ignore));
            var mlContext = new MLContext(seed: result.GetValue(seed));
            var file = Read(inputPath, readOptions);
            var data = file.Data;
            if (result.GetValue(synthesizer) is null && dpEpsilon is null && settings.Target is { } label && file.Table.IndexOf(label) >= 0
                && file.Table[label] is DiscreteColumn)
            {
                family = TabularSynthesizers.Default(privacy: false, categoricalTarget: true);
                AnsiConsole.MarkupLineInterpolated($"No --synthesizer: {family.DisplayName}, the default for a categorical --target ('{label}').");
            }
            // Before training, a DP fit says (in noisy terms) how much of the table its budget can use.
            mlContext.Log += (_, e) =>
            {
                if (e.RawMessage.StartsWith("Differential privacy:", StringComparison.Ordinal))
                    AnsiConsole.WriteLine(e.RawMessage);
            };
            string title = dpEpsilon is null ? family.DisplayName : $"DP-{family.DisplayName}";
            using var learned = TrainingProgressDisplay.Run(title, progress => family.Create(mlContext, settings with { Progress = progress }).Fit(data));
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
    private static long? Steps(ParseResult result, Option<long?> steps, Option<int?> epochs)
    {
        if (result.GetValue(steps) is not long count)
            return null;
        if (count < 1)
            throw new CliUsageException($"--steps must be at least 1, not {count}.");
        if (result.GetValue(epochs) is not null)
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

    /// <summary>Each family's default for a training setting, as "ctgan: 300 epochs; tabddpm: …" (families fitted in one pass left out).</summary>
    private static string Defaults(Func<TabularSynthesizerDescriptor, string> setting) =>
        string.Join("; ", TabularSynthesizers.All.Where(d => d.TrainsInSteps).Select(d => $"{d.Name}: {setting(d)}"));
}
