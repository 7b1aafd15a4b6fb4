namespace Microsoft.ML.Gan.Tabular.Data;

/// <summary>The schema checks and table reading shared by the tabular synthesizers' estimators.</summary>
internal static class SynthesizerSchema
{
    /// <summary>Reads the columns a synthesizer learns from <paramref name="input"/>.</summary>
    /// <exception cref="ArgumentException">The table has fewer than <paramref name="minimumRows"/> rows, or a column cannot be read.</exception>
    public static TabularTable ReadTable(IDataView input, IReadOnlyList<string> discreteColumns, IReadOnlyList<string> ignoreColumns,
        string synthesizer, int minimumRows)
    {
        ArgumentNullException.ThrowIfNull(input);
        var table = TabularTable.FromDataView(input, new TabularReadOptions { DiscreteColumns = discreteColumns, IgnoreColumns = ignoreColumns });
        if (table.RowCount < minimumRows)
            throw new ArgumentException(table.RowCount == 0
                ? $"The training data has no rows; {synthesizer} needs data to learn from."
                : $"The training data has {table.RowCount} rows; {synthesizer} needs at least {minimumRows} to learn from.", nameof(input));
        return table;
    }

    /// <summary>Fits the data transformer (mode-specific or quantile encoding of the continuous columns) and checks that something is left to learn.</summary>
    /// <exception cref="ArgumentException">Every column is constant.</exception>
    public static DataTransformer FitTransformer(TabularTable table, DataTransformerOptions options, ContinuousEncoding encoding = ContinuousEncoding.ModeSpecific)
    {
        var transformer = DataTransformer.Fit(table, options, encoding);
        if (transformer.OutputDimension == 0)
            throw new ArgumentException(
                $"Every column of the training data is constant ({string.Join(", ", transformer.ColumnNames)}); there is nothing to learn.", "input");
        return transformer;
    }

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
