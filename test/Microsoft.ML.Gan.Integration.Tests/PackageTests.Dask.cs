using Microsoft.ML.Gan.Testing;

namespace Microsoft.ML.Gan.Integration.Tests;

/// <summary>
/// The shard recipe on a distributed engine users already run: samples/Distributed/dask_sample.py starts a local Dask
/// cluster of two worker processes and runs one installed `mlgan sample --shard K/M` per task.
/// </summary>
public sealed partial class PackageTests
{
    private const string SystemPython = "/usr/bin/python3";

    [TestMethod]
    public async Task DaskWorkersWriteShardsThatTogetherAreTheSingleRunTable()
    {
        RequireDaskDistributed();
        string mlgan = InstalledTool();
        string folder = Path.Combine(s_work, "dask");
        Directory.CreateDirectory(folder);
        string table = Path.Combine(folder, "table.csv");
        var random = new Random(3);
        File.WriteAllLines(table, ["size,kind,flag", .. Enumerable.Range(0, 300).Select(_ =>
            $"{random.NextDouble() * 10:F3},{(random.Next(3) == 0 ? "a" : "b")},{(random.Next(2) == 0 ? "yes" : "no")}")]);
        string model = Path.Combine(folder, "model.zip");
        var (fitCode, fitOutput) = ProcessRunner.Run(mlgan, folder, "fit", table, "--model", model, "--epochs", "2", "--threads", "1");
        Assert.AreEqual(0, fitCode, fitOutput);

        const int Rows = 5_000;
        string single = Path.Combine(folder, "single.parquet");
        var (sampleCode, sampleOutput) = ProcessRunner.Run(mlgan, folder, "sample", "--model", model, "-n", $"{Rows}", "--seed", "5", "--threads", "1", "--out", single);
        Assert.AreEqual(0, sampleCode, sampleOutput);

        string parts = Path.Combine(folder, "parts");
        var (daskCode, daskOutput) = ProcessRunner.Run(SystemPython, folder, Path.Combine(s_repository, "samples", "Distributed", "dask_sample.py"),
            "--mlgan", mlgan, "--model", model, "-n", $"{Rows}", "--seed", "5", "--shards", "3", "--workers", "2", "--out-dir", parts);
        Assert.AreEqual(0, daskCode, daskOutput);
        StringAssert.Contains(daskOutput, "\"workers\": 2");

        var partFiles = Directory.GetFiles(parts, "*.parquet").Order(StringComparer.Ordinal).ToList();
        Assert.HasCount(3, partFiles);
        var sharded = new List<string>();
        foreach (string part in partFiles)
            sharded.AddRange(await ParquetRows.Read(part));
        var expected = await ParquetRows.Read(single);
        Assert.HasCount(Rows, expected);
        Assert.AreEqual(3, expected[0].Split('|').Length, expected[0]);
        CollectionAssert.AreEqual(expected, sharded, "the shards in order are the single run's rows");
    }

    [TestMethod]
    public void DaskSampleScriptRefusesAnExistingOutputFolder()
    {
        RequireDaskDistributed();
        string existing = Directory.CreateDirectory(Path.Combine(s_work, "existing-parts")).FullName;
        var (code, output) = ProcessRunner.Run(SystemPython, s_work, Path.Combine(s_repository, "samples", "Distributed", "dask_sample.py"),
            "--model", "model.zip", "-n", "10", "--shards", "2", "--out-dir", existing);
        Assert.AreEqual(2, code, output);
        StringAssert.Contains(output, "--out-dir");
    }

    [TestMethod]
    public void AFailedShardLeavesNoPartsFolder()
    {
        RequireDaskDistributed();
        string parts = Path.Combine(s_work, "failed-parts");
        string missing = Path.Combine(s_work, "no-such-model.zip");
        var (code, output) = ProcessRunner.Run(SystemPython, s_work, Path.Combine(s_repository, "samples", "Distributed", "dask_sample.py"),
            "--mlgan", InstalledTool(), "--model", missing, "-n", "100", "--shards", "2", "--workers", "2", "--out-dir", parts);
        Assert.AreEqual(1, code, output);
        StringAssert.Contains(output, "no-such-model.zip");
        StringAssert.Contains(output, "removed the incomplete");
        Assert.IsFalse(Directory.Exists(parts), "an incomplete set of parts must not stand for the table");
    }

    private static void RequireDaskDistributed()
    {
        var (code, output) = File.Exists(SystemPython) ? ProcessRunner.Run(SystemPython, s_work, "-c", "import distributed") : (1, "no " + SystemPython);
        if (code != 0)
            Assert.Inconclusive($"Dask distributed is not installed (apt-get install python3-distributed; build/test.sh installs it as root): {output.Trim()}");
    }
}
