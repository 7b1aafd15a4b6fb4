using Microsoft.ML.Gan.Tabular.Data;

namespace Microsoft.ML.Gan.Tabular.Ctgan;

/// <summary>Stacks decoded tables of the same layout (from one transformer) and keeps the first rows.</summary>
internal static class TableConcatenation
{
    public static TabularTable Concat(IReadOnlyList<TabularTable> parts, int rows)
    {
        var first = parts[0];
        var columns = new TabularColumn[first.Columns.Count];
        for (int c = 0; c < columns.Length; c++)
        {
            columns[c] = first.Columns[c] switch
            {
                ContinuousColumn continuous => new ContinuousColumn(continuous.Name, continuous.Type,
                    Stack(parts, rows, t => ((ContinuousColumn)t.Columns[c]).Values)),
                DiscreteColumn discrete => new DiscreteColumn(discrete.Name, discrete.Type,
                    Stack(parts, rows, t => ((DiscreteColumn)t.Columns[c]).Codes), discrete.Categories, discrete.KeyValues),
                var other => throw new NotSupportedException($"Column kind {other.GetType().Name} is not supported."),
            };
        }
        return new TabularTable(columns);
    }

    private delegate ReadOnlySpan<T> Values<T>(TabularTable table);

    private static T[] Stack<T>(IReadOnlyList<TabularTable> parts, int rows, Values<T> values)
    {
        var result = new T[rows];
        int offset = 0;
        foreach (var part in parts)
        {
            var source = values(part);
            int count = Math.Min(source.Length, rows - offset);
            source[..count].CopyTo(result.AsSpan(offset));
            offset += count;
            if (offset == rows)
                break;
        }
        return result;
    }
}
