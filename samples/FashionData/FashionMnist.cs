using Microsoft.ML.Gan.Images;

namespace Microsoft.ML.Gan.FashionData;

/// <summary>Which half of Fashion-MNIST to read.</summary>
public enum FashionMnistSplit
{
    /// <summary>The 60,000 training images.</summary>
    Train,

    /// <summary>The 10,000 test images.</summary>
    Test,
}

/// <summary>
/// Reads Fashion-MNIST (Xiao et al. 2017; 28×28 grayscale, 10 classes) from its IDX files, plain or gzip-compressed,
/// as installed by the Debian package <c>dataset-fashion-mnist</c> in <see cref="DefaultDirectory"/>.
/// </summary>
public static class FashionMnist
{
    /// <summary>Where the Debian package installs the files.</summary>
    public const string DefaultDirectory = "/usr/share/datasets/fashion-mnist";

    /// <summary>The image shape: 1×28×28.</summary>
    public static ImageShape Shape { get; } = new(1, 28, 28);

    /// <summary>Class names, index = label.</summary>
    public static IReadOnlyList<string> ClassNames { get; } =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    /// <summary>True when the four files are in <paramref name="directory"/> (default <see cref="DefaultDirectory"/>).</summary>
    public static bool IsAvailable(string? directory = null)
    {
        directory ??= DefaultDirectory;
        return FashionMnistSplit.GetValues<FashionMnistSplit>().All(s => Find(directory, ImagesFile(s)) is not null && Find(directory, LabelsFile(s)) is not null);
    }

    /// <summary>
    /// Reads a split into memory: pixels as byte / 255 (values in [0, 1]) and labels 0..9.
    /// </summary>
    /// <param name="split">Train or test.</param>
    /// <param name="maxImages">Read only the first this many images (all when null).</param>
    /// <param name="directory">Folder of the IDX files (".gz" or uncompressed); default <see cref="DefaultDirectory"/>.</param>
    /// <exception cref="FileNotFoundException">A file is missing (the message says how to install it).</exception>
    /// <exception cref="InvalidDataException">A file is not a valid IDX file, or images and labels disagree.</exception>
    public static ImageSet Read(FashionMnistSplit split, int? maxImages = null, string? directory = null)
    {
        if (maxImages is < 1)
            throw new ArgumentOutOfRangeException(nameof(maxImages), maxImages, "maxImages must be at least 1 when set.");
        directory ??= DefaultDirectory;
        string images = Find(directory, ImagesFile(split)) ?? throw Missing(directory, ImagesFile(split));
        string labels = Find(directory, LabelsFile(split)) ?? throw Missing(directory, LabelsFile(split));
        var (imageDims, pixels) = IdxFile.Read(images, maxImages);
        var (labelDims, labelBytes) = IdxFile.Read(labels, maxImages);
        if (imageDims.Length != 3 || imageDims[1] != 28 || imageDims[2] != 28)
            throw new InvalidDataException($"'{images}' holds images of shape [{string.Join(", ", imageDims)}], not N×28×28.");
        if (labelDims.Length != 1 || labelDims[0] != imageDims[0])
            throw new InvalidDataException($"'{labels}' holds {labelDims[0]} labels for {imageDims[0]} images.");
        var values = new float[pixels.Length];
        for (int i = 0; i < pixels.Length; i++)
            values[i] = pixels[i] / 255f;
        var classes = new int[labelBytes.Length];
        for (int i = 0; i < classes.Length; i++)
        {
            classes[i] = labelBytes[i];
            if (classes[i] > 9)
                throw new InvalidDataException($"'{labels}' holds label {classes[i]} at item {i}; Fashion-MNIST labels are 0..9.");
        }
        return new ImageSet(Shape, values, classes, 10);
    }

    /// <summary>
    /// A split as a data view: "Image" (Vector&lt;Single, 784&gt;, values in [0, 1], planar 1×28×28) and "Label"
    /// (Key&lt;UInt32, 10&gt;: key k is class k − 1).
    /// </summary>
    public static IDataView Load(MLContext mlContext, FashionMnistSplit split, int? maxImages = null, string? directory = null) =>
        Read(split, maxImages, directory).ToDataView(mlContext);

    private static string ImagesFile(FashionMnistSplit split) => split == FashionMnistSplit.Train ? "train-images-idx3-ubyte" : "t10k-images-idx3-ubyte";

    private static string LabelsFile(FashionMnistSplit split) => split == FashionMnistSplit.Train ? "train-labels-idx1-ubyte" : "t10k-labels-idx1-ubyte";

    private static string? Find(string directory, string name) =>
        new[] { name + ".gz", name }.Select(n => Path.Combine(directory, n)).FirstOrDefault(File.Exists);

    private static FileNotFoundException Missing(string directory, string name) =>
        new($"Fashion-MNIST file '{name}(.gz)' is not in '{directory}'. On Debian/Ubuntu: apt-get install dataset-fashion-mnist " +
            "(installs into /usr/share/datasets/fashion-mnist), or download it from https://github.com/zalandoresearch/fashion-mnist.",
            Path.Combine(directory, name + ".gz"));
}
