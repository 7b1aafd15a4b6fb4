namespace Microsoft.ML.Gan.Tabular.Data;

/// <summary>
/// Catches a file read with the wrong separator: a single column whose header and (nearly) every cell contain another
/// candidate separator would otherwise be learned as one text column and replayed verbatim.
/// </summary>
internal static class MisDelimited
{
    private const double Share = 0.9;

    public static void Check(string path, char separator, IReadOnlyList<SourceColumn> columns)
    {
        if (columns.Count != 1)
            return;
        var column = columns[0];
        foreach (char candidate in SeparatorDetection.Candidates.Where(c => c != separator && column.Name.Contains(c)))
        {
            var present = column.Cells!.Where(c => !CellParser.IsBlank(c)).ToList();
            if (present.Count > 0 && present.Count(c => c!.Contains(candidate)) >= Share * present.Count)
                throw new InvalidDataException(
                    $"'{path}' reads as the single column '{column.Name}' with '{CsvSource.Printable(separator)}' as separator, but its header and rows contain " +
                    $"'{CsvSource.Printable(candidate)}': it looks separated by '{CsvSource.Printable(candidate)}'. Give that separator (mlgan --separator; TabularFileOptions.Separator).");
        }
    }
}
