namespace Microsoft.ML.Gan.Tabular.Evaluation;

/// <summary>
/// Several tables with the same columns, recoded so that they can be compared value by value: continuous columns
/// keep their numbers (NaN = missing) and each discrete column gets one category list shared by all tables, the
/// reference table's categories first (in its order), then categories seen only in the other tables.
/// </summary>
internal sealed class AlignedTables
{
    private AlignedTables(AlignedSchema schema, AlignedTable[] tables)
    {
        Schema = schema;
        Tables = tables;
    }

    public AlignedSchema Schema { get; }

    /// <summary>The tables, in the order given to <see cref="Align"/>.</summary>
    public IReadOnlyList<AlignedTable> Tables { get; }

    /// <summary>Aligns <paramref name="others"/> to <paramref name="reference"/>; their names label them in errors.</summary>
    /// <exception cref="ArgumentException">A table lacks a column of the reference, has an extra one, or reads a column as the other kind.</exception>
    public static AlignedTables Align((string Name, TabularTable Table) reference, params (string Name, TabularTable Table)[] others)
    {
        var referenceColumns = reference.Table.Columns;
        foreach (var (name, table) in others)
        {
            foreach (var column in table.Columns)
            {
                if (reference.Table.IndexOf(column.Name) < 0)
                    throw new ArgumentException($"Column '{column.Name}' of the {name} data is not in the {reference.Name} data.", name);
            }
            foreach (var column in referenceColumns)
            {
                int index = table.IndexOf(column.Name);
                if (index < 0)
                    throw new ArgumentException($"Column '{column.Name}' of the {reference.Name} data is missing from the {name} data.", name);
                var other = table.Columns[index];
                if (other.GetType() != column.GetType())
                    throw new ArgumentException(
                        $"Column '{column.Name}' is {Kind(column)} ({column.Type}) in the {reference.Name} data but {Kind(other)} ({other.Type}) in the {name} data. " +
                        "Give both the same type, or name it in DiscreteColumns.", name);
            }
        }

        int columnCount = referenceColumns.Count;
        var all = new[] { reference.Table }.Concat(others.Select(o => o.Table)).ToArray();
        var categories = new IReadOnlyList<string>?[columnCount];
        var values = all.Select(_ => new double[]?[columnCount]).ToArray();
        var codes = all.Select(_ => new int[]?[columnCount]).ToArray();
        for (int c = 0; c < columnCount; c++)
        {
            string name = referenceColumns[c].Name;
            if (referenceColumns[c] is ContinuousColumn)
            {
                for (int t = 0; t < all.Length; t++)
                    values[t][c] = ((ContinuousColumn)all[t][name]).Values.ToArray();
                continue;
            }
            var codeOf = new Dictionary<object, int>();
            var labels = new List<string>();
            for (int t = 0; t < all.Length; t++)
            {
                var column = (DiscreteColumn)all[t][name];
                var map = new int[column.Categories.Count];
                for (int k = 0; k < map.Length; k++)
                {
                    object canonical = ColumnTypes.Canonical(column.Categories[k]);
                    if (!codeOf.TryGetValue(canonical, out int code))
                    {
                        code = labels.Count;
                        codeOf.Add(canonical, code);
                        labels.Add(Label(column, column.Categories[k]));
                    }
                    map[k] = code;
                }
                var source = column.Codes;
                var recoded = new int[source.Length];
                for (int i = 0; i < recoded.Length; i++)
                    recoded[i] = map[source[i]];
                codes[t][c] = recoded;
            }
            categories[c] = labels;
        }

        var schema = new AlignedSchema(
            [.. referenceColumns.Select(c => c.Name)],
            [.. referenceColumns.Select(c => c.Type)],
            categories);
        var tables = new AlignedTable[all.Length];
        for (int t = 0; t < all.Length; t++)
            tables[t] = new AlignedTable(schema, all[t].RowCount, values[t], codes[t]);
        return new AlignedTables(schema, tables);
    }

    private static string Kind(TabularColumn column) => column is DiscreteColumn ? "discrete" : "continuous";

    /// <summary>A readable name for a category: text as is, "(missing)" for the missing value, key names where known.</summary>
    private static string Label(DiscreteColumn column, object category)
    {
        switch (category)
        {
            case string s: return s.Length == 0 ? "(missing)" : s;
            case float f when float.IsNaN(f): return "(missing)";
            case double d when double.IsNaN(d): return "(missing)";
            case DateTime d: return d.ToString("o", CultureInfo.InvariantCulture);
        }
        if (column.Type is KeyDataViewType)
        {
            ulong key = Convert.ToUInt64(category, CultureInfo.InvariantCulture);
            if (key == 0) return "(missing)";
            if (column.KeyValues is { } names && key - 1 < (ulong)names.Count) return names[(int)(key - 1)];
        }
        return Convert.ToString(category, CultureInfo.InvariantCulture) ?? "";
    }
}

/// <summary>The shared column layout of aligned tables.</summary>
internal sealed class AlignedSchema(string[] names, DataViewType[] types, IReadOnlyList<string>?[] categories)
{
    /// <summary>Column names in the reference table's order.</summary>
    public IReadOnlyList<string> Names { get; } = names;

    /// <summary>Column types of the reference table.</summary>
    public IReadOnlyList<DataViewType> Types { get; } = types;

    /// <summary>Per column, the shared category labels of a discrete column, or null for a continuous column.</summary>
    public IReadOnlyList<IReadOnlyList<string>?> Categories { get; } = categories;

    public int ColumnCount => Names.Count;

    public bool IsDiscrete(int column) => Categories[column] is not null;

    public int IndexOf(string name)
    {
        for (int i = 0; i < Names.Count; i++)
        {
            if (string.Equals(Names[i], name, StringComparison.Ordinal))
                return i;
        }
        return -1;
    }
}

/// <summary>One aligned table: per column either numbers (continuous) or shared category codes (discrete).</summary>
internal sealed class AlignedTable(AlignedSchema schema, int rowCount, double[]?[] values, int[]?[] codes)
{
    public AlignedSchema Schema { get; } = schema;

    public int RowCount { get; } = rowCount;

    /// <summary>The numbers of a continuous column (NaN = missing).</summary>
    public double[] Values(int column) => values[column] ?? throw new InvalidOperationException($"Column '{Schema.Names[column]}' is discrete.");

    /// <summary>The shared category codes of a discrete column.</summary>
    public int[] Codes(int column) => codes[column] ?? throw new InvalidOperationException($"Column '{Schema.Names[column]}' is continuous.");

    /// <summary>The rows at <paramref name="rows"/>, in that order.</summary>
    public AlignedTable Subset(IReadOnlyList<int> rows)
    {
        var newValues = new double[]?[values.Length];
        var newCodes = new int[]?[codes.Length];
        for (int c = 0; c < values.Length; c++)
        {
            if (values[c] is { } v)
                newValues[c] = [.. rows.Select(r => v[r])];
            if (codes[c] is { } k)
                newCodes[c] = [.. rows.Select(r => k[r])];
        }
        return new AlignedTable(Schema, rows.Count, newValues, newCodes);
    }

    /// <summary>Per category of a discrete column, how many rows hold it.</summary>
    public int[] CategoryCounts(int column)
    {
        var counts = new int[Schema.Categories[column]!.Count];
        foreach (int code in Codes(column))
            counts[code]++;
        return counts;
    }
}
