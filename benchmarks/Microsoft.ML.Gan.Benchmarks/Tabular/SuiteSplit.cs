using Microsoft.VisualBasic.FileIO;

namespace Microsoft.ML.Gan.Benchmarks.Tabular;

/// <summary>
/// The suite's fixed split: 80 % training rows, 20 % test rows, drawn with seed 0, stratified by the target's value
/// for classification. The rows are copied verbatim into train.csv and test.csv, so that the library and the Python
/// peer read exactly the same cells.
/// </summary>
internal static class SuiteSplit
{
    public const double TestFraction = 0.2;
    public const int Seed = 0;

    /// <summary>Writes <c>{directory}/train.csv</c> and <c>test.csv</c> from <paramref name="csv"/>; returns their paths.</summary>
    public static (string Train, string Test) Write(string csv, SuiteTable table, string directory)
    {
        string[] lines = File.ReadAllLines(csv);
        if (lines.Length < 2)
            throw new InvalidDataException($"{csv}: no data rows.");
        string[] header = Fields(lines[0], csv, 1, expected: null);
        int target = Array.IndexOf(header, table.Target);
        if (target < 0)
            throw new InvalidDataException($"{csv}: no column '{table.Target}' (columns: {string.Join(", ", header)}).");
        var strata = Enumerable.Range(1, lines.Length - 1)
            .GroupBy(i => table.IsClassification ? Fields(lines[i], csv, i + 1, header.Length)[target] : "")
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        var random = new Random(Seed);
        var test = new HashSet<int>();
        foreach (var stratum in strata)
        {
            int[] rows = [.. stratum];
            random.Shuffle(rows);
            test.UnionWith(rows.Take((int)Math.Round(rows.Length * TestFraction)));
        }
        Directory.CreateDirectory(directory);
        string trainPath = Path.Combine(directory, "train.csv"), testPath = Path.Combine(directory, "test.csv");
        File.WriteAllLines(trainPath, [lines[0], .. Enumerable.Range(1, lines.Length - 1).Where(i => !test.Contains(i)).Select(i => lines[i])]);
        File.WriteAllLines(testPath, [lines[0], .. Enumerable.Range(1, lines.Length - 1).Where(test.Contains).Select(i => lines[i])]);
        return (trainPath, testPath);
    }

    private static string[] Fields(string line, string csv, int lineNumber, int? expected)
    {
        using var parser = new TextFieldParser(new StringReader(line)) { HasFieldsEnclosedInQuotes = true, TrimWhiteSpace = false };
        parser.SetDelimiters(",");
        string[] fields = parser.ReadFields() ?? [];
        if (expected is int n && fields.Length != n)
            throw new InvalidDataException($"{csv} line {lineNumber}: {fields.Length} fields, the header has {n} (a quoted line break is not supported here).");
        return fields;
    }
}
