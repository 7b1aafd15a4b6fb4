using Microsoft.ML.Data;
using Microsoft.ML.Gan.Tabular.Ctgan;

namespace Microsoft.ML.Gan.Tabular.Tests.Ctgan;

[TestClass]
public sealed class CtganPersistenceTests
{
    [TestMethod]
    public void GenericLoadGivesTheSameRowsAsTheLiveModel()
    {
        var mlContext = TrainedCtgan.Context;
        var input = mlContext.Data.LoadFromEnumerable(Enumerable.Range(0, 300).Select(i => new CtganSamplingTests.IdRow { Id = i }));
        string path = Path.Combine(Path.GetTempPath(), $"ctgan-{Guid.NewGuid():N}.zip");
        try
        {
            mlContext.Model.Save(TrainedCtgan.Model, input.Schema, path);
            var loaded = new MLContext(seed: 99).Model.Load(path, out _);
            var expected = TrainedCtgan.Model.Transform(input);
            var actual = loaded.Transform(input);
            CollectionAssert.AreEqual(Visible(expected.Schema), Visible(actual.Schema));
            CollectionAssert.AreEqual(expected.GetColumn<double>("Amount").ToArray(), actual.GetColumn<double>("Amount").ToArray());
            CollectionAssert.AreEqual(expected.GetColumn<int>("Count").ToArray(), actual.GetColumn<int>("Count").ToArray());
            CollectionAssert.AreEqual(Texts(expected, "Region"), Texts(actual, "Region"));
            CollectionAssert.AreEqual(expected.GetColumn<bool>("Flag").ToArray(), actual.GetColumn<bool>("Flag").ToArray());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public void TypedLoadGivesTheSameSamples()
    {
        var mlContext = TrainedCtgan.Context;
        string path = Path.Combine(Path.GetTempPath(), $"ctgan-{Guid.NewGuid():N}.zip");
        try
        {
            mlContext.Model.Save(TrainedCtgan.Model, null, path);
            using var loaded = CtganModel.Load(new MLContext(), path);
            Assert.AreEqual(TrainedCtgan.Model.Seed, loaded.Seed);
            CollectionAssert.AreEqual(CtganSamplingTests.Amounts(TrainedCtgan.Model.SampleTable(1000, seed: 8)),
                CtganSamplingTests.Amounts(loaded.SampleTable(1000, seed: 8)));
            var conditioned = loaded.SampleTable(200, seed: 2, condition: ("Kind", "D"));
            CollectionAssert.AreEqual(CtganSamplingTests.Amounts(TrainedCtgan.Model.SampleTable(200, seed: 2, condition: ("Kind", "D"))),
                CtganSamplingTests.Amounts(conditioned));
            CollectionAssert.AreEqual(Visible(TrainedCtgan.Model.SampleSchema), Visible(loaded.SampleSchema));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public void ModelsNameTheFixedAssemblyVersionAndOnesSavedByTheFirstReleaseStillLoad()
    {
        var mlContext = TrainedCtgan.Context;
        string path = Path.Combine(Path.GetTempPath(), $"ctgan-{Guid.NewGuid():N}.zip");
        const string Fixed = "Microsoft.ML.Gan.Tabular, Version=1.0.0.0";
        const string FirstRelease = "Microsoft.ML.Gan.Tabular, Version=0.1.0.0";
        try
        {
            mlContext.Model.Save(TrainedCtgan.Model, null, path);
            Assert.IsGreaterThan(0, RewriteModelKeys(path, Fixed, FirstRelease), "a saved model names the Tabular assembly with the fixed version 1.0.0.0");
            using var loaded = CtganModel.Load(new MLContext(), path);
            CollectionAssert.AreEqual(CtganSamplingTests.Amounts(TrainedCtgan.Model.SampleTable(300, seed: 4)),
                CtganSamplingTests.Amounts(loaded.SampleTable(300, seed: 4)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public void AModelOfANewerReleaseNamesTheAssemblyVersionItNeeds()
    {
        string path = Path.Combine(Path.GetTempPath(), $"ctgan-{Guid.NewGuid():N}.zip");
        try
        {
            TrainedCtgan.Context.Model.Save(TrainedCtgan.Model, null, path);
            RewriteModelKeys(path, "Microsoft.ML.Gan.Tabular, Version=1.0.0.0", "Microsoft.ML.Gan.Tabular, Version=9.0.0.0");
            var error = Assert.ThrowsExactly<InvalidDataException>(() => CtganModel.Load(new MLContext(), path));
            StringAssert.Contains(error.Message, "Microsoft.ML.Gan.Tabular, Version=9.0.0.0");
            Assert.DoesNotContain("target of an invocation", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Replaces a loader name in every Model.key of a saved model (same length); returns how many it replaced.</summary>
    private static int RewriteModelKeys(string path, string from, string to)
    {
        int renamed = 0;
        using var zip = System.IO.Compression.ZipFile.Open(path, System.IO.Compression.ZipArchiveMode.Update);
        foreach (var entry in zip.Entries.Where(e => e.Name == "Model.key").ToList())
        {
            byte[] bytes;
            using (var read = entry.Open())
            using (var copy = new MemoryStream())
            {
                read.CopyTo(copy);
                bytes = copy.ToArray();
            }
            // Loader names are UTF-16 strings.
            int replaced = ReplaceAll(bytes, System.Text.Encoding.Unicode.GetBytes(from), System.Text.Encoding.Unicode.GetBytes(to));
            if (replaced == 0)
                continue;
            renamed += replaced;
            using var write = entry.Open();
            write.SetLength(0);
            write.Write(bytes);
        }
        return renamed;
    }

    private static int ReplaceAll(byte[] bytes, byte[] from, byte[] to)
    {
        int count = 0;
        for (int at = bytes.AsSpan().IndexOf(from); at >= 0; at = bytes.AsSpan().IndexOf(from))
        {
            to.CopyTo(bytes, at);
            count++;
        }
        return count;
    }

    private static (string, DataViewType)[] Visible(DataViewSchema schema) =>
        schema.Where(c => !c.IsHidden).Select(c => (c.Name, c.Type)).ToArray();

    private static string[] Texts(IDataView data, string column) =>
        data.GetColumn<ReadOnlyMemory<char>>(column).Select(v => v.ToString()).ToArray();
}
