namespace Microsoft.ML.Gan.Images;

/// <summary>
/// Images held in memory as planar float vectors with pixel values in [0, 1], and optional class labels
/// (0-based). The common currency of the estimators' column readers, the generated images, PNG grids, resampling and
/// the metrics.
/// </summary>
public sealed class ImageSet
{
    /// <summary>Creates a set; <paramref name="pixels"/> holds <c>count · shape.Length</c> values in [0, 1].</summary>
    /// <exception cref="ArgumentException">The sizes disagree or a label is outside [0, classCount).</exception>
    public ImageSet(ImageShape shape, float[] pixels, int[]? labels = null, int classCount = 0)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(pixels);
        if (pixels.Length % shape.Length != 0)
            throw new ArgumentException($"{pixels.Length} pixel values are not a whole number of {shape} images.", nameof(pixels));
        Count = pixels.Length / shape.Length;
        if (labels is not null)
        {
            if (labels.Length != Count)
                throw new ArgumentException($"{labels.Length} labels for {Count} images.", nameof(labels));
            if (classCount < 1)
                throw new ArgumentException("A labelled set needs a class count of at least 1.", nameof(classCount));
            foreach (int label in labels)
            {
                if (label < 0 || label >= classCount)
                    throw new ArgumentException($"Label {label} is outside [0, {classCount}).", nameof(labels));
            }
        }
        Shape = shape;
        Pixels = pixels;
        Labels = labels;
        ClassCount = labels is null ? 0 : classCount;
    }

    /// <summary>The shape of every image.</summary>
    public ImageShape Shape { get; }

    /// <summary>Number of images.</summary>
    public int Count { get; }

    /// <summary>All images, row-major, each planar C×H×W, values in [0, 1].</summary>
    public float[] Pixels { get; }

    /// <summary>0-based class labels, or null for an unlabelled set.</summary>
    public int[]? Labels { get; }

    /// <summary>Number of classes (0 when unlabelled).</summary>
    public int ClassCount { get; }

    /// <summary>The first <paramref name="count"/> images (all when the set is smaller).</summary>
    public ImageSet Take(int count)
    {
        count = Math.Min(count, Count);
        return new ImageSet(Shape, Pixels.AsSpan(0, count * Shape.Length).ToArray(), Labels?[..count], ClassCount);
    }

    /// <summary>Saves the first rows·columns images as one PNG grid (row-major) with a 2-pixel black border.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Rows or columns are not positive, or the set has fewer images.</exception>
    public void SaveGrid(string path, int rows, int columns) => ImageGrid.Save(path, this, rows, columns);

    /// <summary>Image <paramref name="index"/> as an opaque RGBA <see cref="MLImage"/> (grayscale repeated in R, G, B); dispose it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is outside the set.</exception>
    public MLImage ToMLImage(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return ImageGrid.ToMLImage(Pixels.AsSpan(index * Shape.Length, Shape.Length), Shape);
    }

    /// <summary>Every image downsampled by <paramref name="scale"/> (the inputs of super-resolution; values stay in [0, 1]).</summary>
    /// <exception cref="ArgumentException">The image sides are not multiples of the scale.</exception>
    public ImageSet Downsample(int scale, SuperResolutionDownsampling mode = SuperResolutionDownsampling.Bicubic) =>
        ImageResampling.Downsample(this, scale, mode);

    /// <summary>Every image upsampled bicubically by <paramref name="scale"/>, clamped to [0, 1] (the usual super-resolution baseline).</summary>
    public ImageSet UpsampleBicubic(int scale) => ImageResampling.UpsampleBicubic(this, scale);

    /// <summary>
    /// The set as a data view: an "Image" column of known-size float vectors (values in [0, 1]) and, when labelled, a
    /// "Label" key column (values 1..ClassCount, as ML.NET keys are 1-based).
    /// </summary>
    public IDataView ToDataView(MLContext mlContext, string imageColumnName = "Image", string labelColumnName = "Label")
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        return Data.ImageSetDataView.Create(mlContext, this, imageColumnName, labelColumnName);
    }
}
