using System.CommandLine;
using Microsoft.ML.Gan.Tabular.Data;
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
        var discrete = CommonOptions.ColumnList("--discrete", "Columns to read as categories whatever they hold (comma-separated; overrides --metadata).");
        var tableFlags = new TableInputFlags();
        var command = new System.CommandLine.Command("evaluate", "Score a synthetic table against the real one: shapes, pairs, ML efficacy, privacy.")
        {
            real, synthetic, holdout, target, report, json, discrete,
        };
        tableFlags.AddTo(command);
        command.SetAction(result => CliFailure.Guard(() =>
        {
            var mlContext = new MLContext(seed: 1);
            // The real table's roles (inferred, or --metadata) read the synthetic and holdout tables too, so all three agree.
            var realFile = CsvInput.Read(result.GetValue(real)!.FullName,
                tableFlags.ToOptions(result, tableFlags.LoadMetadata(result), result.GetValue(discrete)));
            // Identifiers are left out of every table; the synthetic one may hold generated identifiers, which are not checked against the real ones here.
            var roles = tableFlags.ToOptions(result, realFile.Metadata with
            {
                Columns = [.. realFile.Metadata.Columns.Select(c => c.Role == ColumnRole.Identifier ? c with { Role = ColumnRole.Ignored } : c)],
            });
            var options = new TabularEvaluationOptions
            {
                LabelColumn = result.GetValue(target),
                RealHoldout = result.GetValue(holdout) is { } h ? CsvInput.Read(h.FullName, roles).Data : null,
            };
            var quality = mlContext.Gan().Tabular.Evaluate(realFile.Data, CsvInput.Read(result.GetValue(synthetic)!.FullName, roles).Data, options);
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
