namespace Microsoft.ML.Gan.Images;

/// <summary>
/// What <see cref="ImageGanTransformerBase"/> needs from a fitted image generator of any family (DCGAN-like, StyleGAN,
/// text-to-image, image-to-image): the shape and pixel range of its output and its family, which writes its payload.
/// What a family adds (classes, text or image conditions) is a capability of its own generator, not a member here.
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

    /// <summary>The payload's family name (one of <see cref="ImageFamily.PayloadNames"/> of its family).</summary>
    public abstract string FamilyName { get; }

    public int OutputLength => Shape.Length;

    /// <summary>The payload body: everything needed to rebuild this generator.</summary>
    public abstract byte[] WriteBody();

    public abstract void GenerateBlock(long seed, long blockIndex, Span<float> destination);

    public abstract void GenerateFromSeed(long rowSeed, Span<float> destination);

    /// <summary>Maps network output in [−1, 1] to [PixelMin, PixelMax].</summary>
    protected TorchSharp.torch.Tensor ToPixelRange(TorchSharp.torch.Tensor images) =>
        (images + 1) * (0.5f * (PixelMax - PixelMin)) + PixelMin;

    public abstract void Dispose();
}
