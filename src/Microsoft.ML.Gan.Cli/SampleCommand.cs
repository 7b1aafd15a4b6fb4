using System.CommandLine;
using System.Globalization;
using Microsoft.ML.Data;
using Microsoft.ML.Gan.Tabular.Ctgan;
using Microsoft.ML.Gan.Tabular.Privacy;
using Microsoft.ML.Gan.Tabular.Export;
using Spectre.Console;

namespace Microsoft.ML.Gan.Cli;

/// <summary>`mlgan sample --model model.zip -n 10000 --out synthetic.csv [--where column=value]`.</summary>
internal static class SampleCommand
{
    public static System.CommandLine.Command Create()
    {
        var model = new Option<FileInfo>("--model") { Description = "Model zip written by 'mlgan fit'.", Required = true };
        var rows = new Option<long>("-n", "--rows") { Description = "How many rows.", DefaultValueFactory = _ => 10_000 };
        var output = new Option<FileInfo>("--out") { Description = "CSV file to write.", Required = true };
        var where = new Option<string?>("--where") { Description = "Condition every row on a category: column=value." };
        var overwrite = new Option<bool>("--overwrite") { Description = "Replace an existing output file." };
        var seed = CommonOptions.Seed();
        var command = new System.CommandLine.Command("sample", "Generate rows from a saved synthesizer and write them to CSV.")
        {
            model, rows, output, where, overwrite, seed,
        };
        command.SetAction(result => CliFailure.Guard(() =>
        {
            long count = result.GetValue(rows);
            if (count < 1)
                throw new ArgumentException($"-n must be at least 1, not {count}.");
            var mlContext = new MLContext(seed: result.GetValue(seed));
            using var synthesizer = CtganModel.Load(mlContext, result.GetValue(model)!.FullName);
            var condition = Condition(synthesizer, result.GetValue(where));
            var synthetic = synthesizer.Sample(count, result.GetValue(seed), condition);
            string path = result.GetValue(output)!.FullName;
            var exporter = mlContext.Gan().Tabular.CreateExporter(PlainExport(result.GetValue(overwrite)));
            exporter.ToCsv(synthetic, path);
            AnsiConsole.MarkupLineInterpolated($"Wrote {count:N0} rows to [green]{path}[/].");
            return CliFailure.Ok;
        }));
        return command;
    }

    /// <summary>An export with every privacy filter off (sampling without the real data at hand).</summary>
    /// <param name="overwrite">Replace an existing output.</param>
    /// <param name="privacy">The model's differential privacy, recorded in the summary.</param>
    public static SyntheticExportOptions PlainExport(bool overwrite, TabularPrivacyReport? privacy = null) => new()
    {
        DropExactCopies = false,
        RareCategoryThreshold = 0,
        Overwrite = overwrite,
        DifferentialPrivacy = privacy,
    };

    /// <summary>Turns "column=value" into a condition typed like the column (text, or a number for numeric columns).</summary>
    public static SampleCondition? Condition(CtganModel model, string? where)
    {
        if (where is null)
            return null;
        var (column, text) = CommonOptions.ParseCondition(where);
        var schemaColumn = model.SampleSchema.GetColumnOrNull(column)
            ?? throw new ArgumentException($"--where names column '{column}', which the model does not have; it has: {string.Join(", ", model.SampleSchema.Select(c => c.Name))}.");
        if (schemaColumn.Type is TextDataViewType)
            return new SampleCondition(column, text);
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double number))
            return new SampleCondition(column, number);
        if (bool.TryParse(text, out bool flag))
            return new SampleCondition(column, flag);
        throw new ArgumentException($"--where value '{text}' does not fit column '{column}' of type {schemaColumn.Type}.");
    }
}
