using Microsoft.Data.Sqlite;

namespace Microsoft.ML.Gan.Tabular.Export;

/// <summary>
/// SQLite through Microsoft.Data.Sqlite, in one transaction: (drop,) create table, insert every row, insert the
/// summary row into <c>mlgan_exports</c>, commit. Types: text TEXT, Boolean INTEGER 0/1, integers INTEGER (UInt64 as
/// TEXT, since SQLite integers are signed 64-bit), Single/Double REAL, DateTime TEXT "yyyy-MM-dd HH:mm:ss.fffffff";
/// missing values NULL. A new database file is built as a temporary file beside the target and renamed into place
/// on commit, so an interrupted export never leaves a half-created database; an existing one only ever sees the
/// committed transaction.
/// </summary>
internal sealed class SqliteTableWriter : ITableSink
{
    private readonly AtomicFile? _newFile;
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly string _tableName;
    private SqliteCommand? _insert;
    private SqliteParameter[] _parameters = [];

    public SqliteTableWriter(string databasePath, string tableName, bool overwrite)
    {
        string path = Path.GetFullPath(databasePath);
        _tableName = tableName;
        if (!File.Exists(path))
        {
            _newFile = AtomicFile.Create(path, overwrite: false);
            _newFile.Stream.Dispose();
        }
        try
        {
            var builder = new SqliteConnectionStringBuilder { DataSource = _newFile?.TemporaryPath ?? path, Mode = SqliteOpenMode.ReadWrite, Pooling = false };
            _connection = new SqliteConnection(builder.ToString());
            _connection.Open();
            _transaction = _connection.BeginTransaction();
            if (Exists(_connection, tableName))
            {
                if (!overwrite)
                    throw new IOException($"Table '{tableName}' already exists in '{databasePath}'; it is replaced only when overwriting is asked for.");
                Execute(_connection, $"DROP TABLE {SqlNames.Quote(tableName)}");
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
        if (_insert is null)
        {
            string quoted = SqlNames.Quote(_tableName);
            Execute(_connection, $"CREATE TABLE {quoted} ({string.Join(", ", table.Columns.Select(c => $"{SqlNames.Quote(c.Name)} {SqlType(c.ClrType)}"))})");
            _insert = _connection.CreateCommand();
            _insert.CommandText = $"INSERT INTO {quoted} VALUES ({string.Join(", ", table.Columns.Select((_, i) => $"$p{i}"))})";
            _parameters = [.. table.Columns.Select((_, i) => _insert.Parameters.Add(new SqliteParameter($"$p{i}", null)))];
            _insert.Prepare();
        }
        for (int r = 0; r < table.RowCount; r++)
        {
            for (int c = 0; c < _parameters.Length; c++)
                _parameters[c].Value = Value(table.Columns[c][r]);
            _insert.ExecuteNonQuery();
            progress.Row();
        }
    }

    public void Commit(ExportSummary summary)
    {
        Execute(_connection, $"CREATE TABLE IF NOT EXISTS {SqlNames.SummaryTable} (table_name TEXT NOT NULL, exported_at TEXT NOT NULL, summary TEXT NOT NULL)");
        using (var row = _connection.CreateCommand())
        {
            row.CommandText = $"INSERT INTO {SqlNames.SummaryTable} (table_name, exported_at, summary) VALUES ($t, $at, $s)";
            row.Parameters.AddWithValue("$t", _tableName);
            row.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("o", CultureInfo.InvariantCulture));
            row.Parameters.AddWithValue("$s", summary.ToJson());
            row.ExecuteNonQuery();
        }
        _transaction.Commit();
        _insert?.Dispose();
        _connection.Close();
        _newFile?.Commit();
    }

    public void Dispose()
    {
        _insert?.Dispose();
        _transaction?.Dispose();
        _connection?.Dispose();
        _newFile?.Dispose();
    }

    private static bool Exists(SqliteConnection connection, string tableName)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = $name";
        command.Parameters.AddWithValue("$name", tableName);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string SqlType(Type t) =>
        t == typeof(string) || t == typeof(DateTime) || t == typeof(ulong) ? "TEXT"
        : t == typeof(float) || t == typeof(double) ? "REAL"
        : "INTEGER";

    private static object Value(object? value) => value switch
    {
        null => DBNull.Value,
        bool b => b ? 1L : 0L,
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss.fffffff", CultureInfo.InvariantCulture),
        ulong u => u.ToString(CultureInfo.InvariantCulture),
        float f => (double)f,
        sbyte or byte or short or ushort or int or uint => Convert.ToInt64(value, CultureInfo.InvariantCulture),
        _ => value,
    };
}
