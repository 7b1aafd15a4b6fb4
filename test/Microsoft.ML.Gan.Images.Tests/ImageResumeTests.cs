using Microsoft.ML.Gan.Images.StyleGan;
using Microsoft.ML.Gan.Training;

namespace Microsoft.ML.Gan.Images.Tests;

/// <summary>
/// Exact resume on the CPU: a fit stopped at a checkpoint and resumed gives bit for bit the model of an uninterrupted
/// fit (weights, optimizer state, EMA, step and torch's CPU generator are in the checkpoint).
/// </summary>
[TestClass]
public sealed class ImageResumeTests
{
    private static readonly ImageShape Shape = new(1, 8, 8);

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void DcganResumedFromACheckpointMatchesAnUninterruptedRun()
    {
        // Conditional, with EMA and DiffAugment: labels, the EMA copy and the augmentation's random draws all resume.
        static ConditionalGanOptions Options(long steps)
        {
            var options = TestImages.Small<ConditionalGanOptions>(Shape, steps);
            options.GeneratorEmaDecay = 0.9;
            options.DiffAugment = DiffAugmentPolicy.All;
            return options;
        }
        var images = TestImages.Noise(Shape, 32, classes: 3);
        AssertResumeIsExact(Options, options =>
        {
            var mlContext = new MLContext(seed: 1);
            using var model = mlContext.Gan().Images.ConditionalGan((ConditionalGanOptions)options).Fit(images.ToDataView(mlContext));
            return (model.TrainingSummary!.Steps, [.. model.Generate(4, label: 1, seed: 5), .. model.Generate(4, seed: 6)]);
        });
    }

    [TestMethod]
    public void StyleGanResumedFromACheckpointMatchesAnUninterruptedRun()
    {
        // Style mixing, per-layer noise and lazy R1 (every 2 D steps) all draw from torch's generator or the step count.
        static StyleGanOptions Options(long steps)
        {
            var options = StyleGanGenerationTests.Tiny(Shape, steps);
            options.GeneratorEmaDecay = 0.9;
            return options;
        }
        var images = TestImages.Noise(Shape, 16);
        AssertResumeIsExact(Options, options =>
        {
            var mlContext = new MLContext(seed: 1);
            using var model = mlContext.Gan().Images.StyleGan((StyleGanOptions)options).Fit(images.ToDataView(mlContext));
            return (model.TrainingSummary!.Steps, model.Generate(4, seed: 5));
        });
    }

    /// <summary>6 steps in one go against 3 steps, a checkpoint, and a resumed run to step 6.</summary>
    private void AssertResumeIsExact(Func<long, GanTrainingOptions> options, Func<GanTrainingOptions, (long Steps, float[] Images)> fit)
    {
        string checkpoint = Path.Combine(TestContext.TestRunDirectory ?? Path.GetTempPath(), $"{Guid.NewGuid():N}.ckpt");
        var (_, expected) = fit(options(6));

        var firstHalf = options(3);
        firstHalf.CheckpointPath = checkpoint;
        fit(firstHalf);
        Assert.IsTrue(File.Exists(checkpoint));

        var secondHalf = options(6);
        secondHalf.CheckpointPath = checkpoint;
        secondHalf.ResumeFromCheckpoint = true;
        var (steps, resumed) = fit(secondHalf);
        Assert.AreEqual(6, steps);
        CollectionAssert.AreEqual(expected, resumed, "the resumed model is bit for bit the uninterrupted one");
    }
}
