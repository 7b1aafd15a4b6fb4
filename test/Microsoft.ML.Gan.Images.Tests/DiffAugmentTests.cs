using Microsoft.ML.Gan.Images;
using Microsoft.ML.Gan.Images.Training;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Images.Tests;

[TestClass]
public sealed class DiffAugmentTests
{
    [TestMethod]
    public void TranslationMovesEachImageByAtMostAnEighthOfItsSize()
    {
        random.manual_seed(1);
        using var scope = NewDisposeScope();
        var images = zeros(64, 1, 16, 16);
        images[.., 0, 8, 8] = tensor(1f);
        var moved = DiffAugment.Apply(images, DiffAugmentPolicy.Translation);
        var shifts = new HashSet<(long, long)>();
        for (int b = 0; b < 64; b++)
        {
            var image = moved[b, 0];
            Assert.AreEqual(1f, image.sum().item<float>(), 1e-6, $"image {b}: the bright pixel stays inside and whole");
            long at = image.flatten().argmax().item<long>();
            long dy = at / 16 - 8, dx = at % 16 - 8;
            Assert.IsTrue(Math.Abs(dy) <= 2 && Math.Abs(dx) <= 2, $"image {b}: shift ({dy}, {dx}) exceeds 16/8 = 2");
            shifts.Add((dy, dx));
        }
        Assert.IsGreaterThan(10, shifts.Count, "shifts are drawn per image");
    }

    [TestMethod]
    public void CutoutZeroesOneHalfSizeSquareAndKeepsTheRest()
    {
        random.manual_seed(2);
        using var scope = NewDisposeScope();
        var images = ones(32, 3, 16, 16);
        var cut = DiffAugment.Apply(images, DiffAugmentPolicy.Cutout);
        for (int b = 0; b < 32; b++)
        {
            var zeroRows = (cut[b, 0] == 0).any(1).sum().item<long>();
            var zeroColumns = (cut[b, 0] == 0).any(0).sum().item<long>();
            long zeros = (cut[b, 0] == 0).sum().item<long>();
            Assert.IsTrue(zeroRows <= 8 && zeroColumns <= 8 && zeros == zeroRows * zeroColumns, $"image {b}: a rectangle of at most 8×8");
            Assert.IsTrue(zeros >= 16, $"image {b}: at least a quarter of the square is inside the image");
            Assert.IsTrue(cut[b].eq(cut[b, 0].unsqueeze(0)).all().item<bool>(), "every channel is cut alike");
        }
    }

    [TestMethod]
    public void AugmentationIsDifferentiableAndSeeded()
    {
        using var scope = NewDisposeScope();
        random.manual_seed(3);
        var images = (rand(8, 3, 16, 16) * 2 - 1).requires_grad_(true);
        var augmented = DiffAugment.Apply(images, DiffAugmentPolicy.All);
        augmented.sum().backward();
        Assert.IsTrue(images.grad!.abs().sum().item<float>() > 0, "gradients reach the input");
        Assert.IsFalse(augmented.equal(images).all().item<bool>());

        random.manual_seed(3);
        var again = (rand(8, 3, 16, 16) * 2 - 1);
        CollectionAssert.AreEqual(augmented.detach().data<float>().ToArray(), DiffAugment.Apply(again, DiffAugmentPolicy.All).data<float>().ToArray());
        Assert.AreSame(images, DiffAugment.Apply(images, DiffAugmentPolicy.None));
    }

    [TestMethod]
    public void TrainingWithDiffAugmentRunsAndRejectsUnknownFlags()
    {
        var mlContext = new MLContext(seed: 5);
        var shape = new ImageShape(1, 28, 28);
        var data = TestImages.Noise(shape, 64, classes: 4).ToDataView(mlContext);
        var options = TestImages.Small<AcGanOptions>(shape, steps: 3);
        options.DiffAugment = DiffAugmentPolicy.All;
        using var model = mlContext.Gan().Images.AcGan(options).Fit(data);
        Assert.AreEqual(3L, model.TrainingSummary!.Steps);
        Assert.AreEqual(0L, model.TrainingSummary.SkippedSteps);
        Assert.IsTrue(model.Generate(4).All(float.IsFinite));

        options.DiffAugment = (DiffAugmentPolicy)8;
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => mlContext.Gan().Images.AcGan(options).Fit(data)).Message, "DiffAugment");
    }
}
