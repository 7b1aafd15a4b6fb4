using Microsoft.ML.Data;

namespace Microsoft.ML.Gan.Tests.Persistence;

/// <summary>Small inputs and readers shared by the persistence tests.</summary>
internal static class PersistenceTestData
{
    public sealed class InputRow
    {
        public string Name { get; set; } = "";

        public int RowSeed { get; set; }
    }

    public sealed class NoInput
    {
    }

    public sealed class SeedInput
    {
        public int RowSeed { get; set; }
    }

    public sealed class GeneratedOutput
    {
        public float[] Generated { get; set; } = [];
    }

    /// <summary>n rows: Name = "row{i}", RowSeed = i % 50 (so seeds repeat).</summary>
    public static IDataView Rows(MLContext mlContext, int n) =>
        mlContext.Data.LoadFromEnumerable(Enumerable.Range(0, n).Select(i => new InputRow { Name = $"row{i}", RowSeed = i % 50 }).ToArray());

    public static float[][] ReadVectors(IDataView view, string columnName)
    {
        var column = view.Schema[columnName];
        var rows = new List<float[]>();
        using var cursor = view.GetRowCursor([column]);
        var getter = cursor.GetGetter<VBuffer<float>>(column);
        VBuffer<float> value = default;
        while (cursor.MoveNext())
        {
            getter(ref value);
            rows.Add(value.DenseValues().ToArray());
        }
        return rows.ToArray();
    }

    public static string[] ReadStrings(IDataView view, string columnName) =>
        view.GetColumn<string>(columnName).ToArray();

    public static void AssertSameRows(float[][] expected, float[][] actual)
    {
        Assert.HasCount(expected.Length, actual);
        for (int i = 0; i < expected.Length; i++)
            CollectionAssert.AreEqual(expected[i], actual[i], $"row {i} differs");
    }

    public static string NewTempDirectory()
    {
        string path = Path.Combine(Path.GetTempPath(), "mlgan-persist-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}
