using System.Globalization;
using Microsoft.ML.Data;
using Microsoft.ML.Gan.Tabular.Data;

namespace Microsoft.ML.Gan.Tabular.Export;

/// <summary>
/// A table ready for writing: per column one CLR type and one value per row, null where missing. Numbers keep their
/// ML.NET raw type (NaN becomes null), text stays text (the empty string included), DateTime stays DateTime, and a
/// key column becomes its KeyValues text when it has names, else its raw number (key 0, missing, becomes null).
/// </summary>
internal sealed class ExportTable
{
    private ExportTable(ExportColumn[] columns, int rowCount)
    {
        Columns = columns;
        RowCount = rowCount;
    }

    public IReadOnlyList<ExportColumn> Columns { get; }

    public int RowCount { get; }

    public static ExportTable From(TabularTable table) =>
        new([.. table.Columns.Select(Convert)], table.RowCount);

    private static ExportColumn Convert(TabularColumn column)
    {
        switch (column)
        {
            case ContinuousColumn continuous:
            {
                Array typed = ColumnTypes.ToTypedArray(column.Type, continuous.Values);
                return new ExportColumn(column.Name, typed.GetType().GetElementType()!, [.. typed.Cast<object>().Select(Present)]);
            }
            case DiscreteColumn discrete:
            {
                Type clrType;
                object?[] categories;
                if (discrete.Type is KeyDataViewType)
                {
                    var names = discrete.KeyValues;
                    clrType = names is null ? typeof(ulong) : typeof(string);
                    categories = [.. discrete.Categories.Select(c =>
                    {
                        ulong key = System.Convert.ToUInt64(c, CultureInfo.InvariantCulture);
                        return key == 0 ? null : names is null ? key : (object)names[(int)(key - 1)];
                    })];
                }
                else
                {
                    clrType = ColumnTypes.CategoryClrType(discrete.Type);
                    categories = [.. discrete.Categories.Select(Present)];
                }
                var codes = discrete.Codes;
                var values = new object?[codes.Length];
                for (int i = 0; i < values.Length; i++) values[i] = categories[codes[i]];
                return new ExportColumn(column.Name, clrType, values);
            }
            default:
                throw new NotSupportedException($"Column kind {column.GetType().Name} is not supported.");
        }
    }

    private static object? Present(object value) => value switch
    {
        float f when float.IsNaN(f) => null,
        double d when double.IsNaN(d) => null,
        _ => value,
    };
}

/// <summary>One column to write: its name, CLR type and values (null = missing).</summary>
internal sealed record ExportColumn(string Name, Type ClrType, object?[] Values);
