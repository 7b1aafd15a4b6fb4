using Microsoft.ML.Gan.Persistence;

namespace Microsoft.ML.Gan.Images;

/// <summary>
/// What <see cref="ImageGanTransformer"/> needs from a fitted image generator of any family (DCGAN-like, StyleGAN,
/// text-to-image): the image shape, the pixel range of its output, optional classes, and its payload.
/// </summary>
internal abstract class ImageGenerator : IRowGenerator
{
    protected ImageGenerator(ImageShape shape, float pixelMin, float pixelMax)
    {
        Shape = shape;
        PixelMin = pixelMin;
        PixelMax = pixelMax;
    }

    /// <summary>The shape of one generated image.</summary>
    public ImageShape Shape { get; }

    /// <summary>Pixel value of black in generated vectors.</summary>
    public float PixelMin { get; }

    /// <summary>Pixel value of full intensity in generated vectors.</summary>
    public float PixelMax { get; }

    /// <summary>Number of classes of a class-conditional generator; 0 otherwise.</summary>
    public virtual int ClassCount => 0;

    /// <summary>How the class label conditions the networks (None without classes).</summary>
    public virtual ImageConditioning Conditioning => ImageConditioning.None;

    /// <summary>The payload's family name (registered with <see cref="GanPayloadRegistry"/>).</summary>
    public abstract string FamilyName { get; }

    public int OutputLength => Shape.Length;

    /// <summary>The payload body: everything needed to rebuild this generator.</summary>
    public abstract byte[] WriteBody();

    public abstract void GenerateBlock(long seed, long blockIndex, Span<float> destination);

    public abstract void GenerateFromSeed(long rowSeed, Span<float> destination);

    /// <summary>Block <paramref name="blockIndex"/> of the stream of <paramref name="seed"/> with every row of class
    /// <paramref name="label"/>; only class-conditional generators support it.</summary>
    public virtual void GenerateBlockOfClass(long seed, long blockIndex, int label, Span<float> destination) =>
        throw new NotSupportedException($"The {FamilyName} generator has no classes.");

    /// <summary>Maps network output in [−1, 1] to [PixelMin, PixelMax].</summary>
    protected TorchSharp.torch.Tensor ToPixelRange(TorchSharp.torch.Tensor images) =>
        (images + 1) * (0.5f * (PixelMax - PixelMin)) + PixelMin;

    public abstract void Dispose();
}
