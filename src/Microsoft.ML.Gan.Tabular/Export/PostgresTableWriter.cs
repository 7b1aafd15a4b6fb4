using Npgsql;
using NpgsqlTypes;

namespace Microsoft.ML.Gan.Tabular.Export;

/// <summary>
/// PostgreSQL through Npgsql, in one transaction: (drop,) create table, binary COPY of every row, insert the summary
/// row into <c>mlgan_exports</c>, commit; PostgreSQL's DDL is transactional, so a failure leaves no table. Types:
/// text, boolean, smallint (SByte, Byte, Int16), integer (UInt16, Int32), bigint (UInt32, Int64), numeric (UInt64),
/// real, double precision, timestamp without time zone; missing values NULL. The table goes to the connection's
/// current schema.
/// </summary>
internal sealed class PostgresTableWriter : ITableSink
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private readonly string _tableName;
    private NpgsqlBinaryImporter? _importer;

    public PostgresTableWriter(string connectionString, string tableName, bool overwrite)
    {
        _tableName = tableName;
        _connection = new NpgsqlConnection(connectionString);
        try
        {
            _connection.Open();
            _transaction = _connection.BeginTransaction();
            using var exists = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_tables WHERE schemaname = current_schema() AND tablename = @t)", _connection, _transaction);
            exists.Parameters.AddWithValue("t", tableName);
            if ((bool)exists.ExecuteScalar()!)
            {
                if (!overwrite)
                    throw new IOException($"Table '{tableName}' already exists in the PostgreSQL database; it is replaced only when overwriting is asked for.");
                Execute($"DROP TABLE {SqlNames.Quote(tableName)}");
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public void Write(ExportTable table, RowProgress progress)
    {
        var columns = table.Columns;
        if (_importer is null)
        {
            string quoted = SqlNames.Quote(_tableName);
            Execute($"CREATE TABLE {quoted} ({string.Join(", ", columns.Select(c => $"{SqlNames.Quote(c.Name)} {SqlType(c.ClrType)}"))})");
            _importer = _connection.BeginBinaryImport($"COPY {quoted} ({string.Join(", ", columns.Select(c => SqlNames.Quote(c.Name)))}) FROM STDIN (FORMAT BINARY)");
        }
        for (int r = 0; r < table.RowCount; r++)
        {
            _importer.StartRow();
            foreach (var column in columns)
                WriteValue(_importer, column[r]);
            progress.Row();
        }
    }

    public void Commit(ExportSummary summary)
    {
        _importer?.Complete();
        _importer?.Dispose();
        _importer = null;
        Execute($"CREATE TABLE IF NOT EXISTS {SqlNames.SummaryTable} (table_name text NOT NULL, exported_at timestamptz NOT NULL DEFAULT now(), summary jsonb NOT NULL)");
        using (var row = new NpgsqlCommand($"INSERT INTO {SqlNames.SummaryTable} (table_name, summary) VALUES (@t, @s)", _connection, _transaction))
        {
            row.Parameters.AddWithValue("t", _tableName);
            row.Parameters.AddWithValue("s", NpgsqlDbType.Jsonb, summary.ToJson());
            row.ExecuteNonQuery();
        }
        _transaction.Commit();
    }

    /// <summary>Ends an unfinished COPY without committing it and rolls the transaction back.</summary>
    public void Dispose()
    {
        _importer?.Dispose();
        _transaction?.Dispose();
        _connection.Dispose();
    }

    private void Execute(string sql)
    {
        using var command = new NpgsqlCommand(sql, _connection, _transaction);
        command.ExecuteNonQuery();
    }

    private static string SqlType(Type t) =>
        t == typeof(string) ? "text"
        : t == typeof(bool) ? "boolean"
        : t == typeof(sbyte) || t == typeof(byte) || t == typeof(short) ? "smallint"
        : t == typeof(ushort) || t == typeof(int) ? "integer"
        : t == typeof(uint) || t == typeof(long) ? "bigint"
        : t == typeof(ulong) ? "numeric(20, 0)"
        : t == typeof(float) ? "real"
        : t == typeof(double) ? "double precision"
        : t == typeof(DateTime) ? "timestamp without time zone"
        : throw new NotSupportedException($"Type {t.Name} has no PostgreSQL mapping.");

    private static void WriteValue(NpgsqlBinaryImporter importer, object? value)
    {
        switch (value)
        {
            case null: importer.WriteNull(); break;
            case string s: importer.Write(s, NpgsqlDbType.Text); break;
            case bool b: importer.Write(b, NpgsqlDbType.Boolean); break;
            case sbyte v: importer.Write((short)v, NpgsqlDbType.Smallint); break;
            case byte v: importer.Write((short)v, NpgsqlDbType.Smallint); break;
            case short v: importer.Write(v, NpgsqlDbType.Smallint); break;
            case ushort v: importer.Write((int)v, NpgsqlDbType.Integer); break;
            case int v: importer.Write(v, NpgsqlDbType.Integer); break;
            case uint v: importer.Write((long)v, NpgsqlDbType.Bigint); break;
            case long v: importer.Write(v, NpgsqlDbType.Bigint); break;
            case ulong v: importer.Write((decimal)v, NpgsqlDbType.Numeric); break;
            case float v: importer.Write(v, NpgsqlDbType.Real); break;
            case double v: importer.Write(v, NpgsqlDbType.Double); break;
            case DateTime v: importer.Write(DateTime.SpecifyKind(v, DateTimeKind.Unspecified), NpgsqlDbType.Timestamp); break;
            default: throw new NotSupportedException($"Value of type {value.GetType().Name} has no PostgreSQL mapping.");
        }
    }
}
