using System.Globalization;
using System.Reflection;
using Parquet;
using Parquet.Schema;

namespace Microsoft.ML.Gan.Testing;

/// <summary>The rows of a Parquet file as the tests compare them: one string of each row's values, in file order.</summary>
internal static class ParquetRows
{
    private static readonly MethodInfo ReadValuesMethod = typeof(ParquetRows).GetMethod(nameof(ReadValues), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>Every row as its values joined by '|' (text as written, numbers and times in the invariant culture, null as empty).</summary>
    public static async Task<List<string>> Read(string path)
    {
        await using var reader = await ParquetReader.CreateAsync(path);
        var fields = reader.Schema.GetDataFields();
        var rows = new List<string>();
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            int count = checked((int)group.RowCount);
            var columns = new List<Array>();
            foreach (var field in fields)
                columns.Add(await ReadColumn(group, field, count));
            for (int r = 0; r < count; r++)
                rows.Add(string.Join('|', columns.Select(c => Convert.ToString(c.GetValue(r), CultureInfo.InvariantCulture))));
        }
        return rows;
    }

    private static async Task<Array> ReadColumn(ParquetRowGroupReader group, DataField field, int count)
    {
        // Parquet.Net 6 reports UTF-8 string fields as ReadOnlyMemory<char>; they read as strings.
        if (field.ClrType == typeof(string) || field.ClrType == typeof(ReadOnlyMemory<char>))
        {
            var text = new string[count];
            await group.ReadAsync(field, text);
            return text;
        }
        var type = Nullable.GetUnderlyingType(field.ClrType) ?? field.ClrType;
        return await (Task<Array>)ReadValuesMethod.MakeGenericMethod(type).Invoke(null, [group, field, count])!;
    }

    private static async Task<Array> ReadValues<T>(ParquetRowGroupReader group, DataField field, int count) where T : struct
    {
        var values = new T?[count];
        await group.ReadAsync<T>(field, values);
        return values;
    }
}
