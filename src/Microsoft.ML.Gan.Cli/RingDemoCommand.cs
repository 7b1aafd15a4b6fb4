using System.CommandLine;
using Microsoft.ML.Data;
using Microsoft.ML.Gan.Training;
using Microsoft.ML.Gan.Vectors;

namespace Microsoft.ML.Gan.Cli;

/// <summary>
/// `mlgan demo-ring`: trains WGAN-GP on the ring of 8 Gaussians (embedded, generated from a seed) and writes a PNG
/// scatter plot of real and generated points.
/// </summary>
internal static class RingDemoCommand
{
    private sealed class Point
    {
        [VectorType(2)]
        public float[] Features { get; set; } = Array.Empty<float>();
    }

    public static System.CommandLine.Command Create()
    {
        var output = new Option<FileInfo>("--out") { Description = "PNG file to write.", DefaultValueFactory = _ => new FileInfo("ring.png") };
        var steps = new Option<int>("--steps") { Description = "Generator steps.", DefaultValueFactory = _ => 2000 };
        var overwrite = CommonOptions.Overwrite();
        var command = new System.CommandLine.Command("demo-ring", "Train WGAN-GP on a ring of 8 Gaussians and plot real vs generated points.") { output, steps, overwrite };
        command.SetAction(result => CliFailure.Guard(result, cancellation =>
            Run(result.GetValue(output)!.FullName, result.GetValue(steps), result.GetValue(overwrite), cancellation)));
        return command;
    }

    private static int Run(string output, int steps, bool overwrite, CancellationToken cancellation)
    {
        if (steps < 1)
            throw new CliUsageException($"--steps must be at least 1, not {steps}.");
        OutputFiles.Check("--out", output, overwrite);
        var mlContext = new MLContext(seed: 1);
        var real = RingPoints(4000, seed: 7);
        var data = mlContext.Data.LoadFromEnumerable(real.Select(p => new Point { Features = p }).ToList());
        var options = new WganGpOptions
        {
            MaxSteps = steps, BatchSize = 128, PenaltyWeight = 0.1, GeneratorLearningRate = 5e-4, DiscriminatorLearningRate = 5e-4,
            GeneratorBeta1 = 0.5, DiscriminatorBeta1 = 0.5, GeneratorLayers = new[] { 128, 128, 128 },
            DiscriminatorLayers = new[] { 128, 128, 128 }, LatentDimension = 8, ProgressInterval = 200,
            Progress = new Progress<GanProgress>(p => Console.WriteLine(p)),
            CancellationToken = cancellation,
        };
        Console.WriteLine($"Training WGAN-GP for {steps} steps on 4,000 points of a ring of 8 Gaussians...");
        using var model = mlContext.Gan().WganGp(options).Fit(data);
        var generated = mlContext.Data.CreateEnumerable<GeneratedPoint>(model.Sample(2000, seed: 3), reuseRowObject: false)
            .Select(p => p.Generated).ToList();

        var plot = new ScottPlot.Plot();
        var realScatter = plot.Add.ScatterPoints(real.Select(p => (double)p[0]).ToArray(), real.Select(p => (double)p[1]).ToArray());
        realScatter.LegendText = "real";
        realScatter.MarkerSize = 3;
        var fakeScatter = plot.Add.ScatterPoints(generated.Select(p => (double)p[0]).ToArray(), generated.Select(p => (double)p[1]).ToArray());
        fakeScatter.LegendText = "generated";
        fakeScatter.MarkerSize = 3;
        plot.Title($"WGAN-GP on a ring of 8 Gaussians ({steps} steps)");
        plot.Axes.SquareUnits();
        plot.ShowLegend();
        byte[] png = plot.GetImageBytes(640, 640, ScottPlot.ImageFormat.Png);
        Persistence.AtomicFile.Write(output, overwrite, stream => stream.Write(png));
        Console.WriteLine($"Wrote {output}");
        return CliFailure.Ok;
    }

    private sealed class GeneratedPoint
    {
        public float[] Generated { get; set; } = Array.Empty<float>();
    }

    private static List<float[]> RingPoints(int count, int seed)
    {
        var random = new Random(seed);
        var points = new List<float[]>(count);
        for (int i = 0; i < count; i++)
        {
            double angle = 2 * Math.PI * random.Next(8) / 8;
            double r1 = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())), a1 = 2 * Math.PI * random.NextDouble();
            points.Add(new[] { (float)(2 * Math.Cos(angle) + 0.02 * r1 * Math.Cos(a1)), (float)(2 * Math.Sin(angle) + 0.02 * r1 * Math.Sin(a1)) });
        }
        return points;
    }
}
