using Microsoft.ML.Gan.FashionData;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.ML.Gan.Images;
using Microsoft.ML.Gan.Images.Metrics;
using Microsoft.ML.Gan.Torch;

namespace Microsoft.ML.Gan.Benchmarks.Images;

/// <summary>
/// Image-to-image GANs. Quality: SRResNet (pixel pre-training only) and SRGAN (pre-training, then adversarial) at ×2 and
/// ×4 on Fashion-MNIST, PSNR/SSIM on a test subset against bicubic upsampling of the same low-resolution inputs.
/// Speed: training and inference images/s of pix2pix, SRGAN and CycleGAN at paper widths on 32×32 images.
/// Arguments: [pre-training steps = 600] [adversarial steps = 200] [training images = 5000] [test images = 2000] [threads = 1].
/// </summary>
internal static class ImageTranslationBenchmark
{
    public const string Description = "SRGAN ×2/×4 PSNR/SSIM vs bicubic on Fashion-MNIST; pix2pix/SRGAN/CycleGAN train and inference img/s";

    public static int Run(string[] args)
    {
        long pretraining = Argument(args, 0, 600);
        long adversarial = Argument(args, 1, 200);
        int trainImages = (int)Argument(args, 2, 5000);
        int testImages = (int)Argument(args, 3, 2000);
        int threads = (int)Argument(args, 4, 1);
        TorchRuntime.SetThreads(threads);
        Console.WriteLine("## Image-to-image GANs: SRGAN quality, pix2pix / SRGAN / CycleGAN speed");
        Console.WriteLine();
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, " +
            $"CPU backend, torch threads {threads}, load average at start {Core.MachineInfo.LoadAverage()}; date {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC.");
        Console.WriteLine();
        var train = FashionMnist.Read(FashionMnistSplit.Train, trainImages);
        var test = FashionMnist.Read(FashionMnistSplit.Test, testImages);
        Console.WriteLine($"SRResNet: 4 residual blocks, 32 features, batch 16, Adam 1e-3 (β₁ 0.9), bicubic-antialiased downsampling; " +
            $"{pretraining} pixel-MSE steps; SRGAN adds {adversarial} adversarial steps (weight 1e-3, pixel content loss, VGG-style D with ndf 16). " +
            $"{trainImages} training and {testImages} test images (28×28).");
        Console.WriteLine();
        Console.WriteLine("| scale | model | PSNR (dB) | SSIM | bicubic PSNR (dB) | bicubic SSIM | fit time |");
        Console.WriteLine("| ---: | --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (int scale in new[] { 2, 4 })
        {
            var lowRes = ImageResampling.Downsample(test, scale);
            var bicubic = ImageResampling.UpsampleBicubic(lowRes, scale);
            double bicubicPsnr = ImageQuality.Psnr(test, bicubic), bicubicSsim = ImageQuality.Ssim(test, bicubic);
            foreach (bool gan in new[] { false, true })
            {
                var options = new SuperResolutionOptions
                {
                    Scale = scale, ResidualBlocks = 4, GeneratorFeatures = 32, DiscriminatorFeatures = 16, BatchSize = 16,
                    PretrainingSteps = pretraining, Adversarial = gan, MaxSteps = adversarial, GeneratorLearningRate = 1e-3,
                    Threads = threads, Seed = 1,
                };
                using var model = new MLContext(seed: 1).Gan().Images.SuperResolution(options).Fit(train.ToDataView(new MLContext()));
                var upscaled = model.Translate(lowRes);
                Console.WriteLine($"| ×{scale} | {(gan ? "SRGAN" : "SRResNet")} | {ImageQuality.Psnr(test, upscaled):F2} | {ImageQuality.Ssim(test, upscaled):F3} | " +
                    $"{bicubicPsnr:F2} | {bicubicSsim:F3} | {model.TrainingSummary!.Elapsed.TotalSeconds:F0} s |");
            }
        }
        Console.WriteLine();
        Console.WriteLine("| family (32×32, paper widths) | batch | train img/s | inference img/s (Translate, 256 images) |");
        Console.WriteLine("| --- | ---: | ---: | ---: |");
        Speed("pix2pix (U-Net ngf 64, PatchGAN ndf 64, 3→3)", new Pix2PixOptions { InputChannels = 3, OutputChannels = 3 }, threads);
        Speed("SRGAN ×4 (SRResNet 16 blocks, 64 features; 8×8 → 32×32)", new SuperResolutionOptions { Scale = 4, OutputChannels = 3, InputChannels = 3, PretrainingSteps = 0 }, threads);
        Speed("CycleGAN (ResNet ngf 64, 6 blocks, two PatchGANs; A images/s)", new CycleGanOptions { InputChannels = 3, OutputChannels = 3, ResidualBlocks = 6 }, threads);
        Console.WriteLine();
        Console.WriteLine($"Load average at end: {Core.MachineInfo.LoadAverage()}.");
        return 0;
    }

    private static void Speed(string name, ImageTranslationOptions options, int threads)
    {
        const int batch = 8, steps = 6, inferenceImages = 256;
        options.Height = options.Width = 32;
        options.BatchSize = batch;
        options.Threads = threads;
        options.Seed = 1;
        var mlContext = new MLContext(seed: 1);
        var random = new Random(1);
        var input = Random(random, options.InputShape, 64);
        var target = Random(random, options.OutputShape, 64);
        var columns = Data(mlContext, input, options.InputColumnName, target, options.TargetColumnName);
        options.MaxSteps = 1;
        mlContext.Gan().Images.ImageTranslation(options).Fit(columns).Dispose(); // warm-up
        options.MaxSteps = steps;
        using var model = mlContext.Gan().Images.ImageTranslation(options).Fit(columns);
        double training = steps * batch / model.TrainingSummary!.Elapsed.TotalSeconds;
        var many = Random(random, options.InputShape, inferenceImages);
        model.Translate(Random(random, options.InputShape, 8));
        var watch = Stopwatch.StartNew();
        model.Translate(many);
        double inference = inferenceImages / watch.Elapsed.TotalSeconds;
        Console.WriteLine($"| {name} | {batch} | {training:F1} | {inference:F1} |");
    }

    private static IDataView Data(MLContext mlContext, ImageSet input, string inputName, ImageSet target, string targetName)
    {
        var rows = Enumerable.Range(0, input.Count).Select(i => new Pair
        {
            Input = input.Pixels.AsSpan(i * input.Shape.Length, input.Shape.Length).ToArray(),
            Target = target.Pixels.AsSpan(i * target.Shape.Length, target.Shape.Length).ToArray(),
        });
        var definition = Microsoft.ML.Data.SchemaDefinition.Create(typeof(Pair));
        definition[nameof(Pair.Input)].ColumnType = new Microsoft.ML.Data.VectorDataViewType(Microsoft.ML.Data.NumberDataViewType.Single, input.Shape.Length);
        definition[nameof(Pair.Input)].ColumnName = inputName;
        definition[nameof(Pair.Target)].ColumnType = new Microsoft.ML.Data.VectorDataViewType(Microsoft.ML.Data.NumberDataViewType.Single, target.Shape.Length);
        definition[nameof(Pair.Target)].ColumnName = targetName;
        return mlContext.Data.LoadFromEnumerable(rows, definition);
    }

    private static ImageSet Random(Random random, ImageShape shape, int count)
    {
        var pixels = new float[count * shape.Length];
        for (int i = 0; i < pixels.Length; i++)
            pixels[i] = (float)random.NextDouble();
        return new ImageSet(shape, pixels);
    }

    private static long Argument(string[] args, int index, long fallback) =>
        args.Length > index ? long.Parse(args[index], CultureInfo.InvariantCulture) : fallback;

    private sealed class Pair
    {
        public float[] Input { get; set; } = [];

        public float[] Target { get; set; } = [];
    }
}
