using Microsoft.ML.Gan.Tabular.Ctgan;
using Microsoft.ML.Gan.Tabular.Data;
using Microsoft.ML.Gan.Tabular.Export;
using Microsoft.ML.Gan.Tabular.Tests.Export;
using TorchSharp;

namespace Microsoft.ML.Gan.Tabular.Tests.Ctgan;

/// <summary>Sharded and streamed sampling give exactly the rows of one in-memory sample.</summary>
[TestClass]
public sealed class CtganShardTests
{
    [TestMethod]
    public void ShardBoundariesSplitTheRowsEvenly()
    {
        Assert.AreEqual((0L, 3L), new SampleShard(0, 3).Rows(10));
        Assert.AreEqual((3L, 3L), new SampleShard(1, 3).Rows(10));
        Assert.AreEqual((6L, 4L), new SampleShard(2, 3).Rows(10));
        Assert.AreEqual((0L, 0L), new SampleShard(0, 4).Rows(3));
        Assert.AreEqual((long.MaxValue / 2, long.MaxValue - long.MaxValue / 2), new SampleShard(1, 2).Rows(long.MaxValue));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new SampleShard(3, 3).Rows(10));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new SampleShard(0, 0).Rows(10));
    }

    [TestMethod]
    [DataRow(1000, 3)]
    [DataRow(1001, 7)]
    [DataRow(5000, 2)]
    public void ShardsConcatenatedAreTheUnshardedSample(int rows, int shards)
    {
        var model = TrainedCtgan.Model;
        var whole = Rows(model.SampleTable(rows, seed: 8));
        var parts = Enumerable.Range(0, shards).SelectMany(k => Rows(model.SampleTable(rows, seed: 8, shard: new SampleShard(k, shards)))).ToList();
        CollectionAssert.AreEqual(whole, parts);
    }

    [TestMethod]
    public void ConditionedShardsAreTheConditionedSample()
    {
        var model = TrainedCtgan.Model;
        var whole = Rows(model.SampleTable(900, seed: 5, condition: ("Region", "east")));
        var parts = Enumerable.Range(0, 4).SelectMany(k => Rows(model.SampleTable(900, seed: 5, condition: ("Region", "east"), shard: new SampleShard(k, 4)))).ToList();
        CollectionAssert.AreEqual(whole, parts);
    }

    [TestMethod]
    public void SampleStreamGivesTheSampleRowsBatchByBatch()
    {
        var model = TrainedCtgan.Model;
        int rows = CtganModel.StreamBatchRows + 1234;
        var stream = model.SampleStream(rows, seed: 4);
        Assert.AreEqual((long)rows, stream.GetRowCount());
        CollectionAssert.AreEqual(Rows(model.SampleTable(rows, seed: 4)), Rows(TabularTable.FromDataView(stream)));
    }

    [TestMethod]
    public void StreamedCsvShardsConcatenateToTheFileOfOneRun()
    {
        using var folder = new TempFolder();
        var model = TrainedCtgan.Model;
        const long rows = 3000;
        string whole = folder.File("whole.csv");
        new SyntheticDataExporter(ExportTables.Plain()).ToCsv(model.SampleStream(rows, seed: 6), whole);
        var joined = new List<byte>();
        for (int k = 0; k < 3; k++)
        {
            string part = folder.File($"part-{k}.csv");
            var options = new SyntheticExportOptions { DropExactCopies = false, RareCategoryThreshold = 0, CsvHeader = k == 0 };
            new SyntheticDataExporter(options).ToCsv(model.SampleStream(rows, seed: 6, shard: new SampleShard(k, 3)), part);
            joined.AddRange(File.ReadAllBytes(part));
        }
        CollectionAssert.AreEqual(File.ReadAllBytes(whole), joined.ToArray());
        // The in-memory path writes the same bytes as the streamed one.
        string memory = folder.File("memory.csv");
        new SyntheticDataExporter(ExportTables.Plain()).ToCsv(model.Sample(rows, seed: 6), memory);
        CollectionAssert.AreEqual(File.ReadAllBytes(whole), File.ReadAllBytes(memory));
    }

    [TestMethod]
    [DataRow(1)]
    [DataRow(3)]
    public void CancelledStreamedExportLeavesNoFile(int torchThreads)
    {
        using var folder = new TempFolder();
        using var cancellation = new CancellationTokenSource();
        var options = ExportTables.Plain(progress: new Callback(_ => cancellation.Cancel()), interval: 1000);
        var stream = TrainedCtgan.Model.SampleStream(CtganModel.StreamBatchRows * 3L, seed: 1);
        WithTorchThreads(torchThreads, () =>
        {
            Assert.ThrowsExactly<OperationCanceledException>(() => new SyntheticDataExporter(options).ToParquet(stream, folder.File("rows.parquet"), cancellation.Token));
            Assert.ThrowsExactly<OperationCanceledException>(() => new SyntheticDataExporter(options).ToSqlite(stream, folder.File("rows.db"), "rows", cancellation.Token));
        });
        Assert.IsEmpty(folder.Entries());
    }

    [TestMethod]
    public void StreamedExportOnSeveralTorchThreadsWritesTheFileOfOneThread()
    {
        using var folder = new TempFolder();
        var model = TrainedCtgan.Model;
        long rows = CtganModel.StreamBatchRows * 3L + 1234; // four batches, more than the three workers
        string one = folder.File("one.csv"), three = folder.File("three.csv");
        WithTorchThreads(1, () => new SyntheticDataExporter(ExportTables.Plain()).ToCsv(model.SampleStream(rows, seed: 2), one));
        int onLaterThread = 0;
        WithTorchThreads(3, () =>
        {
            new SyntheticDataExporter(ExportTables.Plain()).ToCsv(model.SampleStream(rows, seed: 2), three);
            // The workers run torch on one thread each; threads started afterwards get the caller's count again.
            var later = new Thread(() => onLaterThread = torch.get_num_threads());
            later.Start();
            later.Join();
        });
        Assert.AreEqual(3, onLaterThread);
        CollectionAssert.AreEqual(File.ReadAllBytes(one), File.ReadAllBytes(three));
    }

    private static void WithTorchThreads(int threads, Action action)
    {
        int before = torch.get_num_threads();
        torch.set_num_threads(threads);
        try
        {
            action();
        }
        finally
        {
            torch.set_num_threads(before);
        }
    }

    /// <summary>Each row as one string of its columns' exact values.</summary>
    private static List<string> Rows(TabularTable table)
    {
        var rows = new List<string>(table.RowCount);
        for (int r = 0; r < table.RowCount; r++)
        {
            rows.Add(string.Join("|", table.Columns.Select(c => c switch
            {
                ContinuousColumn continuous => continuous.Values[r].ToString("R", System.Globalization.CultureInfo.InvariantCulture),
                DiscreteColumn discrete => discrete.Categories[discrete.Codes[r]].ToString(),
                _ => throw new NotSupportedException(),
            })));
        }
        return rows;
    }
}
