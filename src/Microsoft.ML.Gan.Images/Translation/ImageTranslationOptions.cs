using Microsoft.ML.Gan.Images.Data;
using Microsoft.ML.Gan.Images.Networks.Translation;

namespace Microsoft.ML.Gan.Images;

/// <summary>
/// Options shared by the image-to-image GANs (pix2pix, SRGAN, CycleGAN): which columns hold the input (A) and target
/// (B) images, their shapes and pixel range, and the network widths. The fitted model reads
/// <see cref="InputColumnName"/> (a float vector of C×H×W planar pixels) and writes <see cref="OutputColumnName"/>.
/// </summary>
/// <remarks>
/// Training columns may be float vectors (planar C×H×W in [<see cref="PixelMin"/>, <see cref="PixelMax"/>]) or
/// <see cref="Microsoft.ML.Data.MLImage"/> columns (read as bytes / 255; grayscale = BT.601 luma). Networks see
/// [−1, 1]; translated vectors come back in [PixelMin, PixelMax].
/// </remarks>
public abstract class ImageTranslationOptions : GanTrainingOptions
{
    /// <summary>The input (domain A) image column; the fitted model's <c>Transform</c> reads it. Default "Input".</summary>
    public string InputColumnName { get; set; } = "Input";

    /// <summary>The target (domain B) image column used for training. Default "Target".</summary>
    public string TargetColumnName { get; set; } = "Target";

    /// <summary>Column the fitted model writes translated images to (planar float vector). Default "Translated".</summary>
    public string OutputColumnName { get; set; } = "Translated";

    /// <summary>Channels of the input images: 1 (grayscale) or 3 (RGB). Default 1.</summary>
    public int InputChannels { get; set; } = 1;

    /// <summary>Channels of the target and output images: 1 or 3. Default 1.</summary>
    public int OutputChannels { get; set; } = 1;

    /// <summary>Height of the target (output) images in pixels. Default 28.</summary>
    public int Height { get; set; } = 28;

    /// <summary>Width of the target (output) images in pixels. Default 28.</summary>
    public int Width { get; set; } = 28;

    /// <summary>Pixel value of black in float-vector columns (input, target and output). Default 0.</summary>
    public float PixelMin { get; set; }

    /// <summary>Pixel value of full intensity in float-vector columns. Default 1.</summary>
    public float PixelMax { get; set; } = 1;

    /// <summary>Channels of the generator's first stage (ngf). Default 64.</summary>
    public int GeneratorFeatures { get; set; } = 64;

    /// <summary>Channels of the discriminator's first stage (ndf). Default 64.</summary>
    public int DiscriminatorFeatures { get; set; } = 64;

    /// <summary>If set, training writes a PNG grid (rows: training input | current output | target, for the first
    /// 8 training pairs) to this path (a "{step}" in it is replaced by the step) at every progress report
    /// (<see cref="GanTrainingOptions.ProgressInterval"/>, default once per epoch).</summary>
    public string? SampleGridPath { get; set; }

    /// <summary>The family these options train.</summary>
    internal abstract ImageTranslationKind Kind { get; }

    /// <summary>The shape of an input image.</summary>
    public virtual ImageShape InputShape => new(InputChannels, Height, Width);

    /// <summary>The shape of a target (and output) image.</summary>
    public ImageShape OutputShape => new(OutputChannels, Height, Width);

    internal ImageColumnRequest InputRequest =>
        new(InputColumnName, nameof(InputColumnName), InputShape, PixelMin, PixelMax);

    internal ImageColumnRequest TargetRequest =>
        new(TargetColumnName, nameof(TargetColumnName), OutputShape, PixelMin, PixelMax);

    internal abstract TranslationNetworkSpec NetworkSpec();

    /// <summary>A shallow copy for one training phase (the user's options stay untouched).</summary>
    internal GanTrainingOptions PhaseOptions() => (GanTrainingOptions)MemberwiseClone();

    /// <summary>These options, or a copy that also writes training grids when <see cref="SampleGridPath"/> is set.</summary>
    internal GanTrainingOptions WithGrids(GanTrainingOptions phase, Func<IProgress<GanProgress>?, IProgress<GanProgress>> grid)
    {
        if (SampleGridPath is null)
            return phase;
        var copy = ReferenceEquals(phase, this) ? PhaseOptions() : phase;
        copy.Progress = grid(phase.Progress);
        return copy;
    }

    /// <inheritdoc />
    public override void Validate()
    {
        base.Validate();
        foreach (var (name, value) in new[] { (nameof(InputColumnName), InputColumnName), (nameof(TargetColumnName), TargetColumnName), (nameof(OutputColumnName), OutputColumnName) })
            Require(!string.IsNullOrWhiteSpace(value), name, value, "a column name");
        Require(InputChannels is 1 or 3, nameof(InputChannels), InputChannels, "1 (grayscale) or 3 (RGB)");
        Require(OutputChannels is 1 or 3, nameof(OutputChannels), OutputChannels, "1 (grayscale) or 3 (RGB)");
        Require(Height >= 1 && Width >= 1, nameof(Height), $"{Height}×{Width}", "positive sizes");
        Require(PixelMax > PixelMin, nameof(PixelMax), PixelMax, $"greater than PixelMin ({PixelMin})");
        Require(GeneratorFeatures >= 1, nameof(GeneratorFeatures), GeneratorFeatures, "at least 1");
        Require(DiscriminatorFeatures >= 1, nameof(DiscriminatorFeatures), DiscriminatorFeatures, "at least 1");
    }
}
