using Microsoft.ML.Gan.Images;

namespace Microsoft.ML.Gan.Images.Tests;

/// <summary>Small data sets for the image-to-image tests.</summary>
internal static class TranslationTestImages
{
    /// <summary>RGB images of red squares and yellow discs at random places on black (a deterministic colour per shape,
    /// and a distinct luma per colour: 0.299 and 0.886).</summary>
    public static ImageSet ColouredShapes(int count, int side, int seed)
    {
        var random = new Random(seed);
        var shape = new ImageShape(3, side, side);
        int plane = side * side;
        var pixels = new float[count * shape.Length];
        for (int i = 0; i < count; i++)
        {
            for (int s = 0; s < 2; s++)
            {
                bool square = (i + s) % 2 == 0;
                int radius = random.Next(2, side / 4 + 1);
                int cx = random.Next(radius, side - radius), cy = random.Next(radius, side - radius);
                for (int y = 0; y < side; y++)
                {
                    for (int x = 0; x < side; x++)
                    {
                        bool inside = square
                            ? Math.Abs(x - cx) <= radius && Math.Abs(y - cy) <= radius
                            : (x - cx) * (x - cx) + (y - cy) * (y - cy) <= radius * radius;
                        if (inside)
                        {
                            int p = i * shape.Length + y * side + x;
                            pixels[p] = 1;
                            pixels[p + plane] = square ? 0 : 1;
                            pixels[p + 2 * plane] = 0;
                        }
                    }
                }
            }
        }
        return new ImageSet(shape, pixels);
    }

    /// <summary>The images with every pixel inverted (1 − v).</summary>
    public static ImageSet Inverted(ImageSet images) =>
        new(images.Shape, images.Pixels.Select(v => 1 - v).ToArray(), images.Labels, images.ClassCount);

    /// <summary>Two sets side by side as a data view with columns of the given names (float vectors).</summary>
    public static IDataView Pairs(MLContext mlContext, ImageSet first, string firstName, ImageSet second, string secondName)
    {
        var rows = Enumerable.Range(0, first.Count).Select(i => new PairRow
        {
            First = first.Pixels.AsSpan(i * first.Shape.Length, first.Shape.Length).ToArray(),
            Second = second.Pixels.AsSpan(i * second.Shape.Length, second.Shape.Length).ToArray(),
        });
        var definition = Microsoft.ML.Data.SchemaDefinition.Create(typeof(PairRow));
        definition[nameof(PairRow.First)].ColumnType = new Microsoft.ML.Data.VectorDataViewType(Microsoft.ML.Data.NumberDataViewType.Single, first.Shape.Length);
        definition[nameof(PairRow.First)].ColumnName = firstName;
        definition[nameof(PairRow.Second)].ColumnType = new Microsoft.ML.Data.VectorDataViewType(Microsoft.ML.Data.NumberDataViewType.Single, second.Shape.Length);
        definition[nameof(PairRow.Second)].ColumnName = secondName;
        return mlContext.Data.LoadFromEnumerable(rows, definition);
    }

    /// <summary>Every row's values of a float-vector column, concatenated.</summary>
    public static float[] Column(IDataView view, string name)
    {
        var values = new List<float>();
        using var cursor = view.GetRowCursor(new[] { view.Schema[name] });
        var getter = cursor.GetGetter<Microsoft.ML.Data.VBuffer<float>>(view.Schema[name]);
        Microsoft.ML.Data.VBuffer<float> buffer = default;
        while (cursor.MoveNext())
        {
            getter(ref buffer);
            values.AddRange(buffer.DenseValues());
        }
        return values.ToArray();
    }

    /// <summary>Mean absolute difference of two equally long arrays.</summary>
    public static double MeanAbsoluteError(float[] a, float[] b)
    {
        Assert.HasCount(a.Length, b);
        return a.Zip(b, (x, y) => Math.Abs(x - y)).Average();
    }

    private sealed class PairRow
    {
        public float[] First { get; set; } = [];

        public float[] Second { get; set; } = [];
    }
}
