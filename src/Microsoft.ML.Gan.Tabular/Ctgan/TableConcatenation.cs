namespace Microsoft.ML.Gan.Tabular.Ctgan;

/// <summary>Stacks decoded tables of the same layout (from one transformer) and keeps a range of their rows.</summary>
internal static class TableConcatenation
{
    /// <summary>Rows [<paramref name="skip"/>, <paramref name="skip"/> + <paramref name="rows"/>) of the stacked parts.</summary>
    public static TabularTable Concat(IReadOnlyList<TabularTable> parts, int skip, int rows)
    {
        var first = parts[0];
        if (parts.Count == 1 && skip == 0 && first.RowCount == rows)
            return first;
        var columns = new TabularColumn[first.Columns.Count];
        for (int c = 0; c < columns.Length; c++)
        {
            columns[c] = first.Columns[c] switch
            {
                ContinuousColumn continuous => new ContinuousColumn(continuous.Name, continuous.Type,
                    Stack(parts, skip, rows, t => ((ContinuousColumn)t.Columns[c]).Values)),
                DiscreteColumn discrete => new DiscreteColumn(discrete.Name, discrete.Type,
                    Stack(parts, skip, rows, t => ((DiscreteColumn)t.Columns[c]).Codes), discrete.Categories, discrete.KeyValues),
                var other => throw new NotSupportedException($"Column kind {other.GetType().Name} is not supported."),
            };
        }
        return new TabularTable(columns);
    }

    private delegate ReadOnlySpan<T> Values<T>(TabularTable table);

    private static T[] Stack<T>(IReadOnlyList<TabularTable> parts, int skip, int rows, Values<T> values)
    {
        var result = new T[rows];
        int offset = 0;
        foreach (var part in parts)
        {
            var source = values(part);
            int from = Math.Min(skip, source.Length);
            skip -= from;
            int count = Math.Min(source.Length - from, rows - offset);
            source.Slice(from, count).CopyTo(result.AsSpan(offset));
            offset += count;
            if (offset == rows)
                break;
        }
        return result;
    }
}
