using Microsoft.ML.Gan.FashionData;
using Microsoft.ML.Data;
using Microsoft.ML.Gan.Images.Augmentation;
using Microsoft.ML.Gan.Images.Data;

namespace Microsoft.ML.Gan.Images.Tests;

[TestClass]
public sealed class ImageAugmentationTests
{
    [TestMethod]
    public void ACganBalancesImageClassesForAMulticlassTrainer()
    {
        var mlContext = new MLContext(seed: 1);
        var train = ImageSetDataView.Create(mlContext, Imbalanced(TestImages.Fashion(FashionMnistSplit.Train, 600)), "Image", "Label");
        var test = ImageSetDataView.Create(mlContext, TestImages.Fashion(FashionMnistSplit.Test, 50), "Image", "Label");
        var trainer = mlContext.MulticlassClassification.Trainers.LbfgsMaximumEntropy(featureColumnName: "Image");
        var cgan = TestImages.Small<ConditionalGanOptions>(FashionMnist.Shape, steps: 3);

        var augmentation = mlContext.Gan().Augment(trainer, cgan);
        var model = augmentation.Fit(train);

        var summary = augmentation.LastSummary!;
        long majority = summary.Classes.Max(c => c.RealRows);
        Assert.AreEqual(3, summary.Classes.Count, "only the classes present in training");
        Assert.IsTrue(summary.Classes.All(c => c.TotalRows == majority), string.Join(", ", summary.Classes.Select(c => $"{c.Label}: {c.RealRows} + {c.SyntheticRows}")));
        Assert.AreEqual(trainer.Fit(train).GetType(), model.GetType());
        Assert.AreEqual(50, model.Transform(test).GetColumn<uint>("PredictedLabel").Count());
        var synthetic = mlContext.Data.SkipRows(summary.TrainingData, summary.RealRows);
        Assert.IsTrue(synthetic.GetColumn<float[]>("Image").All(p => p.Length == 784 && p.All(v => v is >= 0 and <= 1)),
            "synthetic rows are 28×28 pixel vectors in the training range");
    }

    [TestMethod]
    public void ImageAugmentationNeedsAConditionalGanAndAKeyLabel()
    {
        var mlContext = new MLContext(seed: 1);
        var e = Assert.ThrowsExactly<ArgumentException>(() => new ImageGanSynthesizerFactory(mlContext, TestImages.Small<ImageGanOptions>(FashionMnist.Shape)));
        StringAssert.Contains(e.Message, "conditional");
        var factory = new ImageGanSynthesizerFactory(mlContext, TestImages.Small<ConditionalGanOptions>(FashionMnist.Shape));
        var numericLabel = mlContext.Data.LoadFromEnumerable(Enumerable.Range(0, 20).Select(i => new NumericRow { Label = i % 2 }));
        e = Assert.ThrowsExactly<ArgumentException>(() => factory.Fit(numericLabel, "Label", labelIsCategorical: true));
        StringAssert.Contains(e.Message, "needs a key label");
    }

    private sealed class NumericRow
    {
        [VectorType(784)]
        public float[] Image { get; set; } = new float[784];

        public float Label { get; set; }
    }

    /// <summary>All images of class 0, ten of class 1, five of class 2 (keys 1, 2, 3 of 10).</summary>
    private static ImageSet Imbalanced(ImageSet all)
    {
        var keep = new List<int>();
        var quota = new Dictionary<int, int> { [0] = int.MaxValue, [1] = 10, [2] = 5 };
        for (int i = 0; i < all.Count; i++)
        {
            int label = all.Labels![i];
            if (quota.TryGetValue(label, out int left) && left > 0)
            {
                keep.Add(i);
                quota[label] = left - 1;
            }
        }
        int length = all.Shape.Length;
        var pixels = keep.SelectMany(i => all.Pixels.AsSpan(i * length, length).ToArray()).ToArray();
        return new ImageSet(all.Shape, pixels, [.. keep.Select(i => all.Labels![i])], all.ClassCount);
    }
}
