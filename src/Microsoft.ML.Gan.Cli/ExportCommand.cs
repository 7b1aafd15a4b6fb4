namespace Microsoft.ML.Gan.Cli;

/// <summary>
/// `mlgan export --model model.zip -n N --to sqlite:file.db|postgres:CONNSTR|parquet:file|csv:file`, with the
/// privacy filter when the real training rows are given. Rows are generated, filtered and written batch by batch.
/// </summary>
internal static class ExportCommand
{
    public static System.CommandLine.Command Create()
    {
        var flags = new GenerationFlags("How many rows to generate (before filtering; of all shards together).");
        var to = new Option<string>("--to") { Description = "csv:PATH, parquet:PATH, sqlite:PATH or postgres:CONNECTION-STRING.", Required = true };
        var table = new Option<string>("--table") { Description = "Table name for sqlite/postgres.", DefaultValueFactory = _ => "synthetic" };
        var real = new Option<FileInfo?>("--real") { Description = "The real training table (CSV): turns on the privacy filter." };
        var holdout = new Option<FileInfo?>("--holdout") { Description = "Real rows the model never saw (CSV), for --min-dcr-quantile." };
        var dcr = new Option<double?>("--min-dcr-quantile") { Description = "Drop rows closer to the training data than this quantile of the holdout's DCR (e.g. 0.05)." };
        var rare = new Option<int>("--rare-k") { Description = "Blank categories seen fewer than k times in the real data (0 = off).", DefaultValueFactory = _ => 5 };
        var allowRealData = new Option<bool>("--allow-real-data-filters")
        {
            Description = "Run the privacy filters (--real) on a differentially private model although they read the real rows: ε then no longer covers the output.",
        };
        var tableFlags = new TableInputFlags();
        tableFlags.Metadata.Description = "Column roles (JSON from 'mlgan inspect --out') to read --real/--holdout with; it also replaces the model's own output columns (dates in their file's format, fresh identifiers where an identifier role says generate).";
        var command = new System.CommandLine.Command("export", "Generate rows and write them to a file or database, privacy-filtered.")
        {
            flags.Model, flags.Rows, to, table, real, holdout, dcr, rare, flags.Overwrite, flags.Shard, flags.Seed, flags.Threads, allowRealData,
        };
        tableFlags.AddTo(command);
        command.SetAction(result => CliFailure.Guard(result, cancellation =>
        {
            long count = flags.RowCount(result);
            var part = result.GetValue(flags.Shard);
            var realFile = result.GetValue(real);
            var holdoutFile = result.GetValue(holdout);
            string modelPath = result.GetValue(flags.Model)!.FullName;
            bool overwrite = result.GetValue(flags.Overwrite);
            int seed = result.GetValue(flags.Seed);
            var destination = Destination.Parse(result.GetValue(to)!, result.GetValue(table)!, part);
            destination.Check(overwrite, ("--model", modelPath), ("--real", realFile?.FullName), ("--holdout", holdoutFile?.FullName));

            var metadata = tableFlags.LoadMetadata(result);
            var roles = tableFlags.ToOptions(result, metadata);

            var mlContext = flags.CreateContext(result);
            using var synthesizer = LoadModel(mlContext, modelPath, metadata);
            if (realFile is null && synthesizer.Privacy is null)
                AnsiConsole.MarkupLine("[yellow]warning:[/] no --real table: exporting without the privacy filter.");
            IDataView synthetic = synthesizer.SampleStream(count, seed, shard: part);
            var summary = RowProgressDisplay.Run("Exporting", synthetic.GetRowCount()!.Value, progress =>
            {
                var plain = SampleCommand.PlainExport(overwrite, synthesizer.Privacy, progress, part);
                var options = realFile is null ? plain : new SyntheticExportOptions
                {
                    RealTraining = CsvInput.Read(realFile.FullName, roles).Data,
                    RealHoldout = holdoutFile is null ? null : CsvInput.Read(holdoutFile.FullName, roles).Data,
                    MinimumDcrQuantile = result.GetValue(dcr),
                    RareCategoryThreshold = result.GetValue(rare),
                    Overwrite = overwrite,
                    Seed = seed,
                    DifferentialPrivacy = synthesizer.Privacy,
                    AllowRealDataFiltersOnPrivateModel = result.GetValue(allowRealData),
                    Progress = progress,
                    ProgressInterval = SampleCommand.ProgressRows,
                    CsvHeader = part is not { Index: > 0 },
                };
                return destination.Write(mlContext.Gan().Tabular.CreateExporter(options), synthetic, cancellation);
            });
            foreach (var filter in summary.Filters)
                AnsiConsole.MarkupLineInterpolated($"  {filter.Name} ({filter.Settings}): {FilterEffect(filter)}");
            AnsiConsole.MarkupLineInterpolated($"Exported {summary.OutputRows:N0} of {summary.InputRows:N0} rows to [green]{summary.Format}: {summary.Target}[/].");
            if (summary.DifferentialPrivacy is { } dp && summary.EpsilonCoversOutput == true)
                AnsiConsole.MarkupLineInterpolated($"  model trained with differential privacy: ε = {dp.Epsilon:G4}, δ = {dp.Delta:G3} covers these rows (no real data was read; recorded in the summary)");
            else if (synthesizer.Privacy is { } voided)
                AnsiConsole.MarkupLineInterpolated($"[yellow]warning:[/] the privacy filters read the real rows, so the model's ε = {voided.Epsilon:G4} no longer covers this output (recorded in the summary).");
            return CliFailure.Ok;
        }));
        return command;
    }

    /// <summary>The saved model, with the file's columns of <paramref name="metadata"/> when given (else its own).</summary>
    private static CtganModel LoadModel(MLContext mlContext, string path, TabularMetadata? metadata)
    {
        var model = CtganModel.Load(mlContext, path);
        if (metadata is null)
            return model;
        using (model)
            return model.WithMetadata(metadata);
    }

    /// <summary>"removed N rows", plus the cells blanked per column when a filter blanked any.</summary>
    public static string FilterEffect(FilterStepSummary filter)
    {
        string effect = $"removed {filter.RowsRemoved:N0} rows";
        if (filter.ValuesSuppressed == 0)
            return filter.ValuesSuppressedByColumn is null ? effect : effect + ", blanked 0 cells";
        var columns = filter.ValuesSuppressedByColumn!.OrderByDescending(c => c.Value).Select(c => $"{c.Key}: {c.Value:N0}");
        return $"{effect}, blanked {filter.ValuesSuppressed:N0} cells ({string.Join(", ", columns)})";
    }

    /// <summary>Where --to points: a file (csv, parquet) or a database table (sqlite, postgres).</summary>
    private sealed record Destination(string Kind, string Location, string Table)
    {
        public static Destination Parse(string target, string table, SampleShard? shard)
        {
            int colon = target.IndexOf(':');
            if (colon <= 0 || colon == target.Length - 1)
                throw new CliUsageException($"--to '{target}' must be csv:PATH, parquet:PATH, sqlite:PATH or postgres:CONNECTION-STRING.");
            string kind = target[..colon].ToLowerInvariant();
            string location = target[(colon + 1)..];
            kind = kind == "postgresql" ? "postgres" : kind;
            if (kind is not ("csv" or "parquet" or "sqlite" or "postgres"))
                throw new CliUsageException($"--to kind '{kind}' is unknown: use csv, parquet, sqlite or postgres.");
            if (shard is not null && kind is "sqlite" or "postgres")
                throw new CliUsageException($"--shard writes files (csv or parquet), one per shard; --to {kind} writes one table: export without --shard, or shard to Parquet files and load them.");
            return new Destination(kind, kind == "postgres" ? location : Path.GetFullPath(location), table);
        }

        private FileTarget File => new("--to", Location, Kind);

        /// <summary>Checks the destination before the model is loaded and rows are generated.</summary>
        public void Check(bool overwrite, params (string Flag, string? Path)[] inputs)
        {
            if (Kind is "csv" or "parquet")
                File.Check(overwrite, inputs);
            else if (Kind == "sqlite")
                // An existing database gets a new table (checked when it opens); a new file needs a writable folder.
                OutputFiles.Check("--to", Location, overwrite: System.IO.File.Exists(Location), inputs);
        }

        public ExportSummary Write(SyntheticDataExporter exporter, IDataView rows, CancellationToken cancellationToken)
        {
            try
            {
                return Kind switch
                {
                    "sqlite" => exporter.ToSqlite(rows, Location, Table, cancellationToken),
                    "postgres" => exporter.ToPostgres(rows, Location, Table, cancellationToken),
                    _ => File.Write(exporter, rows, cancellationToken),
                };
            }
            catch (Exception e) when (e is System.Data.Common.DbException or System.Net.Sockets.SocketException or TimeoutException)
            {
                // The connection string is never repeated: it may hold a password.
                string database = Kind == "postgres" ? "the PostgreSQL database" : $"'{Location}'";
                throw new IOException($"--to {Kind}: cannot write table '{Table}' to {database}: {e.Message}", e);
            }
        }
    }
}
