using System.CommandLine;
using Microsoft.ML.Gan.Tabular.Ctgan;
using Microsoft.ML.Gan.Tabular.Export;
using Spectre.Console;

namespace Microsoft.ML.Gan.Cli;

/// <summary>
/// `mlgan export --model model.zip -n N --to sqlite:file.db|postgres:CONNSTR|parquet:file|csv:file`, with the
/// privacy filter when the real training rows are given.
/// </summary>
internal static class ExportCommand
{
    public static System.CommandLine.Command Create()
    {
        var model = new Option<FileInfo>("--model") { Description = "Model zip written by 'mlgan fit'.", Required = true };
        var rows = new Option<long>("-n", "--rows") { Description = "How many rows to generate (before filtering).", DefaultValueFactory = _ => 10_000 };
        var to = new Option<string>("--to") { Description = "csv:PATH, parquet:PATH, sqlite:PATH or postgres:CONNECTION-STRING.", Required = true };
        var table = new Option<string>("--table") { Description = "Table name for sqlite/postgres.", DefaultValueFactory = _ => "synthetic" };
        var real = new Option<FileInfo?>("--real") { Description = "The real training table (CSV): turns on the privacy filter." };
        var holdout = new Option<FileInfo?>("--holdout") { Description = "Real rows the model never saw (CSV), for --min-dcr-quantile." };
        var dcr = new Option<double?>("--min-dcr-quantile") { Description = "Drop rows closer to the training data than this quantile of the holdout's DCR (e.g. 0.05)." };
        var rare = new Option<int>("--rare-k") { Description = "Suppress categories seen fewer than k times in the real data (0 = off).", DefaultValueFactory = _ => 5 };
        var overwrite = new Option<bool>("--overwrite") { Description = "Replace an existing output." };
        var allowRealData = new Option<bool>("--allow-real-data-filters")
        {
            Description = "Run the privacy filters (--real) on a differentially private model although they read the real rows: ε then no longer covers the output.",
        };
        var seed = CommonOptions.Seed();
        var tableFlags = new TableInputFlags();
        tableFlags.Metadata.Description = "Column roles (JSON from 'mlgan inspect --out'): reads --real/--holdout with them, adds fresh identifiers where an identifier role says generate, writes dates in their file's format (csv).";
        var command = new System.CommandLine.Command("export", "Generate rows and write them to a file or database, privacy-filtered.")
        {
            model, rows, to, table, real, holdout, dcr, rare, overwrite, seed, allowRealData,
        };
        tableFlags.AddTo(command);
        command.SetAction(result => CliFailure.Guard(() =>
        {
            var mlContext = new MLContext(seed: result.GetValue(seed));
            using var synthesizer = CtganModel.Load(mlContext, result.GetValue(model)!.FullName);
            var metadata = tableFlags.LoadMetadata(result);
            var roles = tableFlags.ToOptions(result, metadata);
            var realFile = result.GetValue(real);
            if (realFile is null && synthesizer.Privacy is null)
                AnsiConsole.MarkupLine("[yellow]warning:[/] no --real table: exporting without the privacy filter.");
            var options = realFile is null ? SampleCommand.PlainExport(result.GetValue(overwrite), synthesizer.Privacy) : new SyntheticExportOptions
            {
                RealTraining = CsvInput.Read(realFile.FullName, roles).Data,
                RealHoldout = result.GetValue(holdout) is { } h ? CsvInput.Read(h.FullName, roles).Data : null,
                MinimumDcrQuantile = result.GetValue(dcr),
                RareCategoryThreshold = result.GetValue(rare),
                Overwrite = result.GetValue(overwrite),
                Seed = result.GetValue(seed),
                DifferentialPrivacy = synthesizer.Privacy,
                AllowRealDataFiltersOnPrivateModel = result.GetValue(allowRealData),
            };
            var synthetic = synthesizer.Sample(result.GetValue(rows), result.GetValue(seed));
            var exporter = mlContext.Gan().Tabular.CreateExporter(options);
            ExportSummary? filtered = null;
            if (metadata is not null)
            {
                // Identifiers and formatted dates are added after the privacy filter, which compares the learned columns only.
                if (realFile is not null)
                    synthetic = exporter.Filter(synthetic, out filtered);
                synthetic = metadata.CompleteSynthetic(synthetic, formatDateTimes: result.GetValue(to)!.StartsWith("csv:", StringComparison.OrdinalIgnoreCase));
                exporter = mlContext.Gan().Tabular.CreateExporter(SampleCommand.PlainExport(result.GetValue(overwrite), synthesizer.Privacy));
            }
            var summary = Write(exporter, synthetic, result.GetValue(to)!, result.GetValue(table)!);
            foreach (var filter in (filtered ?? summary).Filters)
                AnsiConsole.MarkupLineInterpolated($"  {filter.Name} ({filter.Settings}): removed {filter.RowsRemoved:N0} rows");
            AnsiConsole.MarkupLineInterpolated($"Exported {summary.OutputRows:N0} of {summary.InputRows:N0} rows to [green]{summary.Format}: {summary.Target}[/].");
            if (summary.DifferentialPrivacy is { } dp && summary.EpsilonCoversOutput == true)
                AnsiConsole.MarkupLineInterpolated($"  model trained with differential privacy: ε = {dp.Epsilon:G4}, δ = {dp.Delta:G3} covers these rows (no real data was read; recorded in the summary)");
            else if (summary.DifferentialPrivacy is { } voided)
                AnsiConsole.MarkupLineInterpolated($"[yellow]warning:[/] the privacy filters read the real rows, so the model's ε = {voided.Epsilon:G4} no longer covers this output (recorded in the summary).");
            return CliFailure.Ok;
        }));
        return command;
    }

    private static ExportSummary Write(SyntheticDataExporter exporter, IDataView synthetic, string target, string table)
    {
        int colon = target.IndexOf(':');
        if (colon <= 0 || colon == target.Length - 1)
            throw new ArgumentException($"--to '{target}' must be csv:PATH, parquet:PATH, sqlite:PATH or postgres:CONNECTION-STRING.");
        string kind = target[..colon].ToLowerInvariant();
        string where = target[(colon + 1)..];
        return kind switch
        {
            "csv" => exporter.ToCsv(synthetic, Path.GetFullPath(where)),
            "parquet" => exporter.ToParquet(synthetic, Path.GetFullPath(where)),
            "sqlite" => exporter.ToSqlite(synthetic, Path.GetFullPath(where), table),
            "postgres" or "postgresql" => exporter.ToPostgres(synthetic, where, table),
            _ => throw new ArgumentException($"--to kind '{kind}' is unknown: use csv, parquet, sqlite or postgres."),
        };
    }
}
