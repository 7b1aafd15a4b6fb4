namespace Microsoft.ML.Gan.Images.Data;

/// <summary>Turns an <see cref="ImageSet"/> into a data view with a known-size image column and a key label column.</summary>
internal static class ImageSetDataView
{
    public static IDataView Create(MLContext mlContext, ImageSet set, string imageColumn, string labelColumn)
    {
        int length = set.Shape.Length;
        var rows = Enumerable.Range(0, set.Count).Select(i => new Row
        {
            Image = set.Pixels.AsSpan(i * length, length).ToArray(),
            // LoadFromEnumerable stores a key property as the 0-based index (it adds the 1 of ML.NET's 1-based keys itself).
            Label = set.Labels is null ? 0u : (uint)set.Labels[i],
        });
        var definition = SchemaDefinition.Create(typeof(Row));
        definition[nameof(Row.Image)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, length);
        definition[nameof(Row.Image)].ColumnName = imageColumn;
        if (set.Labels is null)
        {
            definition.Remove(definition[nameof(Row.Label)]);
        }
        else
        {
            definition[nameof(Row.Label)].ColumnType = new KeyDataViewType(typeof(uint), set.ClassCount);
            definition[nameof(Row.Label)].ColumnName = labelColumn;
        }
        return mlContext.Data.LoadFromEnumerable(rows, definition);
    }

    private sealed class Row
    {
        public float[] Image { get; set; } = [];

        public uint Label { get; set; }
    }
}
