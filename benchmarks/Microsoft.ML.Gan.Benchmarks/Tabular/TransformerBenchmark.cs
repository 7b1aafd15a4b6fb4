using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Runtime.InteropServices;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Gan.Tabular.Data;

namespace Microsoft.ML.Gan.Benchmarks.Tabular;

/// <summary>
/// Times the CTGAN data transformer on UCI Adult (data/adult.csv.gz): reading the IDataView into a table, Fit
/// (one variational Gaussian mixture per continuous column), Transform and InverseTransform. Single-threaded code;
/// each phase runs once to warm up, then <c>repeats</c> times (argument 1, default 5), and the median is reported.
/// </summary>
internal static class TransformerBenchmark
{
    public const string Description = "CTGAN data transformer on adult.csv.gz: read, Fit, Transform, InverseTransform";

    public static int Run(string[] args)
    {
        int repeats = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
        string csv = DecompressAdult();
        try
        {
            var data = LoadAdult(new MLContext(seed: 1), csv);
            var (read, table) = Median(repeats, () => TabularTable.FromDataView(data));
            var (fit, transformer) = Median(repeats, () => DataTransformer.Fit(table, new DataTransformerOptions { Seed = 1 }));
            var (transform, encoded) = Median(repeats, () => transformer.Transform(table));
            var (inverse, _) = Median(repeats, () => transformer.InverseTransform(encoded, table.RowCount, seed: 1));
            var (toDataView, _) = Median(repeats, () => CountRows(table.ToDataView()));
            Report(table, transformer, repeats, [
                ("Read IDataView → TabularTable", read),
                ("Fit", fit),
                ("Transform", transform),
                ("InverseTransform", inverse),
                ("TabularTable → IDataView (cursor pass)", toDataView),
            ]);
            return 0;
        }
        finally
        {
            File.Delete(csv);
        }
    }

    private static void Report(TabularTable table, DataTransformer transformer, int repeats, (string Phase, TimeSpan Time)[] phases)
    {
        Console.WriteLine("## Tabular data transformer (adult.csv, 32,561 rows × 15 columns)");
        Console.WriteLine();
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, " +
            $"load average {LoadAverage()}; date {DateTime.UtcNow:yyyy-MM-dd}; threads used: 1; median of {repeats} runs after one warm-up.");
        Console.WriteLine($"Encoded width: {transformer.OutputDimension} ({transformer.Spans.Count} spans).");
        Console.WriteLine();
        Console.WriteLine("| phase | median time | rows/s |");
        Console.WriteLine("| --- | ---: | ---: |");
        foreach (var (phase, time) in phases)
            Console.WriteLine($"| {phase} | {time.TotalMilliseconds:F1} ms | {table.RowCount / time.TotalSeconds:N0} |");
        Console.WriteLine();
        Console.WriteLine("| continuous column | modes kept | EM iterations | converged |");
        Console.WriteLine("| --- | ---: | ---: | --- |");
        foreach (string name in transformer.ColumnNames)
        {
            if (table[name] is ContinuousColumn && transformer.GetMixture(name) is { } mixture)
                Console.WriteLine($"| {name} | {mixture.ModeCount} | {mixture.Iterations} | {mixture.Converged} |");
        }
    }

    private static (TimeSpan Median, T Result) Median<T>(int repeats, Func<T> run)
    {
        var result = run();
        var times = new TimeSpan[repeats];
        for (int i = 0; i < repeats; i++)
        {
            var watch = Stopwatch.StartNew();
            result = run();
            times[i] = watch.Elapsed;
        }
        Array.Sort(times);
        return (times[repeats / 2], result);
    }

    private static long CountRows(IDataView data)
    {
        long rows = 0;
        using var cursor = data.GetRowCursor(data.Schema);
        var getters = data.Schema.Select(c => MakeGetter(cursor, c)).ToArray();
        while (cursor.MoveNext())
        {
            foreach (var getter in getters)
                getter();
            rows++;
        }
        return rows;
    }

    private static Action MakeGetter(DataViewRowCursor cursor, DataViewSchema.Column column)
    {
        if (column.Type is TextDataViewType)
        {
            var getter = cursor.GetGetter<ReadOnlyMemory<char>>(column);
            ReadOnlyMemory<char> value = default;
            return () => getter(ref value);
        }
        if (column.Type.RawType == typeof(int))
        {
            var getter = cursor.GetGetter<int>(column);
            int value = 0;
            return () => getter(ref value);
        }
        var single = cursor.GetGetter<float>(column);
        float number = 0;
        return () => single(ref number);
    }

    private static IDataView LoadAdult(MLContext mlContext, string path)
    {
        var columns = new TextLoader.Column[]
        {
            new("age", DataKind.Int32, 0), new("workclass", DataKind.String, 1), new("fnlwgt", DataKind.Int32, 2),
            new("education", DataKind.String, 3), new("education-num", DataKind.Int32, 4), new("marital-status", DataKind.String, 5),
            new("occupation", DataKind.String, 6), new("relationship", DataKind.String, 7), new("race", DataKind.String, 8),
            new("sex", DataKind.String, 9), new("capital-gain", DataKind.Single, 10), new("capital-loss", DataKind.Single, 11),
            new("hours-per-week", DataKind.Int32, 12), new("native-country", DataKind.String, 13), new("income", DataKind.String, 14),
        };
        // Cache so that "read" times the table conversion, not CSV parsing.
        return mlContext.Data.Cache(mlContext.Data.LoadFromTextFile(path, columns, separatorChar: ',', hasHeader: true));
    }

    private static string DecompressAdult()
    {
        string path = Path.Combine(Path.GetTempPath(), $"adult-benchmark-{Environment.ProcessId}.csv");
        using var source = new GZipStream(File.OpenRead(FindUpwards("data/adult.csv.gz")), CompressionMode.Decompress);
        using var target = File.Create(path);
        source.CopyTo(target);
        return path;
    }

    private static string FindUpwards(string relativePath)
    {
        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            string candidate = Path.Combine(directory.FullName, relativePath);
            if (File.Exists(candidate))
                return candidate;
        }
        throw new FileNotFoundException($"{relativePath} was not found in {Environment.CurrentDirectory} or any folder above it.");
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
}
