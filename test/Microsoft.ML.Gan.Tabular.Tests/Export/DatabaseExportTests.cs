using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.ML.Gan.Tabular.Data;
using Microsoft.ML.Gan.Tabular.Export;
using Microsoft.ML.Gan.Tabular.Tests.Data;
using Npgsql;

namespace Microsoft.ML.Gan.Tabular.Tests.Export;

[TestClass]
public sealed class DatabaseExportTests
{
    /// <summary>Environment variable with an Npgsql connection string of a PostgreSQL database the test may write to.</summary>
    public const string PostgresVariable = "MLGAN_TEST_POSTGRES";

    [TestMethod]
    public void SqliteRoundTripKeepsNamesTypesValuesAndSummary()
    {
        using var folder = new TempFolder();
        var table = TestTables.Mixed(250, seed: 3);
        string path = folder.File("synthetic.db");
        new SyntheticDataExporter(ExportTables.Plain()).ToSqlite(table.ToDataView(), path, "adult synthetic");

        using var connection = Open(path);
        var declared = Query(connection, "SELECT name, type FROM pragma_table_info('adult synthetic') ORDER BY cid", r => (r.GetString(0), r.GetString(1)));
        CollectionAssert.AreEqual(table.Columns.Select(c => c.Name).ToArray(), declared.Select(d => d.Item1).ToArray());
        CollectionAssert.AreEqual(new[] { "REAL", "INTEGER", "REAL", "TEXT", "INTEGER", "REAL", "REAL", "TEXT", "TEXT" }, declared.Select(d => d.Item2).ToArray());

        var rows = Query(connection, "SELECT Bimodal, Age, Income, Color, Flag, Size, Joined FROM \"adult synthetic\" ORDER BY rowid",
            r => (r.GetDouble(0), r.GetInt64(1), r.IsDBNull(2) ? (double?)null : r.GetDouble(2), r.GetString(3), r.GetInt64(4), r.GetString(5), r.GetString(6)));
        Assert.HasCount(250, rows);
        for (int i = 0; i < rows.Count; i++)
        {
            Assert.AreEqual(((ContinuousColumn)table["Bimodal"]).Values[i], rows[i].Item1);
            Assert.AreEqual((long)((ContinuousColumn)table["Age"]).Values[i], rows[i].Item2);
            double income = ((ContinuousColumn)table["Income"]).Values[i];
            Assert.AreEqual(double.IsNaN(income) ? null : (double)(float)income, rows[i].Item3);
            Assert.AreEqual(TestTables.ValueAt((DiscreteColumn)table["Color"], i), rows[i].Item4);
            Assert.AreEqual((bool)TestTables.ValueAt((DiscreteColumn)table["Flag"], i) ? 1L : 0L, rows[i].Item5);
            var size = (DiscreteColumn)table["Size"];
            Assert.AreEqual(size.KeyValues![(int)(uint)TestTables.ValueAt(size, i) - 1], rows[i].Item6);
            Assert.AreEqual(new DateTime((long)((ContinuousColumn)table["Joined"]).Values[i]),
                DateTime.ParseExact(rows[i].Item7, "yyyy-MM-dd HH:mm:ss.fffffff", CultureInfo.InvariantCulture));
        }

        string summary = Query(connection, "SELECT summary FROM mlgan_exports WHERE table_name = 'adult synthetic'", r => r.GetString(0)).Single();
        using var json = JsonDocument.Parse(summary);
        Assert.AreEqual(250, json.RootElement.GetProperty("OutputRows").GetInt32());
        Assert.AreEqual("sqlite", json.RootElement.GetProperty("Format").GetString());
    }

    [TestMethod]
    public void CancelledSqliteExportLeavesNoTable()
    {
        using var folder = new TempFolder();
        string path = folder.File("synthetic.db");
        var table = TestTables.Mixed(300, seed: 1);
        new SyntheticDataExporter(ExportTables.Plain()).ToSqlite(table.ToDataView(), path, "first");

        using var cancellation = new CancellationTokenSource();
        var options = ExportTables.Plain(progress: new Callback(_ => cancellation.Cancel()), interval: 100);
        Assert.ThrowsExactly<OperationCanceledException>(() =>
            new SyntheticDataExporter(options).ToSqlite(table.ToDataView(), path, "second", cancellation.Token));

        using var connection = Open(path);
        var tables = Query(connection, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name", r => r.GetString(0));
        CollectionAssert.AreEqual(new[] { "first", "mlgan_exports" }, tables);
        Assert.AreEqual(1L, Query(connection, "SELECT COUNT(*) FROM mlgan_exports", r => r.GetInt64(0)).Single());
        Assert.AreEqual(300L, Query(connection, "SELECT COUNT(*) FROM first", r => r.GetInt64(0)).Single());
    }

    [TestMethod]
    public void FailedExportToANewSqliteFileLeavesNoFile()
    {
        using var folder = new TempFolder();
        var options = ExportTables.Plain(progress: new Callback(_ => throw new InvalidOperationException("injected failure")), interval: 50);
        Assert.ThrowsExactly<InvalidOperationException>(() =>
            new SyntheticDataExporter(options).ToSqlite(TestTables.Mixed(200, seed: 1).ToDataView(), folder.File("new.db"), "rows"));
        Assert.IsEmpty(folder.Entries());
    }

    [TestMethod]
    public void ExistingSqliteTableNeedsOverwrite()
    {
        using var folder = new TempFolder();
        string path = folder.File("synthetic.db");
        var small = TestTables.Mixed(10, seed: 1).ToDataView();
        new SyntheticDataExporter(ExportTables.Plain()).ToSqlite(small, path, "rows");
        var error = Assert.ThrowsExactly<IOException>(() => new SyntheticDataExporter(ExportTables.Plain()).ToSqlite(TestTables.Mixed(20, seed: 2).ToDataView(), path, "rows"));
        StringAssert.Contains(error.Message, "'rows'");
        new SyntheticDataExporter(ExportTables.Plain(overwrite: true)).ToSqlite(TestTables.Mixed(20, seed: 2).ToDataView(), path, "rows");
        using var connection = Open(path);
        Assert.AreEqual(20L, Query(connection, "SELECT COUNT(*) FROM rows", r => r.GetInt64(0)).Single());
    }

    [TestMethod]
    public void PostgresRoundTripAndCancellation()
    {
        string? connectionString = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            Assert.Inconclusive($"No PostgreSQL server: set {PostgresVariable} to an Npgsql connection string (for example Host=127.0.0.1;Username=mlgan;Password=mlgan;Database=mlgan_test) to run this test.");
            return;
        }
        string name = $"mlgan_test_{Guid.NewGuid():N}";
        string cancelled = name + "_cancelled";
        var table = TestTables.Mixed(400, seed: 4);
        try
        {
            var summary = new SyntheticDataExporter(ExportTables.Plain()).ToPostgres(table.ToDataView(), connectionString, name);
            Assert.AreEqual(400, summary.OutputRows);

            using var connection = new NpgsqlConnection(connectionString);
            connection.Open();
            var declared = Query(connection, $"SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '{name}' ORDER BY ordinal_position",
                r => (r.GetString(0), r.GetString(1)));
            CollectionAssert.AreEqual(table.Columns.Select(c => c.Name).ToArray(), declared.Select(d => d.Item1).ToArray());
            CollectionAssert.AreEqual(
                new[] { "double precision", "integer", "real", "text", "boolean", "double precision", "double precision", "text", "timestamp without time zone" },
                declared.Select(d => d.Item2).ToArray());
            var rows = Query(connection, $"SELECT \"Age\", \"Income\", \"Color\", \"Flag\", \"Joined\" FROM \"{name}\"",
                r => (r.GetInt32(0), r.IsDBNull(1) ? (float?)null : r.GetFloat(1), r.GetString(2), r.GetBoolean(3), r.GetDateTime(4)));
            Assert.HasCount(400, rows);
            var expected = Enumerable.Range(0, 400).Select(i =>
            {
                double income = ((ContinuousColumn)table["Income"]).Values[i];
                return ((int)((ContinuousColumn)table["Age"]).Values[i], double.IsNaN(income) ? (float?)null : (float)income,
                    (string)TestTables.ValueAt((DiscreteColumn)table["Color"], i), (bool)TestTables.ValueAt((DiscreteColumn)table["Flag"], i),
                    new DateTime((long)((ContinuousColumn)table["Joined"]).Values[i]));
            }).ToList();
            CollectionAssert.AreEquivalent(expected, rows);
            Assert.AreEqual(400, Query(connection, $"SELECT (summary->>'OutputRows')::int FROM mlgan_exports WHERE table_name = '{name}'", r => r.GetInt32(0)).Single());

            using var cancellation = new CancellationTokenSource();
            var options = ExportTables.Plain(progress: new Callback(_ => cancellation.Cancel()), interval: 100);
            Assert.ThrowsExactly<OperationCanceledException>(() =>
                new SyntheticDataExporter(options).ToPostgres(table.ToDataView(), connectionString, cancelled, cancellation.Token));
            Assert.AreEqual(0L, Query(connection, $"SELECT COUNT(*) FROM pg_tables WHERE tablename = '{cancelled}'", r => r.GetInt64(0)).Single());
            Assert.AreEqual(0L, Query(connection, $"SELECT COUNT(*) FROM mlgan_exports WHERE table_name = '{cancelled}'", r => r.GetInt64(0)).Single());
        }
        finally
        {
            using var cleanup = new NpgsqlConnection(connectionString);
            cleanup.Open();
            using var drop = new NpgsqlCommand($"DROP TABLE IF EXISTS \"{name}\"; DROP TABLE IF EXISTS \"{cancelled}\"; DELETE FROM mlgan_exports WHERE table_name IN ('{name}', '{cancelled}')", cleanup);
            try
            {
                drop.ExecuteNonQuery();
            }
            catch (PostgresException e) when (e.SqlState == "42P01")
            {
                // mlgan_exports was never created: nothing to clean.
            }
        }
    }

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ToString());
        connection.Open();
        return connection;
    }

    private static List<T> Query<T>(System.Data.Common.DbConnection connection, string sql, Func<System.Data.Common.DbDataReader, T> read)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var result = new List<T>();
        while (reader.Read()) result.Add(read(reader));
        return result;
    }
}
