using System.Globalization;
using System.Text;
using Microsoft.ML.Data;
using Microsoft.ML.Gan.Persistence;
using Microsoft.ML.Gan.Tabular.Ctgan;
using Microsoft.ML.Gan.Tabular.Data;
using Microsoft.ML.Gan.Tabular.Tests.Data.Reading;

namespace Microsoft.ML.Gan.Tabular.Tests.Ctgan;

/// <summary>
/// A model given the file's metadata samples the file's columns: dates (with blanks) in the file's format, never tick
/// numbers; fresh identifiers numbered across shards; kept through save and load; older model bodies still load.
/// </summary>
[TestClass]
public sealed class CtganMetadataTests
{
    private const string Format = "dd.MM.yyyy HH:mm:ss";
    private const double BlankShare = 0.25;
    private readonly TemporaryFiles _files = new();

    [TestCleanup]
    public void Cleanup() => _files.Dispose();

    private (TabularFile File, HashSet<string> RealIds) ReadOrders()
    {
        var random = new Random(5);
        var text = new StringBuilder("order,amount,plan,placed\n");
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < 400; i++)
        {
            string id = $"ord{random.Next(100_000, 999_999)}-{i}";
            ids.Add(id);
            string placed = random.NextDouble() < BlankShare ? ""
                : new DateTime(2024, 1, 1).AddSeconds(random.Next(0, 180 * 86400)).ToString(Format, CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"{id},{10 + random.NextDouble() * 5:F2},{(random.NextDouble() < 0.3 ? "gold" : "basic")},{placed}\n");
        }
        var file = TabularFileReader.Read(_files.Write("orders.csv", text.ToString()));
        Assert.AreEqual(ColumnRole.Identifier, file.Metadata.Find("order")!.Role);
        Assert.AreEqual(ColumnRole.DateTime, file.Metadata.Find("placed")!.Role);
        return (file, ids);
    }

    private static TabularMetadata GeneratingIdentifiers(TabularMetadata metadata) => metadata with
    {
        Columns = [.. metadata.Columns.Select(c => c.Role == ColumnRole.Identifier ? c with { Generate = true } : c)],
    };

    private static CtganModel Fit(IDataView data, int epochs = 5) =>
        new MLContext(seed: 1).Gan().Tabular.Ctgan(new CtganOptions { Epochs = epochs, BatchSize = 100, Threads = 1, Seed = 1 }).Fit(data);

    private static string[] Texts(IDataView data, string column) =>
        [.. data.GetColumn<ReadOnlyMemory<char>>(column).Select(v => v.ToString())];

    [TestMethod]
    public void SamplesHaveTheFilesDatesAndFreshIdentifiersNeverTicks()
    {
        var (file, realIds) = ReadOrders();
        // Trained long enough to learn the share of blank dates.
        using var learned = Fit(file.Data, epochs: 100);
        Assert.AreEqual(NumberDataViewType.Double, learned.SampleSchema["placed"].Type, "blank dates are learned as ticks");
        Assert.IsFalse(learned.HasMetadata);
        using var model = learned.WithMetadata(GeneratingIdentifiers(file.Metadata));
        Assert.IsTrue(model.HasMetadata);

        var sample = model.Sample(1000, seed: 4);
        CollectionAssert.AreEqual(new[] { "order", "amount", "plan", "placed" }, sample.Schema.Select(c => c.Name).ToArray());
        Assert.AreEqual(TextDataViewType.Instance, model.SampleSchema["placed"].Type);
        string[] placed = Texts(sample, "placed");
        foreach (string value in placed.Where(v => v.Length > 0))
            Assert.IsTrue(DateTime.TryParseExact(value, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out _), $"'{value}' is not in the file's format");
        double blanks = placed.Count(v => v.Length == 0) / (double)placed.Length;
        Assert.IsTrue(blanks is > BlankShare / 3 and < BlankShare * 2, $"{blanks:P1} of the sampled dates are blank; the file has {BlankShare:P0}");

        string[] ids = Texts(sample, "order");
        Assert.AreEqual(0, ids.Count(realIds.Contains), "a real identifier was sampled");
        string prefix = file.Metadata.Find("order")!.IdentifierPrefix!;
        CollectionAssert.AreEqual(Enumerable.Range(1, 1000).Select(k => prefix + k.ToString("D6", CultureInfo.InvariantCulture)).ToArray(), ids);
    }

    [TestMethod]
    public void ShardsAndStreamsNumberIdentifiersAsOneSample()
    {
        var (file, _) = ReadOrders();
        using var learned = Fit(file.Data);
        using var model = learned.WithMetadata(GeneratingIdentifiers(file.Metadata));
        var whole = Rows(model.Sample(1001, seed: 6));
        var shards = Enumerable.Range(0, 3).SelectMany(k => Rows(model.SampleStream(1001, seed: 6, shard: new SampleShard(k, 3)))).ToList();
        CollectionAssert.AreEqual(whole, shards);
        var tables = Enumerable.Range(0, 4).SelectMany(k => Rows(model.SampleTable(1001, seed: 6, shard: new SampleShard(k, 4)).ToDataView())).ToList();
        CollectionAssert.AreEqual(whole, tables);
    }

    [TestMethod]
    public void TheFilesColumnsAreSavedWithTheModel()
    {
        var (file, _) = ReadOrders();
        using var learned = Fit(file.Data);
        using var model = learned.WithMetadata(GeneratingIdentifiers(file.Metadata));
        var mlContext = new MLContext(seed: 1);
        using var stream = new MemoryStream();
        mlContext.Model.Save(model, null, stream);
        stream.Position = 0;
        using var loaded = CtganModel.Load(mlContext, stream);
        Assert.IsTrue(loaded.HasMetadata);
        CollectionAssert.AreEqual(Rows(model.Sample(300, seed: 2)), Rows(loaded.Sample(300, seed: 2)));
    }

    [TestMethod]
    public void AVersion3BodyWithoutTheSectionStillLoads()
    {
        var (file, _) = ReadOrders();
        using var learned = Fit(file.Data);
        var mlContext = new MLContext(seed: 1);
        using var stream = new MemoryStream();
        mlContext.Model.Save(learned, null, stream);
        stream.Position = 0;
        byte[] body = GanModelLoader.Load(mlContext, stream).Payload.Body.ToArray();
        Assert.AreEqual(5, BitConverter.ToInt32(body, 0));
        Assert.AreEqual(0, body[8], "a CTGAN body of version 5 says 'no decoder label' after the generator kind");
        Assert.AreEqual(0, body[^1], "a body without metadata ends with 'no output columns'");
        // Version 3 wrote the same body without the label flag (version 5) and the last flag (version 4).
        byte[] version3 = [.. BitConverter.GetBytes(3), .. body[4..8], .. body[9..^1]];
        using var old = new CtganModel(mlContext, CtganFamily.Read(version3, TorchSharp.torch.CPU), learned.Seed, null, Guid.NewGuid());
        Assert.IsFalse(old.HasMetadata);
        CollectionAssert.AreEqual(Rows(learned.Sample(200, seed: 3)), Rows(old.Sample(200, seed: 3)));
        byte[] truncated = [.. BitConverter.GetBytes(5), .. body[4..^1]];
        Assert.ThrowsExactly<EndOfStreamException>(() => CtganFamily.Read(truncated, TorchSharp.torch.CPU));
    }

    [TestMethod]
    public void MetadataOfAnotherTableIsRefused()
    {
        var (file, _) = ReadOrders();
        using var learned = Fit(file.Data);
        var other = file.Metadata.WithRole("plan", ColumnRole.Ignored);
        var e = Assert.ThrowsExactly<ArgumentException>(() => learned.WithMetadata(other));
        StringAssert.Contains(e.Message, "are not the model's");
    }

    /// <summary>Every row as text, cell by cell.</summary>
    private static List<string> Rows(IDataView data)
    {
        var table = TabularTable.FromDataView(data);
        var rows = new List<string>();
        for (int r = 0; r < table.RowCount; r++)
            rows.Add(string.Join("|", table.Columns.Select(c => Cell(c, r))));
        return rows;
    }

    private static string Cell(TabularColumn column, int row) => column switch
    {
        ContinuousColumn c => c.Values[row].ToString("R", CultureInfo.InvariantCulture),
        DiscreteColumn d => Convert.ToString(d.Categories[d.Codes[row]], CultureInfo.InvariantCulture)!,
        _ => throw new NotSupportedException(),
    };
}
