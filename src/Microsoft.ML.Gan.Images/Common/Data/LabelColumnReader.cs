using System.Globalization;

namespace Microsoft.ML.Gan.Images.Data;

/// <summary>
/// Reads the optional label column as 0-based class indices: a key column (key k → class k − 1, the class count is
/// the key count) or an integer/Single scalar holding 0..ClassCount − 1.
/// </summary>
internal static class LabelColumnReader
{
    public static DataViewSchema.Column? Find(DataViewSchema schema, ImageColumnOptions options)
    {
        if (options.LabelColumnToRead is not { } name)
            return null;
        var column = schema.GetColumnOrNull(name) ?? throw new ArgumentOutOfRangeException(nameof(ImageGanOptions.LabelColumnName),
            $"Column '{name}' (LabelColumnName) is not in the input; it has: {string.Join(", ", schema.Where(c => !c.IsHidden).Select(c => c.Name))}.");
        CheckType(name, column.Type);
        return column;
    }

    public static void CheckType(string name, DataViewType type)
    {
        bool ok = type is KeyDataViewType || type == NumberDataViewType.Single || type == NumberDataViewType.Int32
            || type == NumberDataViewType.UInt32 || type == NumberDataViewType.Byte || type == NumberDataViewType.Int64;
        if (!ok)
            throw new ArgumentOutOfRangeException(nameof(ImageGanOptions.LabelColumnName),
                $"Column '{name}' (LabelColumnName) has type {type}; expected a key (MapValueToKey) or an integer/Single class index.");
    }

    public static Func<int> CreateGetter(DataViewRowCursor cursor, DataViewSchema.Column column, ImageColumnOptions options)
    {
        string name = column.Name;
        int? declared = column.Type is KeyDataViewType key ? (int)key.Count : options.DeclaredClassCount;
        Func<double> raw = column.Type switch
        {
            KeyDataViewType => Widen<uint>(cursor, column, v => v == 0 ? double.NaN : v - 1.0),
            _ when column.Type == NumberDataViewType.Single => Widen<float>(cursor, column, v => v),
            _ when column.Type == NumberDataViewType.Int32 => Widen<int>(cursor, column, v => v),
            _ when column.Type == NumberDataViewType.UInt32 => Widen<uint>(cursor, column, v => v),
            _ when column.Type == NumberDataViewType.Int64 => Widen<long>(cursor, column, v => v),
            _ => Widen<byte>(cursor, column, v => v),
        };
        return () =>
        {
            double value = raw();
            if (double.IsNaN(value) || value < 0 || value != Math.Floor(value) || (declared is int count && value >= count))
                throw new ArgumentOutOfRangeException(nameof(ImageGanOptions.LabelColumnName),
                    $"Column '{name}' (LabelColumnName) has label {(double.IsNaN(value) ? "missing" : value.ToString(CultureInfo.InvariantCulture))} in row {cursor.Position}; " +
                    (declared is int c ? $"expected a class index in [0, {c})." : "expected a non-negative whole number."));
            return (int)value;
        };
    }

    public static int ClassCount(DataViewSchema.Column column, List<int> labels, ImageColumnOptions options) =>
        column.Type is KeyDataViewType key ? (int)key.Count : options.DeclaredClassCount ?? (labels.Count == 0 ? 1 : labels.Max() + 1);

    private static Func<double> Widen<T>(DataViewRow row, DataViewSchema.Column column, Func<T, double> widen)
    {
        var getter = row.GetGetter<T>(column);
        T value = default!;
        return () =>
        {
            getter(ref value);
            return widen(value);
        };
    }
}
