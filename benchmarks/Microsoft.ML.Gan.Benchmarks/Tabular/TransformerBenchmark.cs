using System.Diagnostics;
using System.Globalization;
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
        using var adult = AdultCsv.Decompress();
        var data = adult.Load(new MLContext(seed: 1));
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

    private static void Report(TabularTable table, DataTransformer transformer, int repeats, (string Phase, TimeSpan Time)[] phases)
    {
        Console.WriteLine("## Tabular data transformer (adult.csv, 32,561 rows × 15 columns)");
        Console.WriteLine();
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, " +
            $"load average {Core.MachineInfo.LoadAverage()}; date {DateTime.UtcNow:yyyy-MM-dd}; threads used: 1; median of {repeats} runs after one warm-up.");
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

    internal static long CountRows(IDataView data)
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
}
