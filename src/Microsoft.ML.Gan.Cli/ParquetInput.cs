using Microsoft.Data.Analysis;
using Parquet;
using Parquet.Schema;

namespace Microsoft.ML.Gan.Cli;

/// <summary>
/// Loads a Parquet file into an IDataView (through a DataFrame): numeric fields become Single (null → NaN), booleans
/// Boolean, text String, timestamps DateTime. Nested or list fields are rejected with their name.
/// </summary>
internal static class ParquetInput
{
    public static IDataView Load(string path) => LoadAsync(path).GetAwaiter().GetResult();

    private static async Task<IDataView> LoadAsync(string path)
    {
        await using var stream = File.OpenRead(path);
        await using var reader = await ParquetReader.CreateAsync(stream);
        var fields = reader.Schema.GetDataFields();
        if (fields.Length != reader.Schema.Fields.Count)
            throw new ArgumentException($"'{path}' has nested or list fields; mlgan reads flat tables only.");
        var columns = new List<DataFrameColumn>();
        foreach (var field in fields)
            columns.Add(await ReadColumnAsync(reader, field, path));
        return new DataFrame(columns);
    }

    private static async Task<DataFrameColumn> ReadColumnAsync(ParquetReader reader, DataField field, string path)
    {
        Type type = field.ClrType;
        if (type == typeof(ReadOnlyMemory<char>) || type == typeof(string))
        {
            var values = new List<string?>();
            await ForEachGroupAsync(reader, async (group, rows) =>
            {
                var buffer = new string[rows];
                await group.ReadAsync(field, buffer);
                values.AddRange(buffer);
            });
            return new StringDataFrameColumn(field.Name, values);
        }
        if (type == typeof(bool))
            return new BooleanDataFrameColumn(field.Name, await ReadValuesAsync<bool>(reader, field));
        if (type == typeof(DateTime))
            return new DateTimeDataFrameColumn(field.Name, await ReadValuesAsync<DateTime>(reader, field));
        if (type == typeof(double))
            return Floats(field.Name, (await ReadValuesAsync<double>(reader, field)).Select(v => v is double d ? (float)d : float.NaN));
        if (type == typeof(float))
            return Floats(field.Name, (await ReadValuesAsync<float>(reader, field)).Select(v => v ?? float.NaN));
        if (type == typeof(long))
            return Floats(field.Name, (await ReadValuesAsync<long>(reader, field)).Select(v => v is long l ? l : float.NaN));
        if (type == typeof(int))
            return Floats(field.Name, (await ReadValuesAsync<int>(reader, field)).Select(v => v is int i ? i : float.NaN));
        if (type == typeof(short))
            return Floats(field.Name, (await ReadValuesAsync<short>(reader, field)).Select(v => v is short s ? s : float.NaN));
        throw new ArgumentException($"Column '{field.Name}' of '{path}' has Parquet type {type.Name}, which mlgan does not read.");
    }

    private static SingleDataFrameColumn Floats(string name, IEnumerable<float> values) => new(name, values);

    private static async Task<List<T?>> ReadValuesAsync<T>(ParquetReader reader, DataField field) where T : struct
    {
        var values = new List<T?>();
        await ForEachGroupAsync(reader, async (group, rows) =>
        {
            var buffer = new T?[rows];
            await group.ReadAsync<T>(field, buffer);
            values.AddRange(buffer);
        });
        return values;
    }

    private static async Task ForEachGroupAsync(ParquetReader reader, Func<ParquetRowGroupReader, int, Task> read)
    {
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            await read(group, checked((int)group.RowCount));
        }
    }
}
