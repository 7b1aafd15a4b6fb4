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
        var discrete = CommonOptions.Discrete();
        var tableFlags = new TableInputFlags();
        var overwrite = CommonOptions.Overwrite();
        var command = new System.CommandLine.Command("evaluate", "Score a synthetic table against the real one: shapes, pairs, ML efficacy, privacy.")
        {
            real, synthetic, holdout, target, report, json, discrete, overwrite,
        };
        tableFlags.AddTo(command);
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
            // The real table's roles (inferred, or --metadata) read the synthetic and holdout tables too, so all three agree.
            var realFile = CsvInput.Read(realPath, tableFlags.ToOptions(result, tableFlags.LoadMetadata(result), result.GetValue(discrete)));
            if (result.GetValue(target) is { } label && realFile.Data.Schema.GetColumnOrNull(label) is null)
                throw new CliUsageException($"--target '{label}' is not a learned column of --real; its columns: {string.Join(", ", realFile.Data.Schema.Select(c => c.Name))}.");
            // Identifiers are left out of every table; the synthetic one may hold generated identifiers, which are not checked against the real ones here.
            var roles = tableFlags.ToOptions(result, realFile.Metadata with
            {
                Columns = [.. realFile.Metadata.Columns.Select(c => c.Role == ColumnRole.Identifier ? c with { Role = ColumnRole.Ignored } : c)],
            });
            var options = new TabularEvaluationOptions
            {
                LabelColumn = result.GetValue(target),
                RealHoldout = holdoutPath is null ? null : CsvInput.Read(holdoutPath, roles).Data,
            };
            var quality = mlContext.Gan().Tabular.Evaluate(realFile.Data, CsvInput.Read(syntheticPath, roles).Data, options);
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
