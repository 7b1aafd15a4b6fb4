using Microsoft.ML.Data;

namespace Microsoft.ML.Gan.Tabular.Data;

/// <summary>The schema check shared by the tabular synthesizers' estimators.</summary>
internal static class SynthesizerSchema
{
    /// <summary>
    /// Checks the columns a synthesizer reads; the output is the input with the learned columns appended under the
    /// same names and types, so its shape is the input's.
    /// </summary>
    /// <exception cref="ArgumentException">An option names a missing column, or a learned column is a vector or of an unsupported type.</exception>
    public static SchemaShape Check(SchemaShape inputSchema, IReadOnlyList<string> discreteColumns, IReadOnlyList<string> ignoreColumns, string synthesizer)
    {
        var names = inputSchema.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var (option, listed) in new[] { ("DiscreteColumns", discreteColumns), ("IgnoreColumns", ignoreColumns) })
        {
            foreach (string name in listed.Where(n => !names.Contains(n)))
                throw new ArgumentException($"{option} names column '{name}', which is not in the input. Columns: {string.Join(", ", names)}.", option);
        }
        foreach (var column in inputSchema.Where(c => !ignoreColumns.Contains(c.Name)))
        {
            if (column.Kind != SchemaShape.Column.VectorKind.Scalar)
                throw new ArgumentException($"Column '{column.Name}' is a vector; {synthesizer} learns scalar columns. Add it to IgnoreColumns.", nameof(inputSchema));
            if (!ColumnTypes.IsSupported(column.IsKey ? new KeyDataViewType(column.ItemType.RawType, 1) : column.ItemType))
                throw new ArgumentException($"Column '{column.Name}' has type {column.ItemType}, which {synthesizer} cannot learn. Add it to IgnoreColumns.", nameof(inputSchema));
        }
        return inputSchema;
    }
}
