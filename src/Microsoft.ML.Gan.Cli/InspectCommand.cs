namespace Microsoft.ML.Gan.Cli;

/// <summary>
/// `mlgan inspect table.csv [--out roles.json]`: reads a table as `fit` would and prints every column's role, kind,
/// missing share, distinct count and warnings; --out writes them as JSON for --metadata (edit the roles to override).
/// </summary>
internal static class InspectCommand
{
    public static System.CommandLine.Command Create()
    {
        var input = new Argument<FileInfo>("input") { Description = "A CSV file with a header row, or a Parquet file." };
        var output = new Option<FileInfo?>("--out") { Description = "Write the roles as JSON (for --metadata on fit, evaluate and export)." };
        var overwrite = CommonOptions.Overwrite();
        var discrete = CommonOptions.Discrete();
        var ignore = CommonOptions.Ignore();
        var tableFlags = new TableInputFlags();
        var command = new System.CommandLine.Command("inspect", "Show the role inferred for every column of a table (continuous, discrete, datetime, identifier, constant, ignored).")
        {
            input, output, overwrite, discrete, ignore,
        };
        tableFlags.AddTo(command);
        command.SetAction(result => CliFailure.Guard(result, _ =>
        {
            string path = result.GetValue(input)!.FullName;
            string? outPath = result.GetValue(output) is { } outFile
                ? OutputFiles.Check("--out", outFile.FullName, result.GetValue(overwrite), ("input", path))
                : null;
            var file = TabularFileReader.Read(path, tableFlags.ToOptions(result, tableFlags.LoadMetadata(result), result.GetValue(discrete), result.GetValue(ignore)));
            Print(file.Metadata);
            if (outPath is not null)
            {
                Persistence.AtomicFile.Write(outPath, result.GetValue(overwrite), stream => stream.Write(System.Text.Encoding.UTF8.GetBytes(file.Metadata.ToJson())));
                AnsiConsole.MarkupLineInterpolated($"Wrote the roles to [green]{outPath}[/]: edit them and pass --metadata to fit, evaluate or export.");
            }
            return CliFailure.Ok;
        }));
        return command;
    }

    private static void Print(TabularMetadata metadata)
    {
        var table = new Table().AddColumn("column").AddColumn("role").AddColumn("kind")
            .AddColumn(new TableColumn("missing").RightAligned()).AddColumn(new TableColumn("distinct").RightAligned()).AddColumn("notes");
        foreach (var column in metadata.Columns)
        {
            string notes = string.Join("; ", column.Warnings
                .Concat(column.DateTimeFormat is { } format ? [$"format {format}"] : [])
                .Concat(column is { Role: ColumnRole.Identifier, Generate: true } ? [$"generated as {column.IdentifierPrefix}000001, ..."] : []));
            table.AddRow(Markup.Escape(column.Name), column.Role.ToString().ToLowerInvariant(), column.Kind.ToString().ToLowerInvariant(),
                $"{column.MissingShare:P1}", $"{column.DistinctCount:N0}", Markup.Escape(notes));
        }
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated(
            $"{metadata.RowCount:N0} rows; {metadata.LearnedColumns.Count} columns learned, {metadata.LeftOutColumns.Count} left out{(metadata.LeftOutColumns.Count > 0 ? $" ({string.Join(", ", metadata.LeftOutColumns)})" : "")}.");
    }
}
