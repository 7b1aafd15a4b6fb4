// Compares Sep, Sylvan.Data.Csv and CsvHelper: RFC 4180 correctness on a hand-written file, then the time to read every
// field of a CSV file as a string (best of 5, after a warm-up).
// `dotnet run -c Release --project benchmarks/CsvParserComparison -- /work/shared/data/adult.csv [repeat]`
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using nietras.SeparatedValues;

if (args.Length == 0)
{
    Console.Error.WriteLine("usage: CsvParserComparison <file.csv> [times to repeat its rows]");
    return 2;
}
string path = args[0];
int repeat = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1;
if (repeat > 1)
    path = Repeated(path, repeat);

var parsers = new (string Name, Func<TextReader, List<string[]>> Read)[]
{
    ("Sep 0.18.0", ReadSep),
    ("Sylvan.Data.Csv 1.4.4", ReadSylvan),
    ("CsvHelper 34.0.0", ReadCsvHelper),
};

// Quoted separators, doubled quotes, LF and CRLF inside quotes, an empty quoted field, a trailing empty field.
const string Rfc4180 = "a,b,c\r\n\"x,y\",\"say \"\"hi\"\"\",\"line1\nline2\"\r\n\"\",plain,\"crlf\r\ninside\"\r\n1,2,\r\n";
string[][] expected = [["a", "b", "c"], ["x,y", "say \"hi\"", "line1\nline2"], ["", "plain", "crlf\r\ninside"], ["1", "2", ""]];

Console.WriteLine($"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, " +
    $"load average {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a")}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
Console.WriteLine($"File: {path} ({new FileInfo(path).Length / 1e6:F1} MB)");
Console.WriteLine();
Console.WriteLine("| parser | RFC 4180 cases | rows | best of 5 (ms) | MB/s |");
Console.WriteLine("|---|---|---:|---:|---:|");
foreach (var (name, read) in parsers)
{
    var parsed = read(new StringReader(Rfc4180));
    bool correct = parsed.Count == expected.Length && parsed.Zip(expected).All(p => p.First.SequenceEqual(p.Second));
    using (var warm = new StreamReader(path)) read(warm);
    double best = double.MaxValue;
    int rows = 0;
    for (int i = 0; i < 5; i++)
    {
        var clock = Stopwatch.StartNew();
        using var reader = new StreamReader(path);
        rows = read(reader).Count;
        best = Math.Min(best, clock.Elapsed.TotalMilliseconds);
    }
    double megabytes = new FileInfo(path).Length / 1e6;
    Console.WriteLine($"| {name} | {(correct ? "all pass" : "FAIL: " + Describe(parsed))} | {rows - 1:N0} | {best:F0} | {megabytes / (best / 1000):F0} |");
}
return 0;

static List<string[]> ReadSep(TextReader text)
{
    var rows = new List<string[]>();
    using var reader = Sep.New(',').Reader(o => o with { HasHeader = false, Unescape = true }).From(text);
    foreach (var row in reader)
    {
        var fields = new string[row.ColCount];
        for (int c = 0; c < fields.Length; c++)
            fields[c] = row[c].ToString();
        rows.Add(fields);
    }
    return rows;
}

static List<string[]> ReadSylvan(TextReader text)
{
    var rows = new List<string[]>();
    using var reader = Sylvan.Data.Csv.CsvDataReader.Create(text, new Sylvan.Data.Csv.CsvDataReaderOptions { HasHeaders = false, Delimiter = ',' });
    while (reader.Read())
    {
        var fields = new string[reader.RowFieldCount];
        for (int c = 0; c < fields.Length; c++)
            fields[c] = reader.GetString(c);
        rows.Add(fields);
    }
    return rows;
}

static List<string[]> ReadCsvHelper(TextReader text)
{
    var rows = new List<string[]>();
    using var reader = CsvHelper.CsvReader.Create(text, CsvHelper.CsvReaderOptions.Default with { HasHeader = false, Separator = ',' }, false);
    while (reader.Read())
    {
        var fields = new string[reader.FieldCount];
        for (int c = 0; c < fields.Length; c++)
            fields[c] = reader.GetString(c);
        rows.Add(fields);
    }
    return rows;
}

static string Describe(List<string[]> rows) =>
    string.Join(" / ", rows.Select(r => string.Join("|", r.Select(f => f.Replace("\r", "\\r").Replace("\n", "\\n")))));

static string Repeated(string path, int times)
{
    string target = Path.Combine(Path.GetTempPath(), $"{Path.GetFileNameWithoutExtension(path)}-x{times}.csv");
    var lines = File.ReadAllLines(path);
    using var writer = new StreamWriter(target, false, new UTF8Encoding(false));
    writer.WriteLine(lines[0]);
    for (int t = 0; t < times; t++)
        foreach (string line in lines.Skip(1))
            writer.WriteLine(line);
    return target;
}
