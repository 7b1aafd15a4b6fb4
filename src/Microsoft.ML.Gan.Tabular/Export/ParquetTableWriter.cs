using Parquet;
using Parquet.Schema;

namespace Microsoft.ML.Gan.Tabular.Export;

/// <summary>
/// Parquet through Parquet.Net: one optional (nullable) field per column with the column's own type (text as UTF-8
/// strings, every ML.NET number type as itself, DateTime as a timestamp in microseconds), one row group per batch of
/// at most <see cref="RowGroupSize"/> rows.
/// </summary>
internal sealed class ParquetTableWriter(string path, bool overwrite) : FileTableSink(path, overwrite)
{
    public const int RowGroupSize = 100_000;

    private ParquetWriter? _writer;
    private DataField[] _fields = [];

    protected override void Start(ExportTable layout)
    {
        _fields = [.. layout.Columns.Select(Field)];
        _writer = ParquetWriter.CreateAsync(new ParquetSchema(_fields), Stream).GetAwaiter().GetResult();
    }

    protected override void WriteRows(ExportTable table, RowProgress progress) =>
        WriteRowsAsync(table, progress).GetAwaiter().GetResult();

    protected override void Finish()
    {
        _writer!.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _writer = null;
    }

    protected override void DisposeWriter() => _writer?.DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async Task WriteRowsAsync(ExportTable table, RowProgress progress)
    {
        for (int start = 0; start < table.RowCount; start += RowGroupSize)
        {
            progress.CancellationToken.ThrowIfCancellationRequested();
            int count = Math.Min(RowGroupSize, table.RowCount - start);
            using (var group = _writer!.CreateRowGroup())
            {
                for (int c = 0; c < _fields.Length; c++)
                    await WriteColumn(group, _fields[c], table.Columns[c], start, count, progress.CancellationToken).ConfigureAwait(false);
            }
            for (int r = 0; r < count; r++)
                progress.Row();
        }
    }

    private static DataField Field(ExportColumn column)
    {
        if (column.ClrType == typeof(string))
            return new DataField<string>(column.Name, nullable: true);
        if (column.ClrType == typeof(DateTime))
            return new DateTimeDataField(column.Name, DateTimeFormat.Timestamp, isAdjustedToUTC: false, unit: DateTimeTimeUnit.Micros, isNullable: true);
        return new DataField(column.Name, column.ClrType, isNullable: true);
    }

    private static Task WriteColumn(ParquetRowGroupWriter group, DataField field, ExportColumn column, int start, int count, CancellationToken cancellationToken)
    {
        Type t = column.ClrType;
        if (t == typeof(string)) return group.WriteAsync(field, new ArraySegment<string?>((string?[])column.Values, start, count)!);
        if (t == typeof(bool)) return Nullable<bool>(group, field, column, start, count, cancellationToken);
        if (t == typeof(float)) return Nullable<float>(group, field, column, start, count, cancellationToken);
        if (t == typeof(double)) return Nullable<double>(group, field, column, start, count, cancellationToken);
        if (t == typeof(sbyte)) return Nullable<sbyte>(group, field, column, start, count, cancellationToken);
        if (t == typeof(byte)) return Nullable<byte>(group, field, column, start, count, cancellationToken);
        if (t == typeof(short)) return Nullable<short>(group, field, column, start, count, cancellationToken);
        if (t == typeof(ushort)) return Nullable<ushort>(group, field, column, start, count, cancellationToken);
        if (t == typeof(int)) return Nullable<int>(group, field, column, start, count, cancellationToken);
        if (t == typeof(uint)) return Nullable<uint>(group, field, column, start, count, cancellationToken);
        if (t == typeof(long)) return Nullable<long>(group, field, column, start, count, cancellationToken);
        if (t == typeof(ulong)) return Nullable<ulong>(group, field, column, start, count, cancellationToken);
        if (t == typeof(DateTime)) return Nullable<DateTime>(group, field, column, start, count, cancellationToken);
        throw new NotSupportedException($"Column '{column.Name}' has type {t.Name}, which the Parquet writer does not support.");
    }

    private static Task Nullable<T>(ParquetRowGroupWriter group, DataField field, ExportColumn column, int start, int count, CancellationToken cancellationToken)
        where T : struct =>
        group.WriteAsync<T>(field, new ReadOnlyMemory<T?>((T?[])column.Values, start, count), cancellationToken: cancellationToken);
}
