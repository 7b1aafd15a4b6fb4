using Microsoft.ML.Gan.FashionData;
using System.Diagnostics;
using System.Globalization;
using Microsoft.ML.Data;
using Microsoft.ML.Gan.Images;
using Microsoft.ML.Gan.Images.Metrics;
using Microsoft.ML.Gan.Images.StyleGan;
using Microsoft.ML.Gan.Images.TextToImage;
using Microsoft.ML.Gan.Training;
using Microsoft.ML.Transforms.Text;

namespace Microsoft.ML.Gan.Benchmarks.Images;

/// <summary>
/// StyleGAN-small vs DCGAN on Fashion-MNIST at the same wall-clock training budget (each model's step time is measured
/// on a short run first and its step count set to fill the budget): domain FD, KID, precision/recall, training and
/// generation images/s. Then text-to-image (GAN-INT-CLS): accuracy of the domain classifier on images generated from
/// held-out captions of the test set. Arguments: [budget seconds per model = 120] [threads = 1]
/// [training images = 10000] [text-to-image steps = 1500].
/// </summary>
internal static class StyleGanBenchmark
{
    public const string Description = "StyleGAN-small vs DCGAN on Fashion-MNIST at equal wall-clock (domain FD, P/R, img/s); text-to-image class accuracy";

    private const int Generated = 5000;

    public static int Run(string[] args)
    {
        double budget = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 120;
        int threads = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1;
        int trainImages = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10000;
        long textSteps = args.Length > 3 ? long.Parse(args[3], CultureInfo.InvariantCulture) : 1500;
        var train = FashionMnist.Read(FashionMnistSplit.Train, trainImages);
        var test = FashionMnist.Read(FashionMnistSplit.Test);
        Console.WriteLine("## StyleGAN-small vs DCGAN, and text-to-image, on Fashion-MNIST");
        Console.WriteLine();
        Microsoft.ML.Gan.Torch.TorchRuntime.SetThreads(threads);
        Console.WriteLine($"Machine: {Core.MachineInfo.Describe()} (at start). {train.Count} training images, {Generated} generated images " +
            $"vs the {test.Count} test images.");
        Console.WriteLine();
        using var evaluator = new ImageGanEvaluator(train, test, new DomainClassifierOptions { Threads = threads, Seed = 1 });
        Console.WriteLine($"| model (budget {budget:F0} s each) | steps | train s | train img/s | generate img/s | domain FD | KID | precision | recall |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        var data = train.ToDataView(new MLContext(seed: 1));
        Compare("DCGAN (ngf = ndf = 32, z 100, batch 64)", 64, budget, evaluator,
            (steps, progress) => new MLContext(seed: 1).Gan().Images.Dcgan(new ImageGanOptions
            {
                GeneratorFeatures = 32, DiscriminatorFeatures = 32, MaxSteps = steps, Threads = threads, Seed = 1,
                Progress = progress, ProgressInterval = 10,
            }).Fit(data));
        Compare("StyleGAN-small (z = w 64, 8 mapping layers, ≤ 32 maps, batch 16, R1 γ 1 every 16, mixing 0.9, no EMA)", 16, budget, evaluator,
            (steps, progress) => new MLContext(seed: 1).Gan().Images.StyleGan(new StyleGanOptions
            {
                LatentDimension = 64, StyleDimension = 64, ChannelBase = 512, MaxChannels = 32, BatchSize = 16, PenaltyWeight = 1,
                GeneratorEmaDecay = null, MaxSteps = steps, Threads = threads, Seed = 1, Progress = progress, ProgressInterval = 10,
            }).Fit(data));
        Console.WriteLine();
        TextToImage(train, test, evaluator, textSteps, threads);
        Console.WriteLine($"Load average at end: {Core.MachineInfo.LoadAverage()}.");
        return 0;
    }

    private static void Compare(string name, int batchSize, double budget, ImageGanEvaluator evaluator,
        Func<long, IProgress<GanProgress>?, ImageGanTransformerBase> fit)
    {
        // Step time from a probe run, excluding its first 10 steps (warm-up): reports every 10 steps carry the elapsed time.
        const long Probe = 40;
        var elapsed = new List<double>();
        using (fit(Probe, new SynchronousProgress(p => elapsed.Add(p.Elapsed.TotalSeconds))))
        {
        }
        double stepSeconds = (elapsed[^1] - elapsed[0]) / (Probe - 10);
        long steps = Math.Max(Probe, (long)(budget / stepSeconds));
        using var model = fit(steps, null);
        var summary = model.TrainingSummary!;
        var watch = Stopwatch.StartNew();
        var images = model switch
        {
            StyleGanTransformer style => style.GenerateSet(Generated, seed: 3),
            ImageGanTransformer dcgan => dcgan.GenerateSet(Generated, seed: 3),
            _ => throw new ArgumentException($"{model.GetType().Name} does not sample unconditioned images.", nameof(fit)),
        };
        double generateRate = Generated / watch.Elapsed.TotalSeconds;
        var result = evaluator.Evaluate(images);
        double trainRate = steps * batchSize / summary.Elapsed.TotalSeconds;
        Console.WriteLine($"| {name} | {steps} | {summary.Elapsed.TotalSeconds:F0} | {trainRate:F0} | {generateRate:F0} | {result.FrechetDistance:F2} | " +
            $"{result.KernelDistance:F2} | {result.Precision:F2} | {result.Recall:F2} |");
    }

    /// <summary>Reports on the caller's thread (Progress&lt;T&gt; would post them to the thread pool, too late to read).</summary>
    private sealed class SynchronousProgress(Action<GanProgress> report) : IProgress<GanProgress>
    {
        public void Report(GanProgress value) => report(value);
    }

    private static void TextToImage(ImageSet train, ImageSet test, ImageGanEvaluator evaluator, long steps, int threads)
    {
        var mlContext = new MLContext(seed: 1);
        var captions = FashionCaptions.Describe(train, FashionCaptionTemplates.Training, seed: 1);
        var data = mlContext.Data.LoadFromEnumerable(Rows(train, captions), Schema(train));
        var featurize = mlContext.Transforms.Text.FeaturizeText("Features", new TextFeaturizingEstimator.Options
        {
            WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 1 },
            CharFeatureExtractor = null,
            KeepPunctuations = false,
        }, "Caption");
        var watch = Stopwatch.StartNew();
        var pipeline = featurize.Append(mlContext.Gan().Images.TextToImage(new TextToImageOptions
        {
            ProjectionDimension = 32, GeneratorFeatures = 32, DiscriminatorFeatures = 32, LatentDimension = 32, BatchSize = 32,
            GeneratorLearningRate = 5e-4, DiscriminatorLearningRate = 5e-4, MaxSteps = steps, Threads = threads, Seed = 1,
        })).Fit(data);
        double trainSeconds = watch.Elapsed.TotalSeconds;
        Console.WriteLine($"Text-to-image (GAN-INT-CLS: FeaturizeText word unigrams → projection 32, DCGAN ngf = ndf = 32, z 32, batch 32, " +
            $"Adam 5e-4, matching-aware D, interpolation β 0.5): {steps} steps in {trainSeconds:F0} s on captions such as '{captions[0]}'. " +
            "Generated from one caption per test image; accuracy = how often the real-trained domain classifier names the captioned class.");
        Console.WriteLine();
        Console.WriteLine("| captions | example | generated images recognised as the captioned class |");
        Console.WriteLine("| --- | --- | ---: |");
        foreach (var templates in new[] { FashionCaptionTemplates.Training, FashionCaptionTemplates.HeldOut })
        {
            var asked = FashionCaptions.Describe(test, templates, seed: 2);
            var view = pipeline.Transform(mlContext.Data.LoadFromEnumerable(asked.Select(c => new Request { Caption = c })));
            var pixels = view.GetColumn<float[]>("Generated").SelectMany(v => v).Select(v => Math.Clamp(v, 0f, 1f)).ToArray();
            double accuracy = evaluator.Classifier.Accuracy(new ImageSet(test.Shape, pixels, test.Labels, 10));
            Console.WriteLine($"| {templates} sentence patterns, test images' classes and attributes | '{asked[0]}' | {accuracy:P1} |");
        }
        Console.WriteLine($"| (domain classifier on the real test images) | | {evaluator.ClassifierAccuracy:P1} |");
        Console.WriteLine();
    }

    private static IEnumerable<Captioned> Rows(ImageSet set, string[] captions) =>
        Enumerable.Range(0, set.Count).Select(i => new Captioned
        {
            Image = set.Pixels.AsSpan(i * set.Shape.Length, set.Shape.Length).ToArray(),
            Caption = captions[i],
        });

    private static SchemaDefinition Schema(ImageSet set)
    {
        var schema = SchemaDefinition.Create(typeof(Captioned));
        schema[nameof(Captioned.Image)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, set.Shape.Length);
        return schema;
    }

    private sealed class Captioned
    {
        public float[] Image { get; set; } = [];

        public string Caption { get; set; } = "";
    }

    private sealed class Request
    {
        public string Caption { get; set; } = "";
    }
}
