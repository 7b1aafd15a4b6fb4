using Microsoft.ML.Transforms.Image;
using Microsoft.ML.Data;

namespace Microsoft.ML.Gan.Images.Data;

/// <summary>
/// Reads an image column into an <see cref="ImageSet"/> (values in [0, 1]): either a known-size float vector holding
/// planar C×H×W pixels in [pixelMin, pixelMax], or an <see cref="MLImage"/> column (ImageAnalytics' LoadImages).
/// </summary>
internal static class ImageColumnReader
{
    public static ImageSet Read(IDataView data, ImageColumnOptions options)
    {
        string name = options.ImageColumnName;
        var column = data.Schema.GetColumnOrNull(name) ?? throw new ArgumentOutOfRangeException(nameof(ImageGanOptions.ImageColumnName),
            $"Column '{name}' (ImageColumnName) is not in the input; it has: {string.Join(", ", data.Schema.Where(c => !c.IsHidden).Select(c => c.Name))}.");
        var shape = options.ResolveShape();
        var labelColumn = LabelColumnReader.Find(data.Schema, options);
        var columns = labelColumn is null ? new[] { column } : new[] { column, labelColumn.Value };
        var pixels = new List<float>();
        var labels = new List<int>();
        using var cursor = data.GetRowCursor(columns);
        var readImage = ImageGetter(cursor, column, shape, options);
        var readLabel = labelColumn is null ? null : LabelColumnReader.CreateGetter(cursor, labelColumn.Value, options);
        var image = new float[shape.Length];
        while (cursor.MoveNext())
        {
            readImage(image);
            pixels.AddRange(image);
            if (readLabel is not null)
                labels.Add(readLabel());
        }
        if (pixels.Count == 0)
            throw new ArgumentException($"The training data has no rows (column '{name}').", nameof(data));
        int classCount = labelColumn is null ? 0 : LabelColumnReader.ClassCount(labelColumn.Value, labels, options);
        return new ImageSet(shape, pixels.ToArray(), labelColumn is null ? null : labels.ToArray(), classCount);
    }

    /// <summary>Checks the image column's type (for GetOutputSchema).</summary>
    public static void CheckType(string name, DataViewType type, ImageColumnOptions options)
    {
        if (type is ImageDataViewType)
            return;
        var shape = options.ResolveShape();
        if (type is not VectorDataViewType { ItemType: NumberDataViewType item } vector || item.RawType != typeof(float))
            throw new ArgumentOutOfRangeException(nameof(ImageGanOptions.ImageColumnName),
                $"Column '{name}' (ImageColumnName) has type {type}; expected an image (MLImage, from LoadImages) or a known-size vector of Single " +
                $"holding {shape} planar pixels.");
        if (vector.Size != shape.Length)
            throw new ArgumentOutOfRangeException(nameof(ImageGanOptions.ImageColumnName),
                $"Column '{name}' (ImageColumnName) holds vectors of {(vector.IsKnownSize ? vector.Size.ToString(System.Globalization.CultureInfo.InvariantCulture) : "variable")} " +
                $"values, but Channels×Height×Width = {shape} = {shape.Length}. Set Channels, Height and Width to the images' shape.");
    }

    private static Action<float[]> ImageGetter(DataViewRowCursor cursor, DataViewSchema.Column column, ImageShape shape, ImageColumnOptions options)
    {
        CheckType(column.Name, column.Type, options);
        if (column.Type is ImageDataViewType)
        {
            var getter = cursor.GetGetter<MLImage>(column);
            MLImage image = null!;
            return destination =>
            {
                getter(ref image);
                MLImagePixels.ToPlanar(image, shape, destination, column.Name);
            };
        }
        var vectorGetter = cursor.GetGetter<VBuffer<float>>(column);
        VBuffer<float> buffer = default;
        float min = options.PixelMin;
        float range = options.PixelMax - options.PixelMin;
        return destination =>
        {
            vectorGetter(ref buffer);
            buffer.CopyTo(destination);
            for (int i = 0; i < destination.Length; i++)
            {
                float v = destination[i];
                if (!float.IsFinite(v))
                    throw new ArgumentException($"Column '{column.Name}' has a non-finite value ({v}) in row {cursor.Position}, slot {i}.", nameof(ImageGanOptions.ImageColumnName));
                destination[i] = Math.Clamp((v - min) / range, 0f, 1f);
            }
        };
    }
}
