using System.IO.Compression;
using Microsoft.ML.Gan.Persistence;
using static Microsoft.ML.Gan.Tests.Persistence.PersistenceTestData;

namespace Microsoft.ML.Gan.Tests.Persistence;

[TestClass]
public sealed class TypedLoadTests
{
    private readonly MLContext _ml = new(seed: 1);
    private string _directory = "";

    [TestInitialize]
    public void CreateDirectory() => _directory = NewTempDirectory();

    [TestCleanup]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    private string SaveGan(TestGanTransformer model)
    {
        string path = Path.Combine(_directory, "gan.zip");
        _ml.Model.Save(model, Rows(_ml, 1).Schema, path);
        return path;
    }

    [TestMethod]
    public void TypedLoadReturnsThePayloadAndSettings()
    {
        using var model = TestGanTransformer.Create(_ml, outputLength: 5, new GanGenerationSettings("Fake", seed: -77, seedColumnName: "RowSeed"));
        var original = model.ToSavedModel();
        string path = SaveGan(model);

        var fromPath = GanModelLoader.Load(_ml, path);
        using var stream = File.OpenRead(path);
        var payload = GanModelLoader.LoadPayload(_ml, stream);

        foreach (var loaded in new[] { fromPath.Payload, payload })
        {
            Assert.AreEqual(LinearTestGenerator.Family, loaded.Family);
            Assert.AreEqual(model.Id, loaded.Id);
            CollectionAssert.AreEqual(original.Payload.Body.ToArray(), loaded.Body.ToArray());
        }
        Assert.AreEqual("Fake", fromPath.Settings.OutputColumnName);
        Assert.AreEqual(-77L, fromPath.Settings.Seed);
        Assert.AreEqual("RowSeed", fromPath.Settings.SeedColumnName);
    }

    [TestMethod]
    public void TypedLoadRebuildsAGeneratorThatGeneratesTheSameRows()
    {
        using var model = TestGanTransformer.Create(_ml, outputLength: 3);
        string path = SaveGan(model);
        var saved = GanModelLoader.Load(_ml, path);
        using var rebuilt = new TestGanTransformer(_ml, (LinearTestGenerator)saved.CreateGenerator(), saved.Settings);

        AssertSameRows(ReadVectors(model.Sample(300), "Generated"), ReadVectors(rebuilt.Sample(300), "Generated"));
    }

    [TestMethod]
    public void RandomBytesAreNotAZip()
    {
        string path = Path.Combine(_directory, "random.zip");
        var bytes = new byte[2000];
        new Random(3).NextBytes(bytes);
        File.WriteAllBytes(path, bytes);

        var e = Assert.ThrowsExactly<InvalidDataException>(() => GanModelLoader.Load(_ml, path));
        StringAssert.Contains(e.Message, "is not a zip archive");
    }

    [TestMethod]
    public void CorruptedModelZipIsRejected()
    {
        using var model = TestGanTransformer.Create(_ml, outputLength: 3);
        string path = SaveGan(model);
        byte[] bytes = File.ReadAllBytes(path);
        // Truncating loses the central directory; overwriting the middle corrupts the compressed entries.
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        var truncated = Assert.ThrowsExactly<InvalidDataException>(() => GanModelLoader.Load(_ml, path));
        StringAssert.Contains(truncated.Message, "is not a zip archive");

        Array.Fill(bytes, (byte)0x5A, bytes.Length / 4, bytes.Length / 4);
        File.WriteAllBytes(path, bytes);
        var corrupted = Assert.ThrowsExactly<InvalidDataException>(() => GanModelLoader.Load(_ml, path));
        StringAssert.Contains(corrupted.Message, "not a loadable ML.NET model");
    }

    [TestMethod]
    public void ZipThatIsNotAnMLNetModelIsRejected()
    {
        string path = Path.Combine(_directory, "notes.zip");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            using var writer = new StreamWriter(zip.CreateEntry("notes.txt").Open());
            writer.Write("hello");
        }
        var e = Assert.ThrowsExactly<InvalidDataException>(() => GanModelLoader.Load(_ml, path));
        StringAssert.Contains(e.Message, "is a zip archive but not a loadable ML.NET model");
    }

    [TestMethod]
    public void MLNetModelThatIsNotAGanIsRejected()
    {
        var data = _ml.Data.LoadFromEnumerable(new[] { new FeatureRow { X = [1, 2] }, new FeatureRow { X = [3, 5] } });
        var normalizer = _ml.Transforms.NormalizeMinMax("X").Fit(data);
        string path = Path.Combine(_directory, "minmax.zip");
        _ml.Model.Save(normalizer, data.Schema, path);

        var e = Assert.ThrowsExactly<InvalidDataException>(() => GanModelLoader.Load(_ml, path));
        StringAssert.Contains(e.Message, "is an ML.NET model but not a GAN model");
        StringAssert.Contains(e.Message, "NormalizingTransformer");
    }

    [TestMethod]
    public void MissingFileIsReported()
    {
        Assert.ThrowsExactly<FileNotFoundException>(() => GanModelLoader.Load(_ml, Path.Combine(_directory, "absent.zip")));
    }

    private sealed class FeatureRow
    {
        [Microsoft.ML.Data.VectorType(2)]
        public float[] X { get; set; } = [];
    }
}
