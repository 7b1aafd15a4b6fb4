using Microsoft.ML.Gan.FashionData;
using System.Diagnostics;
using Microsoft.ML.Gan.Images;
using Microsoft.ML.Gan.Images.Metrics;

namespace Microsoft.ML.Gan.Images.Tests;

[TestClass]
public sealed class SuperResolutionTests
{
    public TestContext TestContext { get; set; } = null!;

    private static SuperResolutionOptions Small(int scale, long pretraining, bool adversarial) => new()
    {
        Scale = scale,
        ResidualBlocks = 2,
        GeneratorFeatures = 16,
        DiscriminatorFeatures = 8,
        BatchSize = 16,
        PretrainingSteps = pretraining,
        Adversarial = adversarial,
        MaxSteps = 20,
        GeneratorLearningRate = 1e-3,
        Threads = 1,
        Seed = 5,
    };

    [TestMethod]
    public void PretrainedSrResNetBeatsBicubicOnFashionMnistTimesTwo()
    {
        var watch = Stopwatch.StartNew();
        var mlContext = new MLContext(seed: 1);
        var train = TestImages.Fashion(FashionMnistSplit.Train, 2000);
        var test = TestImages.Fashion(FashionMnistSplit.Test, 300);
        using var model = mlContext.Gan().Images.SuperResolution(Small(2, pretraining: 300, adversarial: false)).Fit(train.ToDataView(mlContext));

        var lowRes = ImageResampling.Downsample(test, 2);
        var upscaled = model.Translate(lowRes);
        var bicubic = ImageResampling.UpsampleBicubic(lowRes, 2);
        double modelPsnr = ImageQuality.Psnr(test, upscaled), bicubicPsnr = ImageQuality.Psnr(test, bicubic);
        double modelSsim = ImageQuality.Ssim(test, upscaled), bicubicSsim = ImageQuality.Ssim(test, bicubic);
        TestContext.WriteLine($"PSNR {modelPsnr:F2} dB vs bicubic {bicubicPsnr:F2} dB; SSIM {modelSsim:F3} vs {bicubicSsim:F3}; {watch.Elapsed.TotalSeconds:F1} s");
        Assert.IsGreaterThan(bicubicPsnr + 0.5, modelPsnr, "learned ×2 upscaling beats bicubic by at least 0.5 dB");
        Assert.IsGreaterThan(bicubicSsim, modelSsim);
    }

    [TestMethod]
    public void AdversarialPhaseRunsAndTiledUpscalingMatchesWholeImages()
    {
        var mlContext = new MLContext(seed: 1);
        var train = TestImages.Fashion(FashionMnistSplit.Train, 256);
        var options = Small(2, pretraining: 20, adversarial: true);
        options.CropSize = 16;
        var reports = new List<Microsoft.ML.Gan.Training.GanProgress>();
        options.Progress = new SynchronousProgress(reports.Add);
        options.ProgressInterval = 10;
        using var model = mlContext.Gan().Images.SuperResolution(options).Fit(train.ToDataView(mlContext));
        Assert.AreEqual(40, model.TrainingSummary!.Steps, "20 pre-training + 20 adversarial steps");
        CollectionAssert.AreEqual(new long[] { 10, 20, 10, 20 }, reports.Select(r => r.Step).ToArray(), "progress from both phases");
        Assert.IsTrue(double.IsNaN(reports[0].DiscriminatorLoss) && !double.IsNaN(reports[3].DiscriminatorLoss), "D trains in phase 2 only");
        Assert.AreEqual(new ImageShape(1, 14, 14), model.InputShape);

        // A 28×28 low-resolution image (56×56 out) is larger than the 14×14 the model reads: tiles of 14×14.
        var big = TestImages.Fashion(FashionMnistSplit.Test, 2);
        var tiled = model.TranslateTiled(big, overlap: 3);
        Assert.AreEqual(new ImageShape(1, 56, 56), tiled.Shape);
        Assert.AreEqual(2, tiled.Count);
        // A whole 14×14 image through the tiler is one tile: identical to Translate.
        var small = ImageResampling.Downsample(TestImages.Fashion(FashionMnistSplit.Test, 2), 2);
        var direct = model.Translate(small).Pixels;
        var oneTile = model.TranslateTiled(small).Pixels;
        for (int i = 0; i < direct.Length; i++)
            Assert.AreEqual(direct[i], oneTile[i], 1e-5f);
    }

    [TestMethod]
    public void ContentLossOnDomainClassifierFeaturesLeavesTheClassifierUnchanged()
    {
        var mlContext = new MLContext(seed: 1);
        var train = TestImages.Fashion(FashionMnistSplit.Train, 256);
        using var classifier = DomainClassifier.Train(train, new DomainClassifierOptions { Epochs = 1, Threads = 1, Seed = 1 });
        var before = classifier.Predict(train);
        var options = Small(2, pretraining: 5, adversarial: true);
        options.MaxSteps = 5;
        options.ContentClassifier = classifier;
        using var model = mlContext.Gan().Images.SuperResolution(options).Fit(train.ToDataView(mlContext));
        Assert.AreEqual(10, model.TrainingSummary!.Steps);
        CollectionAssert.AreEqual(before, classifier.Predict(train), "the feature network is frozen");
        var upscaled = model.Translate(ImageResampling.Downsample(train.Take(4), 2));
        Assert.IsTrue(upscaled.Pixels.All(float.IsFinite));
    }

    [TestMethod]
    public void ResumingFromAnAdversarialCheckpointSkipsPretraining()
    {
        var mlContext = new MLContext(seed: 1);
        var train = TestImages.Fashion(FashionMnistSplit.Train, 64).ToDataView(mlContext);
        var options = Small(2, pretraining: 3, adversarial: true);
        options.MaxSteps = 2;
        options.CheckpointPath = Path.Combine(TestContext.TestRunDirectory ?? Path.GetTempPath(), $"{Guid.NewGuid():N}-srgan.ckpt");
        using (var first = mlContext.Gan().Images.SuperResolution(options).Fit(train))
            Assert.AreEqual(5, first.TrainingSummary!.Steps, "3 pre-training + 2 adversarial steps");
        options.MaxSteps = 4;
        options.ResumeFromCheckpoint = true;
        using var resumed = mlContext.Gan().Images.SuperResolution(options).Fit(train);
        Assert.AreEqual(4, resumed.TrainingSummary!.Steps, "no pre-training; the adversarial phase resumed at step 2");
    }

    [TestMethod]
    public void PsnrAndSsimFollowTheirDefinitions()
    {
        var shape = new ImageShape(1, 16, 16);
        var reference = new ImageSet(shape, Enumerable.Range(0, 256).Select(i => (i % 16) / 15f).ToArray());
        var shifted = new ImageSet(shape, reference.Pixels.Select(v => v + 0.1f).ToArray());
        Assert.AreEqual(20.0, ImageQuality.Psnr(reference, shifted), 1e-4, "MSE 0.01 → 20 dB");
        Assert.AreEqual(1.0, ImageQuality.Ssim(reference, reference), 1e-9);
        // A constant shift changes only the luminance term: l = (2μxμy + C1) / (μx² + μy² + C1) per window.
        double ssim = ImageQuality.Ssim(reference, shifted);
        Assert.IsLessThan(1.0, ssim);
        Assert.IsGreaterThan(0.9, ssim);
        var noise = TestImages.Noise(shape, 1);
        Assert.IsLessThan(0.2, ImageQuality.Ssim(reference, new ImageSet(shape, noise.Pixels)), "unrelated noise is structurally dissimilar");
    }

    /// <summary>Reports on the caller's thread (Progress&lt;T&gt; posts to the thread pool).</summary>
    private sealed class SynchronousProgress(Action<Microsoft.ML.Gan.Training.GanProgress> report) : IProgress<Microsoft.ML.Gan.Training.GanProgress>
    {
        public void Report(Microsoft.ML.Gan.Training.GanProgress value) => report(value);
    }
}
