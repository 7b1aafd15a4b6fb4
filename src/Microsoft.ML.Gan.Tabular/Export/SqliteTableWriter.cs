using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Microsoft.ML.Gan.Tabular.Export;

/// <summary>
/// SQLite through Microsoft.Data.Sqlite, in one transaction: (drop,) create table, insert every row, insert the
/// summary row into <c>mlgan_exports</c>, commit. Types: text TEXT, Boolean INTEGER 0/1, integers INTEGER (UInt64 as
/// TEXT, since SQLite integers are signed 64-bit), Single/Double REAL, DateTime TEXT "yyyy-MM-dd HH:mm:ss.fffffff";
/// missing values NULL. A database file this writer created is deleted again when the export fails.
/// </summary>
internal static class SqliteTableWriter
{
    public static void Write(ExportTable table, string databasePath, string tableName, bool overwrite, string summaryJson,
        Action<long> progress, int interval, CancellationToken cancellationToken)
    {
        string path = Path.GetFullPath(databasePath);
        bool existed = File.Exists(path);
        try
        {
            var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false };
            using var connection = new SqliteConnection(builder.ToString());
            connection.Open();
            using var transaction = connection.BeginTransaction();
            string quoted = SqlNames.Quote(tableName);
            if (Exists(connection, tableName))
            {
                if (!overwrite)
                    throw new IOException($"Table '{tableName}' already exists in '{databasePath}'. Set Overwrite to replace it.");
                Execute(connection, $"DROP TABLE {quoted}");
            }
            Execute(connection, $"CREATE TABLE {quoted} ({string.Join(", ", table.Columns.Select(c => $"{SqlNames.Quote(c.Name)} {SqlType(c.ClrType)}"))})");

            using var insert = connection.CreateCommand();
            insert.CommandText = $"INSERT INTO {quoted} VALUES ({string.Join(", ", table.Columns.Select((_, i) => $"$p{i}"))})";
            var parameters = table.Columns.Select((_, i) => insert.Parameters.Add(new SqliteParameter($"$p{i}", null))).ToArray();
            insert.Prepare();
            for (int r = 0; r < table.RowCount; r++)
            {
                for (int c = 0; c < parameters.Length; c++)
                    parameters[c].Value = Value(table.Columns[c].Values[r]);
                insert.ExecuteNonQuery();
                if ((r + 1) % interval == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    progress(r + 1);
                }
            }

            Execute(connection, $"CREATE TABLE IF NOT EXISTS {SqlNames.SummaryTable} (table_name TEXT NOT NULL, exported_at TEXT NOT NULL, summary TEXT NOT NULL)");
            using (var summary = connection.CreateCommand())
            {
                summary.CommandText = $"INSERT INTO {SqlNames.SummaryTable} (table_name, exported_at, summary) VALUES ($t, $at, $s)";
                summary.Parameters.AddWithValue("$t", tableName);
                summary.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("o", CultureInfo.InvariantCulture));
                summary.Parameters.AddWithValue("$s", summaryJson);
                summary.ExecuteNonQuery();
            }
            cancellationToken.ThrowIfCancellationRequested();
            transaction.Commit();
        }
        catch
        {
            if (!existed)
                DeleteDatabase(path);
            throw;
        }
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

    private static void DeleteDatabase(string path)
    {
        foreach (string file in new[] { path, path + "-journal", path + "-wal", path + "-shm" })
        {
            try
            {
                File.Delete(file);
            }
            catch (IOException)
            {
                // Best effort; the table itself was never committed.
            }
        }
    }
}
