using System.Globalization;

namespace Microsoft.ML.Gan.Images.TextToImage;

/// <summary>Checks and reads the text-vector condition column (a known-size vector of Single, finite values).</summary>
internal static class TextVectorColumn
{
    /// <summary>The vector length of the column, after checking its type.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The column is missing or not a known-size vector of Single.</exception>
    public static int Length(DataViewSchema schema, string name)
    {
        var column = schema.GetColumnOrNull(name) ?? throw new ArgumentOutOfRangeException(nameof(TextToImageOptions.ConditionColumnName),
            $"Column '{name}' (ConditionColumnName) is not in the input; it has: {string.Join(", ", schema.Where(c => !c.IsHidden).Select(c => c.Name))}. " +
            "Add the text vector, e.g. mlContext.Transforms.Text.FeaturizeText(\"" + name + "\", \"Caption\").");
        return Length(name, column.Type);
    }

    /// <inheritdoc cref="Length(DataViewSchema, string)"/>
    public static int Length(string name, DataViewType type)
    {
        if (type is not VectorDataViewType { ItemType: NumberDataViewType item } vector || item.RawType != typeof(float) || !vector.IsKnownSize)
            throw new ArgumentOutOfRangeException(nameof(TextToImageOptions.ConditionColumnName),
                $"Column '{name}' (ConditionColumnName) has type {type}; expected a known-size vector of Single (e.g. FeaturizeText's output).");
        return vector.Size;
    }

    /// <summary>Every row's vector, row-major ([rows × length]).</summary>
    /// <exception cref="ArgumentException">A value is not finite.</exception>
    public static float[] Read(IDataView data, string name)
    {
        int length = Length(data.Schema, name);
        var column = data.Schema[name];
        var values = new List<float>();
        using var cursor = data.GetRowCursor(new[] { column });
        var getter = cursor.GetGetter<VBuffer<float>>(column);
        VBuffer<float> buffer = default;
        var row = new float[length];
        while (cursor.MoveNext())
        {
            getter(ref buffer);
            buffer.CopyTo(row);
            for (int i = 0; i < length; i++)
            {
                if (!float.IsFinite(row[i]))
                    throw new ArgumentException($"Column '{name}' (ConditionColumnName) has a non-finite value ({row[i].ToString(CultureInfo.InvariantCulture)}) " +
                        $"in row {cursor.Position}, slot {i}.", nameof(TextToImageOptions.ConditionColumnName));
            }
            values.AddRange(row);
        }
        return values.ToArray();
    }
}
