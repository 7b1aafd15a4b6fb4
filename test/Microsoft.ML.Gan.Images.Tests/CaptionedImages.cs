using Microsoft.ML.Data;

namespace Microsoft.ML.Gan.Images.Tests;

/// <summary>Data views of images with captions or ready-made text vectors, for the text-to-image tests.</summary>
internal static class CaptionedImages
{
    /// <summary>"Image" (known-size vector) and "Caption" (text).</summary>
    public static IDataView WithCaptions(MLContext mlContext, ImageSet images, string[] captions)
    {
        var rows = Enumerable.Range(0, images.Count).Select(i => new CaptionRow
        {
            Image = images.Pixels.AsSpan(i * images.Shape.Length, images.Shape.Length).ToArray(),
            Caption = captions[i],
        });
        var definition = SchemaDefinition.Create(typeof(CaptionRow));
        definition[nameof(CaptionRow.Image)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, images.Shape.Length);
        return mlContext.Data.LoadFromEnumerable(rows, definition);
    }

    /// <summary>Only "Caption" (what a user asks images for).</summary>
    public static IDataView Captions(MLContext mlContext, IEnumerable<string> captions) =>
        mlContext.Data.LoadFromEnumerable(captions.Select(c => new CaptionOnly { Caption = c }));

    /// <summary>"Image" and "Features" (a known-size vector of <paramref name="vectorLength"/> floats).</summary>
    public static IDataView WithVectors(MLContext mlContext, ImageSet images, float[] vectors, int vectorLength)
    {
        var rows = Enumerable.Range(0, images.Count).Select(i => new VectorRow
        {
            Image = images.Pixels.AsSpan(i * images.Shape.Length, images.Shape.Length).ToArray(),
            Features = vectors.AsSpan(i * vectorLength, vectorLength).ToArray(),
        });
        var definition = SchemaDefinition.Create(typeof(VectorRow));
        definition[nameof(VectorRow.Image)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, images.Shape.Length);
        definition[nameof(VectorRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, vectorLength);
        return mlContext.Data.LoadFromEnumerable(rows, definition);
    }

    /// <summary>The "Generated" column, row-major.</summary>
    public static float[] Generated(IDataView view) => Floats(view, "Generated");

    /// <summary>The text vectors the pipeline's featurizer (its first step) makes of <paramref name="captions"/>.</summary>
    public static float[] FeaturesOf(MLContext mlContext, TransformerChain<Microsoft.ML.Gan.Images.TextToImage.TextToImageTransformer> pipeline,
        IEnumerable<string> captions) => Floats(pipeline.First().Transform(Captions(mlContext, captions)), "Features");

    /// <summary>A float-vector column, row-major.</summary>
    public static float[] Floats(IDataView view, string column)
    {
        var values = new List<float>();
        using var cursor = view.GetRowCursor(new[] { view.Schema[column] });
        var getter = cursor.GetGetter<VBuffer<float>>(view.Schema[column]);
        VBuffer<float> buffer = default;
        while (cursor.MoveNext())
        {
            getter(ref buffer);
            values.AddRange(buffer.DenseValues());
        }
        return values.ToArray();
    }

    private sealed class CaptionRow
    {
        public float[] Image { get; set; } = [];

        public string Caption { get; set; } = "";
    }

    private sealed class CaptionOnly
    {
        public string Caption { get; set; } = "";
    }

    private sealed class VectorRow
    {
        public float[] Image { get; set; } = [];

        public float[] Features { get; set; } = [];
    }
}
