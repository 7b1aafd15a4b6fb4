namespace Microsoft.ML.Gan.Images;

/// <summary>The shape of one image as a planar float vector: <see cref="Channels"/> planes of
/// <see cref="Height"/> × <see cref="Width"/> values (channel order R, G, B for colour images, as ML.NET's
/// ExtractPixels writes them with interleave = false).</summary>
/// <param name="Channels">1 (grayscale) or 3 (RGB).</param>
/// <param name="Height">Rows of pixels.</param>
/// <param name="Width">Columns of pixels.</param>
public sealed record ImageShape(int Channels, int Height, int Width)
{
    /// <summary>Floats per image: C·H·W.</summary>
    public int Length => Channels * Height * Width;

    /// <inheritdoc />
    public override string ToString() => $"{Channels}×{Height}×{Width}";
}
