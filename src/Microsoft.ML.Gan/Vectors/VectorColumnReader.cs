namespace Microsoft.ML.Gan.Vectors;

/// <summary>Reads a known-size float vector column into one row-major array, validating it on the way.</summary>
internal static class VectorColumnReader
{
    public static (float[] Values, int Rows, int Dimension) Read(IDataView data, string columnName, string optionName)
    {
        var column = data.Schema.GetColumnOrNull(columnName) ?? throw new ArgumentOutOfRangeException(optionName,
            $"Column '{columnName}' ({optionName}) is not in the input; it has: {string.Join(", ", data.Schema.Select(c => c.Name))}.");
        if (column.Type is not VectorDataViewType { ItemType: NumberDataViewType itemType, IsKnownSize: true } vectorType
            || itemType.RawType != typeof(float))
        {
            throw new ArgumentOutOfRangeException(optionName,
                $"Column '{columnName}' ({optionName}) has type {column.Type}; expected a known-size vector of Single " +
                "(e.g. from mlContext.Transforms.Concatenate).");
        }

        int dimension = vectorType.Size;
        var values = new List<float>();
        using var cursor = data.GetRowCursor(new[] { column });
        var getter = cursor.GetGetter<VBuffer<float>>(column);
        VBuffer<float> buffer = default;
        var dense = new float[dimension];
        long row = 0;
        while (cursor.MoveNext())
        {
            getter(ref buffer);
            buffer.CopyTo(dense);
            for (int i = 0; i < dimension; i++)
            {
                if (!float.IsFinite(dense[i]))
                    throw new ArgumentException($"Column '{columnName}' has a non-finite value ({dense[i]}) in row {row}, slot {i}; remove or impute it before training.", optionName);
            }
            values.AddRange(dense);
            row++;
        }
        if (row == 0)
            throw new ArgumentException($"The training data has no rows (column '{columnName}').", optionName);
        return (values.ToArray(), (int)row, dimension);
    }
}
