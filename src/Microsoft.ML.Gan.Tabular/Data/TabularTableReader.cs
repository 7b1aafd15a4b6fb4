namespace Microsoft.ML.Gan.Tabular.Data;

/// <summary>Reads every kept column of an <see cref="IDataView"/> in one pass of one cursor.</summary>
internal static class TabularTableReader
{
    public static TabularTable Read(IDataView data, TabularReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        var visible = data.Schema.Where(c => !c.IsHidden).ToList();
        var names = visible.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        CheckNamesExist(options.DiscreteColumns, nameof(TabularReadOptions.DiscreteColumns), names, visible);
        CheckNamesExist(options.IgnoreColumns, nameof(TabularReadOptions.IgnoreColumns), names, visible);
        var ignored = options.IgnoreColumns.ToHashSet(StringComparer.Ordinal);
        var discrete = options.DiscreteColumns.ToHashSet(StringComparer.Ordinal);
        foreach (string name in discrete)
        {
            if (ignored.Contains(name))
                throw new ArgumentException($"Column '{name}' is named in both DiscreteColumns and IgnoreColumns; name it in one of them.", nameof(options));
        }

        var kept = visible.Where(c => !ignored.Contains(c.Name)).ToList();
        foreach (var column in kept)
            CheckType(column);
        if (kept.Count == 0)
            throw new ArgumentException("The data has no columns left to read once IgnoreColumns are removed.", nameof(data));

        if (data is TabularDataView view && Shared(view.Table, kept, discrete) is { } shared)
            return shared;
        int capacity = (int)Math.Min(data.GetRowCount() ?? 1024, Array.MaxLength);
        using var cursor = data.GetRowCursor(kept);
        var readers = kept
            .Select(c => ColumnReader.Create(cursor, c, ColumnTypes.IsAlwaysDiscrete(c.Type) || discrete.Contains(c.Name), capacity))
            .ToArray();
        while (cursor.MoveNext())
        {
            foreach (var reader in readers)
                reader.ReadRow();
        }
        return new TabularTable(readers.Select(r => r.ToColumn()));
    }

    /// <summary>
    /// The kept columns of a view's own table, shared rather than read again, when reading them through a cursor would
    /// give the same columns: continuous columns of Double or DateTime type that stay continuous, and discrete columns
    /// whose categories are all used and listed in order of first appearance (the order a cursor read gives). Else null.
    /// </summary>
    private static TabularTable? Shared(TabularTable table, List<DataViewSchema.Column> kept, HashSet<string> discrete)
    {
        var columns = kept.Select(c => table[c.Name]).ToArray();
        foreach (var column in columns)
        {
            bool same = column switch
            {
                ContinuousColumn => !discrete.Contains(column.Name) && (column.Type is DateTimeDataViewType || column.Type.RawType == typeof(double)),
                DiscreteColumn categories => InAppearanceOrder(categories),
                _ => false,
            };
            if (!same)
                return null;
        }
        return columns.Length == table.Columns.Count ? table : new TabularTable(columns);
    }

    private static bool InAppearanceOrder(DiscreteColumn column)
    {
        int next = 0;
        foreach (int code in column.Codes)
        {
            if (code == next)
                next++;
            else if (code > next)
                return false;
        }
        return next == column.Categories.Count;
    }

    private static void CheckNamesExist(IReadOnlyList<string> listed, string optionName, HashSet<string> names, List<DataViewSchema.Column> columns)
    {
        ArgumentNullException.ThrowIfNull(listed, optionName);
        foreach (string name in listed)
        {
            if (!names.Contains(name))
                throw new ArgumentException(
                    $"{optionName} names column '{name}', which is not in the data. Columns: {string.Join(", ", columns.Select(c => c.Name))}.", optionName);
        }
    }

    private static void CheckType(DataViewSchema.Column column)
    {
        if (column.Type is VectorDataViewType vector)
            throw new ArgumentException(
                $"Column '{column.Name}' is a vector column ({vector}); only scalar columns can be read. Add it to IgnoreColumns, or split it into scalar columns first.",
                nameof(column));
        if (!ColumnTypes.IsSupported(column.Type))
            throw new ArgumentException(
                $"Column '{column.Name}' has type {column.Type}, which is not supported (supported: {ColumnTypes.SupportedTypes}). Add it to IgnoreColumns.",
                nameof(column));
    }
}
