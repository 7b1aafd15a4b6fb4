namespace Microsoft.ML.Gan.Tabular.Data;

/// <summary>
/// Turns a file's columns into the table a synthesizer learns: a role per column (given, or inferred), checked
/// against what the column holds, and the learned columns built for their roles (continuous → Double with NaN for
/// missing, date/time → DateTime (or Double ticks when some cells are blank), discrete → Text as written, blank = "").
/// </summary>
internal static class TableAssembler
{
    private const string IdentifierPrefixStem = "syn";

    public static TabularFile Assemble(SourceTable source, TabularFileOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var names = source.Columns.Select(c => c.Name).ToList();
        CheckListed(options.DiscreteColumns, "discrete", names, source.Path);
        CheckListed(options.IgnoreColumns, "left out", names, source.Path);
        if (options.DiscreteColumns.Intersect(options.IgnoreColumns).FirstOrDefault() is { } twice)
            throw new ArgumentException($"Column '{twice}' is listed both as discrete and as left out; list it once.");
        if (options.Metadata is { } given)
            CheckMetadata(given, names, source.Path);

        var learned = new List<TabularColumn>();
        var described = new List<ColumnMetadata>();
        foreach (var sourceColumn in source.Columns)
        {
            var (column, metadata) = Build(source, ColumnProfile.Of(sourceColumn), options);
            if (column is not null)
                learned.Add(column);
            described.Add(metadata);
        }
        if (learned.Count == 0)
            throw new InvalidDataException(
                $"'{source.Path}' has no column left to learn: {string.Join(", ", described.Select(c => $"{c.Name} ({Word(c.Role)})"))}.");
        var table = new TabularTable(learned);
        var result = new TabularMetadata
        {
            RowCount = source.RowCount,
            Separator = source.Separator?.ToString(),
            Columns = described,
        };
        return new TabularFile(table, result);
    }

    /// <summary>The role word used in JSON and messages ("continuous", "datetime"...).</summary>
    public static string Word(ColumnRole role) => role.ToString().ToLowerInvariant();

    private static (TabularColumn? Column, ColumnMetadata Metadata) Build(SourceTable source, ColumnProfile profile, TabularFileOptions options)
    {
        string name = profile.Source.Name;
        var given = options.Metadata?.Find(name);
        var warnings = new List<string>();
        ColumnRole role;
        if (options.IgnoreColumns.Contains(name))
            role = ColumnRole.Ignored;
        else if (options.DiscreteColumns.Contains(name))
            role = ColumnRole.Discrete;
        else if (given is not null)
            role = given.Role;
        else
        {
            if (profile.Mostly is { Share: >= ColumnProfile.MostlyShare } mostly)
                throw MostlyError(source, profile, mostly.Kind, mostly.OddRows);
            (role, string? reason) = RoleInference.Infer(profile);
            if (reason is not null)
                warnings.Add(reason);
            if (profile.Mostly is { Kind: ColumnValueKind.Number, Share: >= 0.5 } numeric)
                warnings.Add($"{numeric.Share:P0} of its cells are numbers, the rest text (such as '{profile.CellText(numeric.OddRows[0])}', {source.DescribeRow(numeric.OddRows[0])}): read as categories");
        }

        TabularColumn? column = null;
        string? prefix = null;
        switch (role)
        {
            case ColumnRole.Continuous:
                column = Continuous(source, profile);
                break;
            case ColumnRole.DateTime:
                column = DateTimes(source, profile, warnings);
                break;
            case ColumnRole.Discrete:
                column = Categories(profile);
                break;
            case ColumnRole.Identifier:
                prefix = IdentifierPrefix(source, profile, given?.IdentifierPrefix);
                break;
        }
        var metadata = new ColumnMetadata
        {
            Name = name,
            Role = role,
            Kind = profile.Kind,
            MissingShare = Math.Round((double)profile.Missing / profile.Source.Length, 6),
            DistinctCount = profile.Distinct,
            Generate = role == ColumnRole.Identifier && given?.Generate == true,
            IdentifierPrefix = prefix,
            DateTimeFormat = profile.DateTimeFormat,
            Warnings = warnings,
        };
        return (column, metadata);
    }

    private static ContinuousColumn Continuous(SourceTable source, ColumnProfile profile)
    {
        if (profile.Kind != ColumnValueKind.Number)
        {
            if (profile.Mostly is { Kind: ColumnValueKind.Number } mostly)
                throw MostlyError(source, profile, mostly.Kind, mostly.OddRows);
            throw WrongRole(source, profile, ColumnRole.Continuous, "numbers");
        }
        if (profile.InfiniteRows.Count > 0)
        {
            int row = profile.InfiniteRows[0];
            throw new InvalidDataException(
                $"Column '{profile.Source.Name}' of '{source.Path}' holds an infinite value ('{profile.CellText(row).Trim()}') at {source.DescribeRow(row)}" +
                $"{(profile.InfiniteRows.Count > 1 ? $" and {profile.InfiniteRows.Count - 1} more" : "")}: infinities cannot be learned. " +
                "Replace them (a blank cell is a missing value), or read the column as categories (mlgan --discrete, or the role \"discrete\" in the metadata).");
        }
        return new ContinuousColumn(profile.Source.Name, NumberDataViewType.Double, profile.Values!);
    }

    private static ContinuousColumn DateTimes(SourceTable source, ColumnProfile profile, List<string> warnings)
    {
        if (profile.Kind != ColumnValueKind.DateTime)
        {
            if (profile.Mostly is { Kind: ColumnValueKind.DateTime } mostly)
                throw MostlyError(source, profile, mostly.Kind, mostly.OddRows);
            throw WrongRole(source, profile, ColumnRole.DateTime, $"dates or times in one of the formats {string.Join(", ", CellParser.DateTimeFormats)}");
        }
        if (profile.Missing == 0)
            return new ContinuousColumn(profile.Source.Name, DateTimeDataViewType.Instance, profile.Values!);
        warnings.Add($"{profile.Missing} blank cells: learned as Double ticks so that blanks stay missing (samples write them back in the file's format)");
        return new ContinuousColumn(profile.Source.Name, NumberDataViewType.Double, profile.Values!);
    }

    /// <summary>The cells as written (blank → ""), or a typed column's values as invariant text, as categories.</summary>
    private static DiscreteColumn Categories(ColumnProfile profile)
    {
        var source = profile.Source;
        return TextColumns.Build(source.Name, source.Length, r => source.Cells is { } cells ? (CellParser.IsBlank(cells[r]) ? "" : cells[r]!)
            : double.IsNaN(source.Values![r]) ? ""
            : source.TypedKind == ColumnValueKind.DateTime ? new DateTime((long)source.Values[r]).ToString("o", CultureInfo.InvariantCulture)
            : source.Values[r].ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>A prefix that no real value starts with: the given one (checked), else "syn-", "syn1-", "syn2-"...</summary>
    private static string IdentifierPrefix(SourceTable source, ColumnProfile profile, string? given)
    {
        var present = Enumerable.Range(0, profile.Source.Length).Where(r => profile.Missing == 0 || !IsMissing(profile, r)).ToList();
        if (given is not null)
        {
            if (given.Length == 0)
                throw new InvalidDataException($"The metadata gives column '{profile.Source.Name}' an empty identifier prefix; generated identifiers need one.");
            int clash = present.FindIndex(r => profile.CellText(r).StartsWith(given, StringComparison.Ordinal));
            if (clash >= 0)
                throw new InvalidDataException(
                    $"The identifier prefix '{given}' of column '{profile.Source.Name}' starts the real value '{profile.CellText(present[clash])}' ({source.DescribeRow(present[clash])}); generated identifiers could equal real ones. Choose another prefix.");
            return given;
        }
        for (int attempt = 0; ; attempt++)
        {
            string prefix = IdentifierPrefixStem + (attempt == 0 ? "" : attempt.ToString(CultureInfo.InvariantCulture)) + "-";
            if (!present.Exists(r => profile.CellText(r).StartsWith(prefix, StringComparison.Ordinal)))
                return prefix;
        }
    }

    private static bool IsMissing(ColumnProfile profile, int row) =>
        profile.Source.Cells is { } cells ? CellParser.IsBlank(cells[row]) : double.IsNaN(profile.Source.Values![row]);

    private static InvalidDataException MostlyError(SourceTable source, ColumnProfile profile, ColumnValueKind kind, IReadOnlyList<int> oddRows)
    {
        var examples = oddRows.GroupBy(r => profile.CellText(r)).Take(5).Select(g => $"'{g.Key}' ({source.DescribeRow(g.First())})");
        string what = kind == ColumnValueKind.Number ? "numbers" : "dates";
        return new InvalidDataException(
            $"Column '{profile.Source.Name}' of '{source.Path}' holds {what} except in {oddRows.Count} cell{(oddRows.Count == 1 ? "" : "s")}: {string.Join(", ", examples)}. " +
            $"Fix those cells (a blank cell is a missing value), or read the column as categories (mlgan --discrete {profile.Source.Name}, or the role \"discrete\" in the metadata).");
    }

    private static InvalidDataException WrongRole(SourceTable source, ColumnProfile profile, ColumnRole role, string needs)
    {
        int row = Enumerable.Range(0, profile.Source.Length).First(r => !IsMissing(profile, r));
        return new InvalidDataException(
            $"Column '{profile.Source.Name}' of '{source.Path}' has the role {Word(role)}, which needs {needs}, but holds '{profile.CellText(row)}' ({source.DescribeRow(row)}).");
    }

    private static void CheckListed(IReadOnlyList<string> listed, string what, List<string> names, string path)
    {
        ArgumentNullException.ThrowIfNull(listed);
        foreach (string name in listed.Where(n => !names.Contains(n)))
            throw new ArgumentException($"Column '{name}', listed as {what}, is not in '{path}'. Columns: {string.Join(", ", names)}.");
    }

    private static void CheckMetadata(TabularMetadata metadata, List<string> names, string path)
    {
        if (names.FirstOrDefault(n => metadata.Find(n) is null) is { } unknown)
            throw new InvalidDataException($"Column '{unknown}' of '{path}' is not in the metadata; add it, or run inspect again.");
        if (metadata.Columns.FirstOrDefault(c => c.IsLearned && !names.Contains(c.Name)) is { } missing)
            throw new InvalidDataException($"Column '{missing.Name}' of the metadata (role {Word(missing.Role)}) is not in '{path}'.");
    }
}
