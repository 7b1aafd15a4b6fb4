using System.Diagnostics;
using System.Runtime.InteropServices;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Benchmarks.Core;

/// <summary>What every benchmark prints beside its numbers: machine, load, threads, and a GEMM speed probe.</summary>
internal static class MachineInfo
{
    public static string Describe() =>
        $"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, " +
        $"torch threads {get_num_threads()}, load average {LoadAverage()}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC";

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    /// <summary>Float32 GEMM speed of torch.mm on n×n matrices, best of several runs, in GFLOP/s.</summary>
    public static double GemmGflops(int n = 1024, int repeats = 10)
    {
        using var a = randn(n, n);
        using var b = randn(n, n);
        using (var warm = a.mm(b)) { }
        double best = double.MaxValue;
        for (int i = 0; i < repeats; i++)
        {
            var clock = Stopwatch.StartNew();
            using var c = a.mm(b);
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }
        return 2.0 * n * n * n / best / 1e9;
    }
}
