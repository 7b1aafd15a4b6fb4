using Microsoft.ML.Data;
using Microsoft.ML.Gan.Training;
using Microsoft.ML.Gan.Vectors;

namespace Microsoft.ML.Gan.Cli;

/// <summary>
/// `mlgan demo-ring`: trains WGAN-GP on the ring of 8 Gaussians (embedded, generated from a seed) and writes an SVG
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
        var output = new Option<FileInfo>("--out") { Description = "SVG file to write.", DefaultValueFactory = _ => new FileInfo("ring.svg") };
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

        string svg = ScatterPlot(real, generated, steps);
        Persistence.AtomicFile.Write(output, overwrite, stream => stream.Write(System.Text.Encoding.UTF8.GetBytes(svg)));
        Console.WriteLine($"Wrote {output}");
        return CliFailure.Ok;
    }

    /// <summary>Real and generated points on equal axes, as an SVG document.</summary>
    private static string ScatterPlot(List<float[]> real, List<float[]> generated, int steps)
    {
        var chart = new SvgChart(640, 640, left: 56, top: 34, right: 16, bottom: 46);
        double extent = real.Concat(generated).Max(p => Math.Max(Math.Abs(p[0]), Math.Abs(p[1]))) * 1.05;
        LinearScale x = chart.HorizontalScale(-extent, extent), y = chart.VerticalScale(-extent, extent);
        foreach (var (points, color) in new[] { (real, "#1f77b4"), (generated, "#ff7f0e") })
        {
            foreach (var p in points)
                chart.Circle(x.Map(p[0]), y.Map(p[1]), 1.6, color, 0.6);
        }
        chart.BottomAxis(x, "x");
        chart.LeftAxis(y, "y");
        chart.Legend(("real", "#1f77b4"), ("generated", "#ff7f0e"));
        chart.Title($"WGAN-GP on a ring of 8 Gaussians ({steps} steps)");
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + chart.ToSvg("Real and generated points") + "\n";
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
