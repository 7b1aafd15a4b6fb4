using System.CommandLine;
using Microsoft.ML.Gan.Tabular.Evaluation;
using Spectre.Console;

namespace Microsoft.ML.Gan.Cli;

/// <summary>`mlgan evaluate --real r.csv --synthetic s.csv --target col --report report.html`.</summary>
internal static class EvaluateCommand
{
    public static System.CommandLine.Command Create()
    {
        var real = new Option<FileInfo>("--real") { Description = "The real table (CSV).", Required = true };
        var synthetic = new Option<FileInfo>("--synthetic") { Description = "The synthetic table (CSV, same columns).", Required = true };
        var holdout = new Option<FileInfo?>("--holdout") { Description = "Real rows the synthesizer never saw (CSV); default: 20% split from --real." };
        var target = new Option<string?>("--target") { Description = "Label column for ML efficacy (train on synthetic, test on real)." };
        var report = new Option<FileInfo>("--report") { Description = "HTML report to write.", DefaultValueFactory = _ => new FileInfo("report.html") };
        var json = new Option<FileInfo?>("--json") { Description = "Also write the report as JSON." };
        var discrete = CommonOptions.ColumnList("--discrete", "Numeric columns to treat as categories (comma-separated).");
        var overwrite = CommonOptions.Overwrite();
        var command = new System.CommandLine.Command("evaluate", "Score a synthetic table against the real one: shapes, pairs, ML efficacy, privacy.")
        {
            real, synthetic, holdout, target, report, json, discrete, overwrite,
        };
        command.SetAction(result => CliFailure.Guard(result, _ =>
        {
            string realPath = result.GetValue(real)!.FullName, syntheticPath = result.GetValue(synthetic)!.FullName;
            string? holdoutPath = result.GetValue(holdout)?.FullName;
            (string, string?)[] inputs = [("--real", realPath), ("--synthetic", syntheticPath), ("--holdout", holdoutPath)];
            string reportPath = OutputFiles.Check("--report", result.GetValue(report)!.FullName, result.GetValue(overwrite), inputs);
            string? jsonPath = result.GetValue(json) is { } j
                ? OutputFiles.Check("--json", j.FullName, result.GetValue(overwrite), [.. inputs, ("--report", reportPath)])
                : null;
            var mlContext = new MLContext(seed: 1);
            var realRows = CsvInput.Load(mlContext, realPath);
            if (result.GetValue(target) is { } label && realRows.Schema.GetColumnOrNull(label) is null)
                throw new CliUsageException($"--target '{label}' is not a column of --real; its columns: {string.Join(", ", realRows.Schema.Select(c => c.Name))}.");
            var options = new TabularEvaluationOptions
            {
                LabelColumn = result.GetValue(target),
                DiscreteColumns = result.GetValue(discrete) ?? [],
                RealHoldout = holdoutPath is null ? null : CsvInput.Load(mlContext, holdoutPath),
            };
            var quality = mlContext.Gan().Tabular.Evaluate(realRows, CsvInput.Load(mlContext, syntheticPath), options);
            Write(quality, reportPath, jsonPath, result.GetValue(overwrite));
            return CliFailure.Ok;
        }));
        return command;
    }

    /// <summary>Prints the summary table and writes the HTML report (and the JSON), each atomically.</summary>
    public static void Write(TabularQualityReport quality, string reportPath, string? jsonPath, bool overwrite)
    {
        QualitySummary.Print(quality);
        quality.SaveHtml(reportPath, overwrite);
        AnsiConsole.MarkupLineInterpolated($"Wrote the report to [green]{reportPath}[/].");
        if (jsonPath is not null)
        {
            quality.SaveJson(jsonPath, overwrite);
            AnsiConsole.MarkupLineInterpolated($"Wrote [green]{jsonPath}[/].");
        }
    }
}
