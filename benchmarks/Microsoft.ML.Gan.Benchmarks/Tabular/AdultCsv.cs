using System.IO.Compression;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Microsoft.ML.Gan.Benchmarks.Tabular;

/// <summary>The shipped UCI Adult table (data/adult.csv.gz, found above the current directory), decompressed to a temporary file.</summary>
internal sealed class AdultCsv : IDisposable
{
    private AdultCsv(string path) => Path = path;

    /// <summary>The decompressed CSV.</summary>
    public string Path { get; }

    public static AdultCsv Decompress()
    {
        string path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"adult-benchmark-{Environment.ProcessId}.csv");
        using var source = new GZipStream(File.OpenRead(FindUpwards("data/adult.csv.gz")), CompressionMode.Decompress);
        using var target = File.Create(path);
        source.CopyTo(target);
        return new AdultCsv(path);
    }

    /// <summary>The table with its natural types (whole numbers as Int32, capital gain/loss as Single), cached in memory.</summary>
    public IDataView Load(MLContext mlContext)
    {
        var columns = new TextLoader.Column[]
        {
            new("age", DataKind.Int32, 0), new("workclass", DataKind.String, 1), new("fnlwgt", DataKind.Int32, 2),
            new("education", DataKind.String, 3), new("education-num", DataKind.Int32, 4), new("marital-status", DataKind.String, 5),
            new("occupation", DataKind.String, 6), new("relationship", DataKind.String, 7), new("race", DataKind.String, 8),
            new("sex", DataKind.String, 9), new("capital-gain", DataKind.Single, 10), new("capital-loss", DataKind.Single, 11),
            new("hours-per-week", DataKind.Int32, 12), new("native-country", DataKind.String, 13), new("income", DataKind.String, 14),
        };
        return mlContext.Data.Cache(mlContext.Data.LoadFromTextFile(Path, columns, separatorChar: ',', hasHeader: true));
    }


    public void Dispose() => File.Delete(Path);

    private static string FindUpwards(string relativePath)
    {
        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            string candidate = System.IO.Path.Combine(directory.FullName, relativePath);
            if (File.Exists(candidate))
                return candidate;
        }
        throw new FileNotFoundException($"{relativePath} was not found in {Environment.CurrentDirectory} or any folder above it.");
    }
}
