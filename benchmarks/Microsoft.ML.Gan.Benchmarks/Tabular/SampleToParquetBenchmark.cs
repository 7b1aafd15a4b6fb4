using System.Diagnostics;
using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Gan.Tabular.Ctgan;
using Microsoft.ML.Gan.Tabular.Export;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Benchmarks.Tabular;

/// <summary>
/// Streaming a CTGAN sample of adult to a Parquet file (<c>SampleStream</c> + the exporter, what <c>mlgan sample
/// --out x.parquet</c> runs): rows/s end to end, file size, and peak working set. The model is a CTGAN fitted for one
/// epoch on adult (the network's size, not its quality, sets the cost) unless a saved model is given. Rows per
/// CPU-second depend much less on other processes than rows/s do (on a shared machine compare those).
/// Arguments: [rows, default 1,000,000] [threads, default 0 = the library's default] [model zip, default: fit one].
/// </summary>
internal static class SampleToParquetBenchmark
{
    public const string Description = "CTGAN sample of adult streamed to Parquet: rows/s, file size, peak working set";

    public static int Run(string[] args)
    {
        long rows = args.Length > 0 ? long.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
        int threads = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 0;
        var mlContext = new MLContext(seed: 1);
        Microsoft.ML.Gan.Torch.TorchRuntime.SetThreads(threads);
        using var model = args.Length > 2 ? CtganModel.Load(mlContext, args[2]) : Fit(mlContext, get_num_threads());
        Console.WriteLine($"## tabular-sample-parquet: {rows:N0} CTGAN rows of adult streamed to Parquet");
        Console.WriteLine();
        Console.WriteLine($"Machine: {Core.MachineInfo.Describe()}; GEMM probe {Core.MachineInfo.GemmGflops():F0} GFLOP/s.");
        Console.WriteLine();
        string path = Path.Combine(Path.GetTempPath(), $"mlgan-sample-{Guid.NewGuid():N}.parquet");
        var exporter = mlContext.Gan().Tabular.CreateExporter(new SyntheticExportOptions { DropExactCopies = false, RareCategoryThreshold = 0 });
        exporter.ToParquet(model.SampleStream(10_000, seed: 1), path); // warm-up
        File.Delete(path);
        File.Delete(SyntheticDataExporter.SummaryPath(path));
        var generationCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var generation = Stopwatch.StartNew();
        long generated = Math.Min(rows, 500_000);
        for (long start = 0; start < generated; start += CtganModel.StreamBatchRows)
            model.SampleTable(Math.Min(generated - start, CtganModel.StreamBatchRows), seed: 3);
        double generationRate = generated / generation.Elapsed.TotalSeconds;
        double generationCpuRate = generated / (Process.GetCurrentProcess().TotalProcessorTime - generationCpu).TotalSeconds;
        string loadBefore = Core.MachineInfo.LoadAverage();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        ExportSummary summary;
        long exportPeak;
        using (var peak = new WorkingSetPeak())
        {
            summary = exporter.ToParquet(model.SampleStream(rows, seed: 2), path);
            exportPeak = peak.Bytes;
        }
        double seconds = watch.Elapsed.TotalSeconds;
        double cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        long bytes = new FileInfo(path).Length;
        File.Delete(path);
        File.Delete(SyntheticDataExporter.SummaryPath(path));
        Console.WriteLine("| measure | value | target |");
        Console.WriteLine("| --- | ---: | ---: |");
        Console.WriteLine($"| rows written | {summary.OutputRows:N0} in {seconds:F1} s | |");
        Console.WriteLine($"| throughput | {summary.OutputRows / seconds:N0} rows/s | ≥ 150,000 |");
        Console.WriteLine($"| CPU time of the export (user + system, all threads) | {cpuSeconds:F1} s: {summary.OutputRows / cpuSeconds:N0} rows per CPU-second | |");
        Console.WriteLine($"| generation alone ({generated:N0} rows in batches, no writing) | {generationRate:N0} rows/s, {generationCpuRate:N0} rows per CPU-second | |");
        Console.WriteLine($"| Parquet file | {bytes / (1024.0 * 1024):N1} MiB ({(double)bytes / summary.OutputRows:F1} bytes/row) | |");
        Console.WriteLine($"| peak working set during the export (sampled every 50 ms) | {exportPeak / (1024.0 * 1024):N0} MiB | |");
        Console.WriteLine($"| peak working set of the process (fit or load included) | {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024):N0} MiB | |");
        Console.WriteLine($"| load average before / after the export | {loadBefore} / {Core.MachineInfo.LoadAverage()} | |");
        Console.WriteLine();
        return 0;
    }

    /// <summary>The highest working set of the process while it lives, read every 50 ms on a background thread.</summary>
    private sealed class WorkingSetPeak : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _sampler;
        private long _peak;

        public WorkingSetPeak() => _sampler = Task.Run(async () =>
        {
            using var process = Process.GetCurrentProcess();
            while (!_stop.IsCancellationRequested)
            {
                process.Refresh();
                _peak = Math.Max(_peak, process.WorkingSet64);
                try
                {
                    await Task.Delay(50, _stop.Token);
                }
                catch (OperationCanceledException)
                {
                }
            }
        });

        public long Bytes => Interlocked.Read(ref _peak);

        public void Dispose()
        {
            _stop.Cancel();
            _sampler.Wait();
            _stop.Dispose();
        }
    }

    private static CtganModel Fit(MLContext mlContext, int threads)
    {
        using var adult = AdultCsv.Decompress();
        return mlContext.Gan().Tabular.Ctgan(new CtganOptions { Epochs = 1, Threads = threads, Seed = 1 }).Fit(adult.Load(mlContext));
    }
}
