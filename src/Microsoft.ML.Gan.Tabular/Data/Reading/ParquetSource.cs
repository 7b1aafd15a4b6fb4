using Parquet;
using Parquet.Schema;

namespace Microsoft.ML.Gan.Tabular.Data;

/// <summary>
/// Reads a flat Parquet file with Parquet.Net into typed columns: numbers (null → missing), timestamps, text and
/// Booleans (as the text true/false). Nested or list fields and other types are errors naming the field; a file that
/// Parquet.Net cannot read is an error naming the file.
/// </summary>
internal static class ParquetSource
{
    public static SourceTable Read(string path)
    {
        try
        {
            return ReadAsync(path).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is not (InvalidDataException or OutOfMemoryException or OperationCanceledException))
        {
            throw new InvalidDataException($"'{path}' is not a readable Parquet file: {e.Message}");
        }
    }

    private static async Task<SourceTable> ReadAsync(string path)
    {
        await using var stream = File.OpenRead(path);
        await using var reader = await ParquetReader.CreateAsync(stream);
        var fields = reader.Schema.GetDataFields();
        if (fields.Length != reader.Schema.Fields.Count)
            throw new InvalidDataException($"'{path}' has nested or list fields; only flat tables are read.");
        var columns = new List<SourceColumn>();
        foreach (var field in fields)
            columns.Add(await ReadColumnAsync(reader, field, path));
        int rows = columns.Count == 0 ? 0 : columns[0].Length;
        if (rows == 0)
            throw new InvalidDataException($"'{path}' has no rows.");
        return new SourceTable(path, columns, rows, r => $"row {r + 1}", null);
    }

    private static async Task<SourceColumn> ReadColumnAsync(ParquetReader reader, DataField field, string path)
    {
        Type type = field.ClrType;
        if (type == typeof(string) || type == typeof(ReadOnlyMemory<char>))
            return SourceColumn.TypedText(field.Name, [.. await ReadTextAsync(reader, field)]);
        if (type == typeof(bool))
            return SourceColumn.TypedText(field.Name, [.. (await ReadValuesAsync<bool>(reader, field)).Select(b => b is bool v ? (v ? "true" : "false") : null)]);
        if (type == typeof(DateTime))
            return Numbers(field, await ReadValuesAsync<DateTime>(reader, field), d => d.Ticks, ColumnValueKind.DateTime);
        if (type == typeof(double)) return Numbers(field, await ReadValuesAsync<double>(reader, field), v => v);
        if (type == typeof(float)) return Numbers(field, await ReadValuesAsync<float>(reader, field), v => v);
        if (type == typeof(long)) return Numbers(field, await ReadValuesAsync<long>(reader, field), v => v);
        if (type == typeof(int)) return Numbers(field, await ReadValuesAsync<int>(reader, field), v => v);
        if (type == typeof(short)) return Numbers(field, await ReadValuesAsync<short>(reader, field), v => v);
        if (type == typeof(byte)) return Numbers(field, await ReadValuesAsync<byte>(reader, field), v => v);
        throw new InvalidDataException($"Column '{field.Name}' of '{path}' has Parquet type {type.Name}, which is not read (numbers, text, Booleans and timestamps are).");
    }

    private static SourceColumn Numbers<T>(DataField field, List<T?> values, Func<T, double> convert, ColumnValueKind kind = ColumnValueKind.Number)
        where T : struct =>
        SourceColumn.TypedNumbers(field.Name, [.. values.Select(v => v is T value ? convert(value) : double.NaN)], kind);

    private static async Task<List<T?>> ReadValuesAsync<T>(ParquetReader reader, DataField field) where T : struct
    {
        var values = new List<T?>();
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var buffer = new T?[checked((int)group.RowCount)];
            await group.ReadAsync<T>(field, buffer);
            values.AddRange(buffer);
        }
        return values;
    }

    private static async Task<List<string?>> ReadTextAsync(ParquetReader reader, DataField field)
    {
        var values = new List<string?>();
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var buffer = new string?[checked((int)group.RowCount)];
            await group.ReadAsync(field, buffer!);
            values.AddRange(buffer);
        }
        return values;
    }
}
