using Microsoft.ML.Data;
using Microsoft.ML.Gan.Images.Data;

namespace Microsoft.ML.Gan.Images;

/// <summary>Writes images as PNG files: one image, or a rows × columns grid with a 2-pixel black border.</summary>
public static class ImageGrid
{
    /// <summary>Border between grid cells, in pixels.</summary>
    public const int Border = 2;

    /// <summary>Saves the first rows·columns images of <paramref name="images"/> as one PNG grid (row-major).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Rows or columns are not positive, or the set has fewer images.</exception>
    public static void Save(string path, ImageSet images, int rows, int columns)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        if (images.Count < rows * columns)
            throw new ArgumentOutOfRangeException(nameof(images), $"A {rows}×{columns} grid needs {rows * columns} images; the set has {images.Count}.");
        using var grid = Compose(images, rows, columns);
        Write(grid, path);
    }

    /// <summary>One image (planar values in [0, 1]) as an opaque RGBA <see cref="MLImage"/>.</summary>
    public static MLImage ToMLImage(ReadOnlySpan<float> pixels, ImageShape shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        if (pixels.Length != shape.Length)
            throw new ArgumentException($"{pixels.Length} values do not make one {shape} image ({shape.Length} values).", nameof(pixels));
        return MLImagePixels.FromPlanar(pixels, shape);
    }

    private static MLImage Compose(ImageSet images, int rows, int columns)
    {
        var shape = images.Shape;
        int width = columns * (shape.Width + Border) + Border, height = rows * (shape.Height + Border) + Border;
        int plane = shape.Height * shape.Width;
        var bytes = new byte[width * height * 4];
        for (int i = 3; i < bytes.Length; i += 4)
            bytes[i] = 255;
        for (int cell = 0; cell < rows * columns; cell++)
        {
            int top = Border + cell / columns * (shape.Height + Border), left = Border + cell % columns * (shape.Width + Border);
            var image = images.Pixels.AsSpan(cell * shape.Length, shape.Length);
            for (int y = 0; y < shape.Height; y++)
            {
                for (int x = 0; x < shape.Width; x++)
                {
                    int target = ((top + y) * width + left + x) * 4;
                    for (int c = 0; c < 3; c++)
                    {
                        float value = image[(shape.Channels == 1 ? 0 : c) * plane + y * shape.Width + x];
                        bytes[target + c] = (byte)Math.Round(Math.Clamp(value, 0f, 1f) * 255f);
                    }
                }
            }
        }
        return MLImage.CreateFromPixels(width, height, MLPixelFormat.Rgba32, bytes);
    }

    private static void Write(MLImage image, string path)
    {
        if (!path.EndsWith(".png", StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"'{path}' must end with .png.", nameof(path));
        string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
            Directory.CreateDirectory(directory);
        image.Save(path);
    }
}
