using System.IO.Compression;
using Microsoft.ML.Data;

namespace Microsoft.ML.Gan.Tabular.Tests.Data;

/// <summary>The UCI Adult data shipped with the repository (data/adult.csv.gz), loaded with explicit column types.</summary>
internal static class AdultData
{
    public static readonly string[] Discrete =
        ["workclass", "education", "marital-status", "occupation", "relationship", "race", "sex", "native-country", "income"];

    public static readonly string[] Continuous =
        ["age", "fnlwgt", "education-num", "capital-gain", "capital-loss", "hours-per-week"];

    private static readonly Lazy<string> CsvPath = new(Decompress);

    public static IDataView Load(MLContext mlContext)
    {
        var columns = new TextLoader.Column[]
        {
            new("age", DataKind.Int32, 0), new("workclass", DataKind.String, 1), new("fnlwgt", DataKind.Int32, 2),
            new("education", DataKind.String, 3), new("education-num", DataKind.Int32, 4), new("marital-status", DataKind.String, 5),
            new("occupation", DataKind.String, 6), new("relationship", DataKind.String, 7), new("race", DataKind.String, 8),
            new("sex", DataKind.String, 9), new("capital-gain", DataKind.Single, 10), new("capital-loss", DataKind.Single, 11),
            new("hours-per-week", DataKind.Int32, 12), new("native-country", DataKind.String, 13), new("income", DataKind.String, 14),
        };
        return mlContext.Data.LoadFromTextFile(CsvPath.Value, columns, separatorChar: ',', hasHeader: true);
    }

    private static string Decompress()
    {
        string path = Path.Combine(Path.GetTempPath(), $"adult-{Environment.ProcessId}.csv");
        using var source = new GZipStream(File.OpenRead(FindRepositoryFile("data/adult.csv.gz")), CompressionMode.Decompress);
        using var target = File.Create(path);
        source.CopyTo(target);
        return path;
    }

    private static string FindRepositoryFile(string relativePath)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            string candidate = Path.Combine(directory.FullName, relativePath);
            if (File.Exists(candidate))
                return candidate;
        }
        throw new FileNotFoundException($"{relativePath} was not found above {AppContext.BaseDirectory}.");
    }
}
