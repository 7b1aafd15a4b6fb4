namespace Microsoft.ML.Gan.Images.Data;

/// <summary>Converts between <see cref="MLImage"/> and planar float pixels in [0, 1].</summary>
internal static class MLImagePixels
{
    /// <summary>Writes the image as planar C×H×W values in [0, 1] (grayscale: ITU-R BT.601 luma of R, G, B).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The image's size is not the declared one.</exception>
    public static void ToPlanar(MLImage image, ImageShape shape, Span<float> destination, string columnName, string optionName)
    {
        if (image is null)
            throw new ArgumentException($"Column '{columnName}' ({optionName}) has a missing image.", optionName);
        if (image.Width != shape.Width || image.Height != shape.Height)
            throw new ArgumentOutOfRangeException(optionName,
                $"Column '{columnName}' ({optionName}) has a {image.Width}×{image.Height} image but Width×Height is {shape.Width}×{shape.Height}; " +
                "resize first (mlContext.Transforms.ResizeImages) or set Width and Height.");
        var pixels = image.Pixels;
        bool bgra = image.PixelFormat == MLPixelFormat.Bgra32;
        int r = bgra ? 2 : 0, b = bgra ? 0 : 2, plane = shape.Height * shape.Width;
        for (int p = 0; p < plane; p++)
        {
            float red = pixels[4 * p + r] / 255f, green = pixels[4 * p + 1] / 255f, blue = pixels[4 * p + b] / 255f;
            if (shape.Channels == 1)
            {
                destination[p] = 0.299f * red + 0.587f * green + 0.114f * blue;
            }
            else
            {
                destination[p] = red;
                destination[plane + p] = green;
                destination[2 * plane + p] = blue;
            }
        }
    }

    /// <summary>An opaque RGBA image from planar values in [0, 1] (clamped).</summary>
    public static MLImage FromPlanar(ReadOnlySpan<float> values, ImageShape shape) => FromPlanar(values, shape, 0f, 1f);

    /// <summary>An opaque RGBA image from planar values in [<paramref name="black"/>, <paramref name="white"/>] (clamped).</summary>
    public static MLImage FromPlanar(ReadOnlySpan<float> values, ImageShape shape, float black, float white)
    {
        int plane = shape.Height * shape.Width;
        float scale = 1f / (white - black);
        var bytes = new byte[plane * 4];
        for (int p = 0; p < plane; p++)
        {
            for (int c = 0; c < 3; c++)
                bytes[4 * p + c] = ToByte((values[(shape.Channels == 1 ? 0 : c) * plane + p] - black) * scale);
            bytes[4 * p + 3] = 255;
        }
        return MLImage.CreateFromPixels(shape.Width, shape.Height, MLPixelFormat.Rgba32, bytes);
    }

    private static byte ToByte(float value) => (byte)Math.Round(Math.Clamp(value, 0f, 1f) * 255f);
}
