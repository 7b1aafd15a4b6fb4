using System.Globalization;
using System.Text.Json;
using Microsoft.ML.Data;
using Microsoft.ML.Gan.Tabular.Data;
using Microsoft.ML.Gan.Tabular.Export;
using Microsoft.ML.Gan.Tabular.Tests.Data;
using Parquet;

namespace Microsoft.ML.Gan.Tabular.Tests.Export;

[TestClass]
public sealed class FileExportTests
{
    [TestMethod]
    public void CsvRoundTripKeepsNamesAndValues()
    {
        using var folder = new TempFolder();
        var table = TestTables.Mixed(200, seed: 1);
        string path = folder.File("rows.csv");
        var summary = new SyntheticDataExporter(ExportTables.Plain()).ToCsv(table.ToDataView(), path);

        var lines = Csv.Parse(File.ReadAllText(path));
        CollectionAssert.AreEqual(table.Columns.Select(c => c.Name).ToArray(), lines[0]);
        Assert.HasCount(201, lines);
        for (int r = 0; r < 200; r++)
        {
            var row = lines[r + 1];
            Assert.AreEqual(((ContinuousColumn)table["Bimodal"]).Values[r], double.Parse(row[0], CultureInfo.InvariantCulture));
            Assert.AreEqual(((ContinuousColumn)table["Age"]).Values[r], int.Parse(row[1], CultureInfo.InvariantCulture));
            double income = ((ContinuousColumn)table["Income"]).Values[r];
            Assert.AreEqual(double.IsNaN(income) ? "" : ((float)income).ToString("R", CultureInfo.InvariantCulture), row[2]);
            Assert.AreEqual(TestTables.ValueAt((DiscreteColumn)table["Color"], r), row[3]);
            Assert.AreEqual((bool)TestTables.ValueAt((DiscreteColumn)table["Flag"], r) ? "true" : "false", row[4]);
            var size = (DiscreteColumn)table["Size"];
            Assert.AreEqual(size.KeyValues![(int)(uint)TestTables.ValueAt(size, r) - 1], row[7]);
            var joined = new DateTime((long)((ContinuousColumn)table["Joined"]).Values[r]);
            Assert.AreEqual(joined, DateTime.Parse(row[8], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
        }
        Assert.AreEqual(200, summary.OutputRows);
        Assert.AreEqual(0, summary.Filters.Count);
        using var sidecar = JsonDocument.Parse(File.ReadAllText(SyntheticDataExporter.SummaryPath(path)));
        Assert.AreEqual("csv", sidecar.RootElement.GetProperty("Format").GetString());
        CollectionAssert.AreEqual(new[] { "rows.csv", "rows.csv.export.json" }, folder.Entries());
    }

    [TestMethod]
    public void CsvQuotesAwkwardText()
    {
        using var folder = new TempFolder();
        var table = ExportTables.Awkward();
        string path = folder.File("awkward.csv");
        new SyntheticDataExporter(ExportTables.Plain()).ToCsv(table.ToDataView(), path);

        var lines = Csv.Parse(File.ReadAllText(path));
        Assert.AreEqual("Note, with comma", lines[0][0]);
        CollectionAssert.AreEqual(new[] { "plain", "comma, inside", "quote \" inside", "line\nbreak" }, lines.Skip(1).Select(l => l[0]).ToArray());
        CollectionAssert.AreEqual(new[] { "1.5", "", "-0.25", "3.4028235E+38" }, lines.Skip(1).Select(l => l[1]).ToArray());
        CollectionAssert.AreEqual(new[] { Math.PI, -1e-300, 1e300, 0.1 }, lines.Skip(1).Select(l => double.Parse(l[3], CultureInfo.InvariantCulture)).ToArray());
    }

    [TestMethod]
    public async Task ParquetRoundTripKeepsNamesTypesAndValues()
    {
        using var folder = new TempFolder();
        var table = TestTables.Mixed(300, seed: 2);
        string path = folder.File("rows.parquet");
        new SyntheticDataExporter(ExportTables.Plain()).ToParquet(table.ToDataView(), path);

        await using var reader = await ParquetReader.CreateAsync(path);
        var fields = reader.Schema.GetDataFields();
        CollectionAssert.AreEqual(table.Columns.Select(c => c.Name).ToArray(), fields.Select(f => f.Name).ToArray());
        // Parquet.Net 6 reports UTF-8 string fields as ReadOnlyMemory<char>.
        var text = typeof(ReadOnlyMemory<char>);
        CollectionAssert.AreEqual(
            new[] { typeof(double), typeof(int), typeof(float), text, typeof(bool), typeof(double), typeof(double), text, typeof(DateTime) },
            fields.Select(f => f.ClrType).ToArray());
        using var group = reader.OpenRowGroupReader(0);
        Assert.AreEqual(300, group.RowCount);

        var ages = new int?[300];
        await group.ReadAsync<int>(fields[1], ages);
        var incomes = new float?[300];
        await group.ReadAsync<float>(fields[2], incomes);
        var colors = new string[300];
        await group.ReadAsync(fields[3], colors);
        var grades = new double?[300];
        await group.ReadAsync<double>(fields[6], grades);
        var joined = new DateTime?[300];
        await group.ReadAsync<DateTime>(fields[8], joined);
        for (int r = 0; r < 300; r++)
        {
            Assert.AreEqual((int)((ContinuousColumn)table["Age"]).Values[r], ages[r]);
            double income = ((ContinuousColumn)table["Income"]).Values[r];
            Assert.AreEqual(double.IsNaN(income) ? null : (float)income, incomes[r]);
            Assert.AreEqual(TestTables.ValueAt((DiscreteColumn)table["Color"], r), colors[r]);
            double grade = (double)TestTables.ValueAt((DiscreteColumn)table["Grade"], r);
            Assert.AreEqual(double.IsNaN(grade) ? null : grade, grades[r]);
            Assert.AreEqual(new DateTime((long)((ContinuousColumn)table["Joined"]).Values[r]), joined[r]);
        }
    }

    [TestMethod]
    public void ExistingFileIsKeptUnlessOverwriteIsSet()
    {
        using var folder = new TempFolder();
        string path = folder.File("rows.csv");
        File.WriteAllText(path, "previous");
        var view = ExportTables.Awkward().ToDataView();

        Assert.ThrowsExactly<IOException>(() => new SyntheticDataExporter(ExportTables.Plain()).ToCsv(view, path));
        Assert.AreEqual("previous", File.ReadAllText(path));
        new SyntheticDataExporter(ExportTables.Plain(overwrite: true)).ToCsv(view, path);
        StringAssert.StartsWith(File.ReadAllText(path), "\"Note, with comma\",Small,Count,Precise");
    }

    [TestMethod]
    public void CancelledCsvExportLeavesNoFile()
    {
        using var folder = new TempFolder();
        using var cancellation = new CancellationTokenSource();
        long reported = 0;
        var options = ExportTables.Plain(progress: new Callback(rows => { reported = rows; cancellation.Cancel(); }), interval: 100);
        string path = folder.File("rows.csv");

        Assert.ThrowsExactly<OperationCanceledException>(() =>
            new SyntheticDataExporter(options).ToCsv(TestTables.Mixed(1000, seed: 1).ToDataView(), path, cancellation.Token));
        Assert.AreEqual(100, reported);
        Assert.IsEmpty(folder.Entries());
    }

    [TestMethod]
    public void FailureDuringParquetExportLeavesThePreviousFile()
    {
        using var folder = new TempFolder();
        string path = folder.File("rows.parquet");
        File.WriteAllText(path, "previous");
        var options = new SyntheticExportOptions
        {
            DropExactCopies = false,
            RareCategoryThreshold = 0,
            Overwrite = true,
            Progress = new Callback(_ => throw new InvalidOperationException("injected failure")),
        };

        var error = Assert.ThrowsExactly<InvalidOperationException>(() =>
            new SyntheticDataExporter(options).ToParquet(TestTables.Mixed(500, seed: 1).ToDataView(), path));
        Assert.AreEqual("injected failure", error.Message);
        Assert.AreEqual("previous", File.ReadAllText(path));
        CollectionAssert.AreEqual(new[] { "rows.parquet" }, folder.Entries());
    }
}

/// <summary>A minimal RFC 4180 reader for checking the writer's output.</summary>
internal static class Csv
{
    public static List<string[]> Parse(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            char ch = text[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else field.Append(ch);
            }
            else if (ch == '"') quoted = true;
            else if (ch == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (ch == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add([.. row]);
                row.Clear();
                i++;
            }
            else field.Append(ch);
        }
        if (field.Length > 0 || row.Count > 0) { row.Add(field.ToString()); rows.Add([.. row]); }
        return rows;
    }
}
