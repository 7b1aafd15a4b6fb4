namespace Microsoft.ML.Gan.Images;

/// <summary>
/// Options every image GAN family shares: the image column and its shape and pixel range, the generated and seed
/// columns, the size of the noise z and optional sample grids written during training. The engine's options
/// (<see cref="GanTrainingOptions"/>) come with them.
/// </summary>
public abstract class ImageColumnOptions : GanTrainingOptions
{
    /// <summary>The image column: MLImage, or a known-size float vector of C×H×W planar pixels. Default "Image".</summary>
    public string ImageColumnName { get; set; } = "Image";

    /// <summary>Column the fitted model writes generated images to (planar float vector). Default "Generated".</summary>
    public string OutputColumnName { get; set; } = "Generated";

    /// <summary>Optional integer input column whose value seeds each generated row (see <see cref="ImageGanTransformer"/>).</summary>
    public string? SeedColumnName { get; set; }

    /// <summary>Image channels: 1 (grayscale) or 3 (RGB). Default 1.</summary>
    public int Channels { get; set; } = 1;

    /// <summary>Image height in pixels. Default 28.</summary>
    public int Height { get; set; } = 28;

    /// <summary>Image width in pixels. Default 28.</summary>
    public int Width { get; set; } = 28;

    /// <summary>Pixel value that means black in the float-vector column (and in generated vectors). Default 0.</summary>
    public float PixelMin { get; set; }

    /// <summary>Pixel value that means full intensity in the float-vector column (and in generated vectors). Default 1.</summary>
    public float PixelMax { get; set; } = 1;

    /// <summary>Size of the noise z. Default 100 (DCGAN; each family's options set their paper's value).</summary>
    public int LatentDimension { get; set; } = 100;

    /// <summary>If set, training writes a PNG grid of generated images to this path (a "{step}" in it is replaced by the
    /// step) at every progress report (<see cref="GanTrainingOptions.ProgressInterval"/>, default once per epoch).</summary>
    public string? SampleGridPath { get; set; }

    /// <summary>The declared image shape.</summary>
    public ImageShape ResolveShape() => new(Channels, Height, Width);

    /// <summary>The class label column the column reader reads with the images (none unless a family needs labels).</summary>
    internal virtual string? LabelColumnToRead => null;

    /// <summary>The declared class count of a non-key label column (null infers it).</summary>
    internal virtual int? DeclaredClassCount => null;

    /// <summary>A shallow copy reporting progress to <paramref name="progress"/> (the user's options stay untouched).</summary>
    internal T WithProgress<T>(IProgress<GanProgress>? progress) where T : ImageColumnOptions
    {
        var copy = (T)MemberwiseClone();
        copy.Progress = progress;
        return copy;
    }

    /// <inheritdoc />
    public override void Validate()
    {
        base.Validate();
        Require(!string.IsNullOrWhiteSpace(ImageColumnName), nameof(ImageColumnName), ImageColumnName, "a column name");
        Require(!string.IsNullOrWhiteSpace(OutputColumnName), nameof(OutputColumnName), OutputColumnName, "a column name");
        Require(Channels is 1 or 3, nameof(Channels), Channels, "1 (grayscale) or 3 (RGB)");
        Require(Height >= 1 && Width >= 1, nameof(Height), $"{Height}×{Width}", "positive sizes");
        Require(PixelMax > PixelMin, nameof(PixelMax), PixelMax, $"greater than PixelMin ({PixelMin})");
        Require(LatentDimension >= 1, nameof(LatentDimension), LatentDimension, "at least 1");
    }
}
