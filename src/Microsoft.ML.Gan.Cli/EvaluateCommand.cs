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
        var holdout = new Option<FileInfo?>("--holdout") { Description = "Real rows the synthesizer never saw (CSV); default: 20% split from --real. Needed for the membership-inference attack." };
        var target = new Option<string?>("--target") { Description = "Label column for ML efficacy (train on synthetic, test on real)." };
        var report = new Option<FileInfo>("--report") { Description = "HTML report to write.", DefaultValueFactory = _ => new FileInfo("report.html") };
        var json = new Option<FileInfo?>("--json") { Description = "Also write the report as JSON." };
        var discrete = CommonOptions.ColumnList("--discrete", "Numeric columns to treat as categories (comma-separated).");
        var command = new System.CommandLine.Command("evaluate", "Score a synthetic table against the real one: shapes, pairs, ML efficacy, privacy.")
        {
            real, synthetic, holdout, target, report, json, discrete,
        };
        command.SetAction(result => CliFailure.Guard(() =>
        {
            var mlContext = new MLContext(seed: 1);
            var options = new TabularEvaluationOptions
            {
                LabelColumn = result.GetValue(target),
                DiscreteColumns = result.GetValue(discrete) ?? [],
                RealHoldout = result.GetValue(holdout) is { } h ? CsvInput.Load(mlContext, h.FullName) : null,
            };
            var quality = mlContext.Gan().Tabular.Evaluate(
                CsvInput.Load(mlContext, result.GetValue(real)!.FullName),
                CsvInput.Load(mlContext, result.GetValue(synthetic)!.FullName),
                options);
            Write(quality, result.GetValue(report)!, result.GetValue(json));
            return CliFailure.Ok;
        }));
        return command;
    }

    public static void Write(TabularQualityReport quality, FileInfo report, FileInfo? json)
    {
        QualitySummary.Print(quality);
        quality.SaveHtml(report.FullName);
        AnsiConsole.MarkupLineInterpolated($"Wrote the report to [green]{report.FullName}[/].");
        if (json is not null)
        {
            File.WriteAllText(json.FullName, quality.ToJson());
            AnsiConsole.MarkupLineInterpolated($"Wrote [green]{json.FullName}[/].");
        }
    }
}
