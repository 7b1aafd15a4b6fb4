using Microsoft.ML.Data;

namespace Microsoft.ML.Gan.Tests.Vectors;

/// <summary>Builds IDataViews with a 2-D "Features" vector column for the vector GAN tests.</summary>
internal static class VectorData
{
    public sealed class Row
    {
        [VectorType(2)]
        public float[] Features { get; set; } = Array.Empty<float>();
    }

    public static IDataView FromFlat(MLContext mlContext, float[] flat) =>
        mlContext.Data.LoadFromEnumerable(Enumerable.Range(0, flat.Length / 2)
            .Select(i => new Row { Features = new[] { flat[2 * i], flat[2 * i + 1] } }).ToList());

    public static IDataView Ring(MLContext mlContext, int rows = 4000, int seed = 7) =>
        FromFlat(mlContext, RingOfGaussians.Sample(rows, seed));

    /// <summary>Reads the generated vectors of a data view as one flat array.</summary>
    public static float[] Generated(IDataView view, string column = "Generated")
    {
        var values = new List<float>();
        using var cursor = view.GetRowCursor(view.Schema.Where(c => c.Name == column));
        var getter = cursor.GetGetter<VBuffer<float>>(view.Schema[column]);
        VBuffer<float> buffer = default;
        while (cursor.MoveNext())
        {
            getter(ref buffer);
            values.AddRange(buffer.DenseValues());
        }
        return values.ToArray();
    }
}
