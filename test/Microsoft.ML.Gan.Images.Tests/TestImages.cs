using Microsoft.ML.Gan.FashionData;
using Microsoft.ML.Gan.Images;

namespace Microsoft.ML.Gan.Images.Tests;

/// <summary>Small image sets for tests: random-noise images of any shape, and Fashion-MNIST subsets.</summary>
internal static class TestImages
{
    /// <summary>Images of uniform noise in [0, 1] with labels i mod classes.</summary>
    public static ImageSet Noise(ImageShape shape, int count, int classes = 3, int seed = 1)
    {
        var random = new Random(seed);
        var pixels = new float[count * shape.Length];
        for (int i = 0; i < pixels.Length; i++)
            pixels[i] = (float)random.NextDouble();
        return new ImageSet(shape, pixels, Enumerable.Range(0, count).Select(i => i % classes).ToArray(), classes);
    }

    /// <summary>
    /// The first <paramref name="count"/> Fashion-MNIST images of a split. Without the data set the test is skipped
    /// (inconclusive) with the reason: build/test.sh installs it when run as root, so the full suite skips nothing.
    /// </summary>
    public static ImageSet Fashion(FashionMnistSplit split, int count)
    {
        if (!FashionMnist.IsAvailable())
            Assert.Inconclusive($"Fashion-MNIST is not in {FashionMnist.DefaultDirectory}: apt-get install dataset-fashion-mnist (build/test.sh does as root).");
        return FashionMnist.Read(split, count);
    }

    /// <summary>Small, fast options for a shape.</summary>
    public static T Small<T>(ImageShape shape, long steps = 2) where T : ImageGanOptions, new() => new()
    {
        Channels = shape.Channels,
        Height = shape.Height,
        Width = shape.Width,
        GeneratorFeatures = 8,
        DiscriminatorFeatures = 8,
        LatentDimension = 16,
        BatchSize = 16,
        MaxSteps = steps,
        Threads = 1,
        Seed = 3,
    };
}
