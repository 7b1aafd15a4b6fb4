using Microsoft.ML.Data;
using Microsoft.ML.Gan.Images;

namespace Microsoft.ML.Gan.Images.Tests;

[TestClass]
public sealed class ImageGanInputTests
{
    public TestContext TestContext { get; set; } = null!;

    private static readonly ImageShape Mnist = new(1, 28, 28);

    [TestMethod]
    public void WrongVectorLengthNamesTheColumnAndTheShape()
    {
        var mlContext = new MLContext(seed: 1);
        var data = TestImages.Noise(new ImageShape(1, 32, 32), 16).ToDataView(mlContext);
        var estimator = mlContext.Gan().Images.Dcgan(TestImages.Small<ImageGanOptions>(Mnist));
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => estimator.Fit(data));
        StringAssert.Contains(error.Message, "'Image'");
        StringAssert.Contains(error.Message, "1024");
        StringAssert.Contains(error.Message, "1×28×28");
    }

    [TestMethod]
    [DataRow(7, 7)]
    [DataRow(9, 12)]
    [DataRow(28, 6)]
    public void UnsupportedSizesAreRejectedWithTheRule(int height, int width)
    {
        var options = new ImageGanOptions { Height = height, Width = width };
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new MLContext().Gan().Images.Dcgan(options));
        Assert.AreEqual("Height", error.ParamName);
        StringAssert.Contains(error.Message, "even and at least 8");
    }

    [TestMethod]
    public void LabelOutOfRangeAndMissingLabelColumnAreNamed()
    {
        var mlContext = new MLContext(seed: 1);
        var rows = Enumerable.Range(0, 16).Select(i => new IntLabelRow { Image = new float[Mnist.Length], Label = i == 7 ? 5 : i % 3 }).ToArray();
        var definition = SchemaDefinition.Create(typeof(IntLabelRow));
        definition[nameof(IntLabelRow.Image)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, Mnist.Length);
        var data = mlContext.Data.LoadFromEnumerable(rows, definition);
        var options = TestImages.Small<ConditionalGanOptions>(Mnist);
        options.ClassCount = 3;
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => mlContext.Gan().Images.ConditionalGan(options).Fit(data));
        StringAssert.Contains(error.Message, "'Label' (LabelColumnName) has label 5 in row 7");

        var missing = TestImages.Small<ConditionalGanOptions>(Mnist);
        missing.LabelColumnName = "Class";
        error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => mlContext.Gan().Images.ConditionalGan(missing).Fit(data));
        StringAssert.Contains(error.Message, "'Class' (LabelColumnName) is not in the input");

        var noLabel = new ImageGanOptions { Conditioning = ImageConditioning.AuxiliaryClassifier };
        Assert.AreEqual("LabelColumnName", Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => mlContext.Gan().Images.Dcgan(noLabel)).ParamName);
    }

    [TestMethod]
    public void EmptyDataAndOversizedBatchesFailClearly()
    {
        var mlContext = new MLContext(seed: 1);
        var empty = new ImageSet(Mnist, []).ToDataView(mlContext);
        var error = Assert.ThrowsExactly<ArgumentException>(() => mlContext.Gan().Images.Dcgan(TestImages.Small<ImageGanOptions>(Mnist)).Fit(empty));
        StringAssert.Contains(error.Message, "no rows");

        var few = TestImages.Noise(Mnist, 8).ToDataView(mlContext);
        var batch = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => mlContext.Gan().Images.Dcgan(TestImages.Small<ImageGanOptions>(Mnist)).Fit(few));
        Assert.AreEqual("BatchSize", batch.ParamName);

        var gpWithBatchNorm = new ImageWganGpOptions { DiscriminatorNormalization = DiscriminatorNormalization.BatchNorm };
        Assert.AreEqual("DiscriminatorNormalization", Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => mlContext.Gan().Images.WganGp(gpWithBatchNorm)).ParamName);
    }

    [TestMethod]
    public void FolderOfImagesTrainsThroughImageAnalytics()
    {
        string folder = Path.Combine(TestContext.TestRunDirectory ?? Path.GetTempPath(), Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var shape = new ImageShape(3, 32, 32);
        var set = TestImages.Noise(new ImageShape(3, 40, 36), 16);
        var files = new List<ImageFile>();
        for (int i = 0; i < set.Count; i++)
        {
            using var image = ImageGrid.ToMLImage(set.Pixels.AsSpan(i * set.Shape.Length, set.Shape.Length), set.Shape);
            string path = Path.Combine(folder, $"{i}.png");
            image.Save(path);
            files.Add(new ImageFile { Path = path });
        }
        var mlContext = new MLContext(seed: 1);
        var data = mlContext.Data.LoadFromEnumerable(files);
        var pipeline = mlContext.Transforms.LoadImages("Image", null, nameof(ImageFile.Path))
            .Append(mlContext.Transforms.ResizeImages("Image", 32, 32))
            .Append(mlContext.Gan().Images.Dcgan(TestImages.Small<ImageGanOptions>(shape)));
        var model = pipeline.Fit(data);
        var generated = model.Transform(data);
        Assert.AreEqual(new VectorDataViewType(NumberDataViewType.Single, shape.Length), generated.Schema["Generated"].Type);

        var wrongSize = mlContext.Transforms.LoadImages("Image", null, nameof(ImageFile.Path)).Fit(data).Transform(data);
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => mlContext.Gan().Images.Dcgan(TestImages.Small<ImageGanOptions>(shape)).Fit(wrongSize));
        StringAssert.Contains(error.Message, "36×40 image but Width×Height is 32×32");
    }

    private sealed class IntLabelRow
    {
        public float[] Image { get; set; } = [];

        public int Label { get; set; }
    }

    private sealed class ImageFile
    {
        public string Path { get; set; } = "";
    }
}
