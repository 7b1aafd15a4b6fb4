using Microsoft.ML.Gan.FashionData;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.ML.Gan.Images;
using Microsoft.ML.Gan.Images.Metrics;
using Microsoft.ML.Gan.Images.Networks;
using Microsoft.ML.Gan.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Benchmarks.Images;

/// <summary>
/// DCGAN-32 (3×32×32, ngf = ndf = 64, z = 100) throughput at batch 64 and 256: training images/s through the engine
/// beside a "conv ceiling" (the same networks and non-saturating loss in a bare loop: no engine, no guards), and
/// inference images/s through <see cref="ImageGanTransformer.Generate"/> beside bare generator forwards. Then quality
/// after a fixed budget: a conditional DCGAN on Fashion-MNIST, domain FD/KID/precision/recall and CAS vs the
/// real-trained classifier. Arguments: [quality steps = 1000] [threads = 1] [training images = 10000] [grid PNG path].
/// </summary>
internal static class DcganBenchmark
{
    public const string Description = "DCGAN-32 train/inference img/s vs conv ceiling; conditional DCGAN quality (domain FD, CAS) on Fashion-MNIST";

    private static readonly ImageShape Shape = new(3, 32, 32);

    public static int Run(string[] args)
    {
        long qualitySteps = args.Length > 0 ? long.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
        int threads = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1;
        int trainImages = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10000;
        string? gridPath = args.Length > 3 ? args[3] : null;
        TorchRuntime.SetThreads(threads);
        Console.WriteLine("## Image GANs: DCGAN-32 speed and conditional DCGAN quality");
        Console.WriteLine();
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, " +
            $"CPU backend, torch threads {threads}, load average at start {Core.MachineInfo.LoadAverage()}; date {DateTime.UtcNow:yyyy-MM-dd}.");
        Console.WriteLine();
        Console.WriteLine("| batch | train img/s (engine) | train img/s (conv ceiling) | engine / ceiling | inference img/s (Generate) | inference img/s (bare G) |");
        Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (int batch in new[] { 64, 256 })
            Speed(batch, threads);
        Console.WriteLine();
        Quality(qualitySteps, threads, trainImages, gridPath);
        Console.WriteLine($"Load average at end: {Core.MachineInfo.LoadAverage()}.");
        return 0;
    }

    private static void Speed(int batch, int threads)
    {
        int steps = batch == 64 ? 12 : 4;
        var mlContext = new MLContext(seed: 1);
        var random = new Random(1);
        var pixels = new float[batch * 4 * Shape.Length];
        for (int i = 0; i < pixels.Length; i++)
            pixels[i] = (float)random.NextDouble();
        var data = new ImageSet(Shape, pixels).ToDataView(mlContext);
        var options = new ImageGanOptions { Channels = 3, Height = 32, Width = 32, BatchSize = batch, MaxSteps = 1, Threads = threads, Seed = 1 };
        mlContext.Gan().Images.Dcgan(options).Fit(data).Dispose(); // warm-up
        options.MaxSteps = steps;
        using var model = mlContext.Gan().Images.Dcgan(options).Fit(data);
        double engine = steps * batch / model.TrainingSummary!.Elapsed.TotalSeconds;
        double ceiling = BareTrainingRate(batch, steps);

        model.Generate(batch);
        int generated = Math.Max(batch, 512);
        var watch = Stopwatch.StartNew();
        model.Generate(generated);
        double inference = generated / watch.Elapsed.TotalSeconds;
        double bare = BareInferenceRate(batch, generated);
        Console.WriteLine($"| {batch} | {engine:F0} | {ceiling:F0} | {engine / ceiling:P0} | {inference:F0} | {bare:F0} |");
    }

    private static double BareTrainingRate(int batch, int steps)
    {
        var spec = ImageNetworkSpec.From(new ImageGanOptions { Channels = 3, Height = 32, Width = 32 }, 0);
        TorchRuntime.Seed(1);
        using var generator = new DcganGenerator(spec);
        using var discriminator = new DcganDiscriminator(spec);
        using var gOptimizer = optim.Adam(generator.parameters(), 2e-4, 0.5, 0.999);
        using var dOptimizer = optim.Adam(discriminator.parameters(), 2e-4, 0.5, 0.999);
        using var real = rand(batch, 3, 32, 32) * 2 - 1;
        void Step()
        {
            using var scope = NewDisposeScope();
            var fake = generator.call(randn(batch, spec.LatentDimension));
            dOptimizer.zero_grad();
            var dLoss = nn.functional.softplus(-discriminator.Judge(real, null).Logits).mean()
                + nn.functional.softplus(discriminator.Judge(fake.detach(), null).Logits).mean();
            dLoss.backward();
            dOptimizer.step();
            gOptimizer.zero_grad();
            var gLoss = nn.functional.softplus(-discriminator.Judge(fake, null).Logits).mean();
            gLoss.backward();
            gOptimizer.step();
        }
        Step();
        var watch = Stopwatch.StartNew();
        for (int i = 0; i < steps; i++)
            Step();
        return steps * batch / watch.Elapsed.TotalSeconds;
    }

    private static double BareInferenceRate(int batch, int count)
    {
        var spec = ImageNetworkSpec.From(new ImageGanOptions { Channels = 3, Height = 32, Width = 32 }, 0);
        using var generator = new DcganGenerator(spec);
        generator.eval();
        using var noGrad = no_grad();
        using (generator.call(randn(batch, spec.LatentDimension))) { }
        var watch = Stopwatch.StartNew();
        for (int done = 0; done < count; done += batch)
        {
            using var scope = NewDisposeScope();
            generator.call(randn(batch, spec.LatentDimension));
        }
        return count / watch.Elapsed.TotalSeconds;
    }

    private static void Quality(long steps, int threads, int trainImages, string? gridPath)
    {
        var train = FashionMnist.Read(FashionMnistSplit.Train, trainImages);
        var test = FashionMnist.Read(FashionMnistSplit.Test);
        var mlContext = new MLContext(seed: 1);
        var options = new ConditionalGanOptions { GeneratorFeatures = 32, DiscriminatorFeatures = 32, MaxSteps = steps, Threads = threads, Seed = 1 };
        var watch = Stopwatch.StartNew();
        using var model = mlContext.Gan().Images.ConditionalGan(options).Fit(train.ToDataView(mlContext));
        double trainSeconds = watch.Elapsed.TotalSeconds;
        if (gridPath is not null)
            model.SaveGrid(gridPath, rows: 10, columns: 10, seed: 7); // row r: class r
        watch.Restart();
        using var evaluator = new ImageGanEvaluator(train, test, new DomainClassifierOptions { Threads = threads, Seed = 1 });
        var result = evaluator.Evaluate(model, 10000);
        double evalSeconds = watch.Elapsed.TotalSeconds;
        Console.WriteLine($"Conditional DCGAN (label concat, ngf = ndf = 32, z = 100, batch 64) on {train.Count} Fashion-MNIST training images, " +
            $"{steps} steps ({steps * 64.0 / train.Count:F1} epochs) in {trainSeconds:F0} s; 10,000 generated images (1,000 per class) vs the 10,000 test images; " +
            $"evaluation {evalSeconds:F0} s.");
        Console.WriteLine();
        Console.WriteLine("| metric | value |");
        Console.WriteLine("| --- | ---: |");
        Console.WriteLine($"| domain classifier accuracy (LeNet-like, trained on the real training images, 3 epochs) | {result.ClassifierAccuracy:P1} |");
        Console.WriteLine($"| generated images classified as their asked class | {result.GeneratedLabelAccuracy:P1} |");
        Console.WriteLine($"| CAS (classifier trained on generated, tested on real) | {result.ClassificationAccuracyScore:P1} ({result.RelativeClassificationAccuracyScore:P0} of real-trained) |");
        Console.WriteLine($"| domain-feature Fréchet distance (not Inception FID) | {result.FrechetDistance:F2} |");
        Console.WriteLine($"| domain-feature KID (×1000) | {result.KernelDistance * 1000:F1} ± {result.KernelDistanceStandardDeviation * 1000:F1} |");
        Console.WriteLine($"| precision / recall (k = 3) | {result.Precision:F2} / {result.Recall:F2} |");
        Console.WriteLine();
    }

}
