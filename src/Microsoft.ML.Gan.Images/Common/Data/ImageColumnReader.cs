using Microsoft.ML.Transforms.Image;

namespace Microsoft.ML.Gan.Images.Data;

/// <summary>
/// Reads an image column into an <see cref="ImageSet"/> (values in [0, 1]): either a known-size float vector holding
/// planar C×H×W pixels in [pixelMin, pixelMax], or an <see cref="MLImage"/> column (ImageAnalytics' LoadImages).
/// </summary>
internal static class ImageColumnReader
{
    public static ImageSet Read(IDataView data, ImageColumnOptions options) =>
        Read(data, ImageColumnRequest.From(options), options);

    /// <summary>Reads the images of one column (no labels).</summary>
    public static ImageSet Read(IDataView data, ImageColumnRequest request) => Read(data, request, null);

    private static ImageSet Read(IDataView data, ImageColumnRequest request, ImageColumnOptions? labelOptions)
    {
        string name = request.Name;
        var column = data.Schema.GetColumnOrNull(name) ?? throw new ArgumentOutOfRangeException(request.OptionName,
            $"Column '{name}' ({request.OptionName}) is not in the input; it has: {string.Join(", ", data.Schema.Where(c => !c.IsHidden).Select(c => c.Name))}.");
        var shape = request.Shape;
        var labelColumn = labelOptions is null ? null : LabelColumnReader.Find(data.Schema, labelOptions);
        var columns = labelColumn is null ? new[] { column } : new[] { column, labelColumn.Value };
        var pixels = new List<float>();
        var labels = new List<int>();
        using var cursor = data.GetRowCursor(columns);
        var readImage = ImageGetter(cursor, column, request);
        var readLabel = labelColumn is null ? null : LabelColumnReader.CreateGetter(cursor, labelColumn.Value, labelOptions!);
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
        int classCount = labelColumn is null ? 0 : LabelColumnReader.ClassCount(labelColumn.Value, labels, labelOptions!);
        return new ImageSet(shape, pixels.ToArray(), labelColumn is null ? null : labels.ToArray(), classCount);
    }

    /// <summary>Checks the image column's type (for GetOutputSchema).</summary>
    public static void CheckType(string name, DataViewType type, ImageColumnRequest request)
    {
        if (type is ImageDataViewType)
            return;
        var shape = request.Shape;
        if (type is not VectorDataViewType { ItemType: NumberDataViewType item } vector || item.RawType != typeof(float))
            throw new ArgumentOutOfRangeException(request.OptionName,
                $"Column '{name}' ({request.OptionName}) has type {type}; expected an image (MLImage, from LoadImages) or a known-size vector of Single " +
                $"holding {shape} planar pixels.");
        if (vector.Size != shape.Length)
            throw new ArgumentOutOfRangeException(request.OptionName,
                $"Column '{name}' ({request.OptionName}) holds vectors of {(vector.IsKnownSize ? vector.Size.ToString(System.Globalization.CultureInfo.InvariantCulture) : "variable")} " +
                $"values, but the declared shape is {shape} = {shape.Length} values. Set the channels, Height and Width options to the images' shape.");
    }

    private static Action<float[]> ImageGetter(DataViewRowCursor cursor, DataViewSchema.Column column, ImageColumnRequest request)
    {
        var shape = request.Shape;
        CheckType(column.Name, column.Type, request);
        if (column.Type is ImageDataViewType)
        {
            var getter = cursor.GetGetter<MLImage>(column);
            MLImage image = null!;
            return destination =>
            {
                getter(ref image);
                MLImagePixels.ToPlanar(image, shape, destination, column.Name, request.OptionName);
            };
        }
        var vectorGetter = cursor.GetGetter<VBuffer<float>>(column);
        VBuffer<float> buffer = default;
        float min = request.PixelMin;
        float range = request.PixelMax - request.PixelMin;
        return destination =>
        {
            vectorGetter(ref buffer);
            buffer.CopyTo(destination);
            for (int i = 0; i < destination.Length; i++)
            {
                float v = destination[i];
                if (!float.IsFinite(v))
                    throw new ArgumentException($"Column '{column.Name}' has a non-finite value ({v}) in row {cursor.Position}, slot {i}.", request.OptionName);
                destination[i] = Math.Clamp((v - min) / range, 0f, 1f);
            }
        };
    }
}
