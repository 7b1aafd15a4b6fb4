using System.Globalization;
using Microsoft.ML.Data;
using Microsoft.ML.Gan.Tabular.Privacy;

namespace Microsoft.ML.Gan.Cli;

/// <summary>
/// `mlgan sample --model model.zip -n 10000 --out synthetic.csv|.parquet [--where column=value] [--shard K/M]`: rows
/// are generated and written batch by batch, so memory stays flat whatever -n is.
/// </summary>
internal static class SampleCommand
{
    public static System.CommandLine.Command Create()
    {
        var flags = new GenerationFlags("How many rows (of all shards together).");
        var output = new Option<FileInfo>("--out") { Description = "File to write: .csv, or .parquet for Parquet.", Required = true };
        var where = new Option<string?>("--where") { Description = "Condition every row on a category: column=value." };
        var command = new System.CommandLine.Command("sample", "Generate rows from a saved synthesizer and write them to CSV or Parquet.")
        {
            flags.Model, flags.Rows, output, where, flags.Overwrite, flags.Shard, flags.Seed, flags.Threads,
        };
        command.SetAction(result => CliFailure.Guard(result, cancellation =>
        {
            long count = flags.RowCount(result);
            string modelPath = result.GetValue(flags.Model)!.FullName;
            bool overwrite = result.GetValue(flags.Overwrite);
            var target = new FileTarget("--out", result.GetValue(output)!.FullName);
            target.Check(overwrite, ("--model", modelPath));
            var mlContext = flags.CreateContext(result);
            using var synthesizer = CtganModel.Load(mlContext, modelPath);
            var part = result.GetValue(flags.Shard);
            var synthetic = synthesizer.SampleStream(count, result.GetValue(flags.Seed), Condition(synthesizer, result.GetValue(where)), part);
            long partRows = synthetic.GetRowCount()!.Value;
            var summary = RowProgressDisplay.Run("Sampling", partRows, progress =>
                target.Write(mlContext.Gan().Tabular.CreateExporter(PlainExport(overwrite, progress: progress, shard: part)), synthetic, cancellation));
            AnsiConsole.MarkupLineInterpolated($"Wrote {summary.OutputRows:N0} rows{(part is { } p ? $" (shard {p} of {count:N0})" : "")} to [green]{target.Path}[/].");
            return CliFailure.Ok;
        }));
        return command;
    }

    /// <summary>An export with every privacy filter off (sampling without the real data at hand).</summary>
    /// <param name="overwrite">Replace an existing output.</param>
    /// <param name="privacy">The model's differential privacy, recorded in the summary.</param>
    /// <param name="progress">Receives the rows written so far.</param>
    /// <param name="shard">The shard written: CSV shards after the first have no header.</param>
    public static SyntheticExportOptions PlainExport(bool overwrite, TabularPrivacyReport? privacy = null, IProgress<long>? progress = null, SampleShard? shard = null) => new()
    {
        DropExactCopies = false,
        RareCategoryThreshold = 0,
        Overwrite = overwrite,
        DifferentialPrivacy = privacy,
        Progress = progress,
        ProgressInterval = ProgressRows,
        CsvHeader = shard is not { Index: > 0 },
    };

    /// <summary>Rows between progress reports of sample and export.</summary>
    public const int ProgressRows = 5_000;

    /// <summary>Turns "column=value" into a condition typed like the column (text, or a number for numeric columns).</summary>
    public static SampleCondition? Condition(CtganModel model, string? where)
    {
        if (where is null)
            return null;
        var (column, text) = CommonOptions.ParseCondition(where);
        var schemaColumn = model.SampleSchema.GetColumnOrNull(column)
            ?? throw new CliUsageException($"--where names column '{column}', which the model does not have; it has: {string.Join(", ", model.SampleSchema.Select(c => c.Name))}.");
        SampleCondition condition;
        if (schemaColumn.Type is TextDataViewType)
            condition = new SampleCondition(column, text);
        else if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double number))
            condition = new SampleCondition(column, number);
        else if (bool.TryParse(text, out bool flag))
            condition = new SampleCondition(column, flag);
        else
            throw new CliUsageException($"--where value '{text}' does not fit column '{column}' of type {schemaColumn.Type}.");
        try
        {
            model.SampleTable(0, condition: condition);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            throw new CliUsageException($"--where {where}: {CliFailure.Message(e)}", e);
        }
        return condition;
    }
}
