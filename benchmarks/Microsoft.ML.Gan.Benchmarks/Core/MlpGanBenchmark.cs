using System.Diagnostics;
using Microsoft.ML.Data;
using Microsoft.ML.Gan.Losses;
using Microsoft.ML.Gan.Networks;
using Microsoft.ML.Gan.Vectors;
using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Benchmarks.Core;

/// <summary>
/// Steps/s of an MLP GAN through the training engine at batch 64 and 500, beside a bare hand-written loop doing the
/// same tensor work (no guard, no progress, no checkpoints), and a GEMM probe: the gap is the engine's per-step
/// overhead.
/// </summary>
internal static class MlpGanBenchmark
{
    public const string Description = "MLP GAN steps/s (engine vs bare loop) at batch 64 and 500, GEMM GFLOP/s";

    private const int Dimension = 64;
    private const int Latent = 128;
    private static readonly int[] Hidden = { 256, 256 };

    private sealed class Row
    {
        [VectorType(Dimension)]
        public float[] Features { get; set; } = Array.Empty<float>();
    }

    public static int Run(string[] args)
    {
        int steps = args.Length > 0 ? int.Parse(args[0]) : 300;
        int threads = args.Length > 1 ? int.Parse(args[1]) : 1;
        set_num_threads(threads);
        Console.WriteLine($"## mlp-gan ({steps} steps per measurement)\n");
        Console.WriteLine($"Machine: {MachineInfo.Describe()}");
        Console.WriteLine($"GEMM (1024², float32): {MachineInfo.GemmGflops():F1} GFLOP/s\n");
        Console.WriteLine("| batch | engine steps/s | bare loop steps/s | engine overhead |");
        Console.WriteLine("| ---: | ---: | ---: | ---: |");
        foreach (int batch in new[] { 64, 500 })
        {
            double engine = EngineStepsPerSecond(batch, steps, threads);
            double bare = BareStepsPerSecond(batch, steps);
            Console.WriteLine($"| {batch} | {engine:F1} | {bare:F1} | {100 * (1 - engine / bare):F1}% |");
        }
        return 0;
    }

    private static double EngineStepsPerSecond(int batch, int steps, int threads)
    {
        var mlContext = new MLContext(seed: 1);
        var random = new Random(1);
        var rows = Enumerable.Range(0, 20_000).Select(_ => new Row
        {
            Features = Enumerable.Range(0, Dimension).Select(_ => (float)random.NextDouble()).ToArray(),
        }).ToList();
        var data = mlContext.Data.LoadFromEnumerable(rows);
        var options = new VanillaGanOptions
        {
            MaxSteps = steps, BatchSize = batch, LatentDimension = Latent, GeneratorLayers = Hidden,
            DiscriminatorLayers = Hidden, Threads = threads,
        };
        using var model = mlContext.Gan().VanillaGan(options).Fit(data);
        var summary = model.TrainingSummary!;
        return summary.Steps / summary.Elapsed.TotalSeconds;
    }

    private static double BareStepsPerSecond(int batch, int steps)
    {
        manual_seed(1);
        using var data = rand(20_000, Dimension);
        using var generator = Mlp.Create(Latent, Dimension, new MlpOptions { HiddenLayers = Hidden });
        using var discriminator = Mlp.Create(Dimension, 1, new MlpOptions { HiddenLayers = Hidden, LeakyRelu = true });
        using var gOptimizer = optim.Adam(generator.parameters(), 2e-4, 0.5, 0.999);
        using var dOptimizer = optim.Adam(discriminator.parameters(), 2e-4, 0.5, 0.999);
        var clock = Stopwatch.StartNew();
        for (int step = 0; step < steps; step++)
        {
            using var scope = NewDisposeScope();
            dOptimizer.zero_grad();
            var real = data.index_select(0, randint(20_000, batch, dtype: ScalarType.Int64));
            var fake = generator.call(randn(batch, Latent)).detach();
            AdversarialLosses.Discriminator(AdversarialLoss.NonSaturating, discriminator.call(real), discriminator.call(fake)).backward();
            dOptimizer.step();
            gOptimizer.zero_grad();
            AdversarialLosses.Generator(AdversarialLoss.NonSaturating, discriminator.call(generator.call(randn(batch, Latent)))).backward();
            gOptimizer.step();
        }
        return steps / clock.Elapsed.TotalSeconds;
    }
}
