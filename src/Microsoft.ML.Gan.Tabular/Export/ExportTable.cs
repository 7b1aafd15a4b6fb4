using System.Reflection;

namespace Microsoft.ML.Gan.Tabular.Export;

/// <summary>
/// A table ready for writing: per column one CLR type and a typed array of its values, null where missing
/// (<c>string?[]</c> for text, <c>T?[]</c> for every other type). Numbers keep their ML.NET raw type (NaN becomes
/// null), text stays text (the empty string included), DateTime stays DateTime, and a key column becomes its KeyValues
/// text when it has names, else its raw number (key 0, missing, becomes null).
/// </summary>
internal sealed class ExportTable
{
    private static readonly MethodInfo NullableMethod = typeof(ExportTable).GetMethod(nameof(ToNullable), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo ExpandMethod = typeof(ExportTable).GetMethod(nameof(Expand), BindingFlags.NonPublic | BindingFlags.Static)!;

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
                Type clrType = typed.GetType().GetElementType()!;
                return new ExportColumn(column.Name, clrType, (Array)NullableMethod.MakeGenericMethod(clrType).Invoke(null, [typed])!);
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
                Type element = clrType == typeof(string) ? typeof(string) : typeof(Nullable<>).MakeGenericType(clrType);
                var values = (Array)ExpandMethod.MakeGenericMethod(element).Invoke(null, [discrete.Codes.ToArray(), categories])!;
                return new ExportColumn(column.Name, clrType, values);
            }
            default:
                throw new NotSupportedException($"Column kind {column.GetType().Name} is not supported.");
        }
    }

    /// <summary>The values with NaN (the missing Single or Double) as null; the type tests fold away per T.</summary>
    private static T?[] ToNullable<T>(T[] values) where T : struct
    {
        var result = new T?[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            bool missing = typeof(T) == typeof(float) ? float.IsNaN((float)(object)values[i])
                : typeof(T) == typeof(double) && double.IsNaN((double)(object)values[i]);
            result[i] = missing ? null : values[i];
        }
        return result;
    }

    private static T[] Expand<T>(int[] codes, object?[] categories)
    {
        var typed = new T[categories.Length];
        for (int c = 0; c < typed.Length; c++)
            typed[c] = (T)categories[c]!;
        var values = new T[codes.Length];
        for (int i = 0; i < values.Length; i++)
            values[i] = typed[codes[i]];
        return values;
    }

    private static object? Present(object? value) => value switch
    {
        float f when float.IsNaN(f) => null,
        double d when double.IsNaN(d) => null,
        _ => value,
    };
}

/// <summary>One column to write: its name, CLR type and values (<c>string?[]</c> or <c>T?[]</c>, null = missing).</summary>
internal sealed record ExportColumn(string Name, Type ClrType, Array Values)
{
    /// <summary>The value of a row, boxed; null when missing.</summary>
    public object? this[int row] => Values.GetValue(row);
}
