using System.Globalization;
using Microsoft.ML.Data;

namespace Microsoft.ML.Gan.Tabular.Data;

/// <summary>
/// Gives a sampled table the columns of the file it imitates: fresh identifiers for identifier columns marked
/// <see cref="ColumnMetadata.Generate"/> (prefix + a six-digit row number, so they never equal a real identifier), and
/// date/time columns written back as text in their file's format. Columns come in the file's order.
/// </summary>
internal static class SyntheticCompletion
{
    public static IDataView Complete(TabularMetadata metadata, IDataView synthetic, bool formatDateTimes)
    {
        ArgumentNullException.ThrowIfNull(synthetic);
        var table = TabularTable.FromDataView(synthetic);
        var columns = new List<TabularColumn>();
        foreach (var described in metadata.Columns)
        {
            int index = table.IndexOf(described.Name);
            if (described is { Role: ColumnRole.Identifier, Generate: true })
            {
                if (index >= 0)
                    throw new InvalidDataException($"The sampled table already has a column '{described.Name}', which the metadata marks as a generated identifier.");
                columns.Add(Identifiers(described, table.RowCount));
            }
            else if (index >= 0)
            {
                var column = table.Columns[index];
                columns.Add(formatDateTimes && described is { Role: ColumnRole.DateTime, DateTimeFormat: { } format } && column is ContinuousColumn instants
                    ? Formatted(instants, format)
                    : column);
            }
        }
        columns.AddRange(table.Columns.Where(c => metadata.Find(c.Name) is null));
        return new TabularTable(columns).ToDataView();
    }

    private static DiscreteColumn Identifiers(ColumnMetadata column, int rows)
    {
        string prefix = string.IsNullOrEmpty(column.IdentifierPrefix)
            ? throw new InvalidDataException($"Identifier column '{column.Name}' is to be generated but has no identifier prefix; read the real table with the metadata (or run inspect) to choose one.")
            : column.IdentifierPrefix;
        var values = new object[rows];
        for (int r = 0; r < rows; r++)
            values[r] = prefix + (r + 1).ToString("D6", CultureInfo.InvariantCulture);
        return new DiscreteColumn(column.Name, TextDataViewType.Instance, [.. Enumerable.Range(0, rows)], values);
    }

    private static DiscreteColumn Formatted(ContinuousColumn instants, string format)
    {
        double[] ticks = instants.Values.ToArray();
        return TextColumns.Build(instants.Name, ticks.Length, r => double.IsNaN(ticks[r]) ? ""
            : CellParser.FormatDateTime((long)Math.Clamp(Math.Round(ticks[r]), DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks), format));
    }
}
