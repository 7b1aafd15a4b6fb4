using Microsoft.ML.Data;
using Microsoft.ML.Gan.Tabular.Data;
using Microsoft.ML.Gan.Tabular.Export;

namespace Microsoft.ML.Gan.Tabular.Tests.Export;

/// <summary>A progress sink that calls back synchronously (unlike <see cref="Progress{T}"/>, which posts).</summary>
internal sealed class Callback(Action<long> action) : IProgress<long>
{
    public void Report(long value) => action(value);
}

/// <summary>A fresh temporary folder, deleted on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("mlgan-export-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string[] Entries() => [.. Directory.GetFileSystemEntries(Path).Select(System.IO.Path.GetFileName).Order()!];

    public void Dispose() => Directory.Delete(Path, recursive: true);
}

internal static class ExportTables
{
    /// <summary>Options with every filter off: a plain export.</summary>
    public static SyntheticExportOptions Plain(bool overwrite = false, IProgress<long>? progress = null, int interval = 10_000) => new()
    {
        DropExactCopies = false,
        RareCategoryThreshold = 0,
        Overwrite = overwrite,
        Progress = progress,
        ProgressInterval = interval,
    };

    /// <summary>Text that needs CSV quoting, plus a Single, a UInt16 and a Double with extreme values.</summary>
    public static TabularTable Awkward() => new(
    [
        new DiscreteColumn("Note, with comma", TextDataViewType.Instance, [0, 1, 2, 3], ["plain", "comma, inside", "quote \" inside", "line\nbreak"]),
        new ContinuousColumn("Small", NumberDataViewType.Single, [1.5, float.NaN, -0.25, 3.4028234663852886E+38]),
        new ContinuousColumn("Count", NumberDataViewType.UInt16, [0, 1, 65535, 7]),
        new ContinuousColumn("Precise", NumberDataViewType.Double, [Math.PI, -1e-300, 1e300, 0.1]),
    ]);
}
