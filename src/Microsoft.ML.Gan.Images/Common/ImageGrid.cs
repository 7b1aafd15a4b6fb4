using Microsoft.ML.Gan.Images.Data;

namespace Microsoft.ML.Gan.Images;

/// <summary>Writes images as PNG files: one image, or a rows × columns grid with a 2-pixel black border.</summary>
internal static class ImageGrid
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

    /// <summary>
    /// Saves side-by-side columns of images as one PNG: row i shows image i of every set (e.g. input, output, target).
    /// Each image is shown at the largest set's size (nearest-neighbour enlargement by a whole factor), grayscale as gray.
    /// </summary>
    /// <exception cref="ArgumentException">The sets are empty, hold different counts, or sizes are not whole multiples.</exception>
    public static void SavePairs(string path, IReadOnlyList<ImageSet> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Count == 0 || columns.Any(c => c.Count != columns[0].Count) || columns[0].Count == 0)
            throw new ArgumentException("SavePairs needs one or more non-empty sets holding the same number of images.", nameof(columns));
        int height = columns.Max(c => c.Shape.Height), width = columns.Max(c => c.Shape.Width);
        var shape = new ImageShape(3, height, width);
        var enlarged = columns.Select(c => Enlarge(c, shape)).ToArray();
        int rows = columns[0].Count, plane = height * width;
        var pixels = new float[rows * columns.Count * shape.Length];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns.Count; c++)
                enlarged[c].AsSpan(r * shape.Length, shape.Length).CopyTo(pixels.AsSpan((r * columns.Count + c) * shape.Length));
        }
        Save(path, new ImageSet(shape, pixels), rows, columns.Count);
    }

    private static float[] Enlarge(ImageSet set, ImageShape shape)
    {
        var source = set.Shape;
        if (shape.Height % source.Height != 0 || shape.Width % source.Width != 0)
            throw new ArgumentException($"{source} images cannot be enlarged to {shape.Height}×{shape.Width} by a whole factor.", nameof(set));
        int fy = shape.Height / source.Height, fx = shape.Width / source.Width;
        var result = new float[set.Count * shape.Length];
        for (int i = 0; i < set.Count; i++)
        {
            for (int c = 0; c < 3; c++)
            {
                int sourcePlane = i * source.Length + (source.Channels == 1 ? 0 : c) * source.Height * source.Width;
                for (int y = 0; y < shape.Height; y++)
                {
                    for (int x = 0; x < shape.Width; x++)
                        result[i * shape.Length + (c * shape.Height + y) * shape.Width + x] = set.Pixels[sourcePlane + y / fy * source.Width + x / fx];
                }
            }
        }
        return result;
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
