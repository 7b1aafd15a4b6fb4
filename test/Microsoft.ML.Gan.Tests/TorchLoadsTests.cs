using Microsoft.ML.Gan.Torch;
using TorchSharp;

namespace Microsoft.ML.Gan.Tests;

[TestClass]
public sealed class TorchLoadsTests
{
    [TestMethod]
    public void NativeLibraryLoadsAndComputes()
    {
        TorchNativeLibrary.EnsureLoaded();
        using var a = torch.ones(2, 3);
        using var b = a.sum();
        Assert.AreEqual(6f, b.item<float>());
    }

    /// <summary>
    /// TorchSharp 0.107.0's library as shipped (in the NuGet cache, unrepaired) against this system's libstdc++: where
    /// GLIBCXX_3.4.32 is missing (Debian 12), the error names it; the build output's repaired copy loads.
    /// </summary>
    [TestMethod]
    public void LoadErrorNamesTheMissingGlibcxxVersion()
    {
        if (!OperatingSystem.IsLinux())
            return; // the repair and this diagnosis concern Linux only
        using var loaded = torch.ones(1); // libtorch itself is loaded, so only the library's own needs are checked
        string shipped = Path.Combine(PackagesFolder(), "torchsharp", "0.107.0", "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        Assert.IsTrue(File.Exists(shipped), shipped);
        string? error = TorchNativeLibrary.LoaderError(shipped);
        if (TorchNativeLibrary.SystemLibstdcxxHas("GLIBCXX_3.4.32"))
        {
            Assert.IsNull(error);
            return;
        }
        Assert.IsNotNull(error);
        StringAssert.Contains(error, "GLIBCXX_3.4.32");
        string message = TorchNativeLibrary.Explain(new NotSupportedException("This application or script uses TorchSharp but doesn't contain a reference to libtorch-cpu-linux-x64.\nmore"), shipped);
        StringAssert.Contains(message, "GLIBCXX_3.4.32");
        StringAssert.Contains(message, "Troubleshooting");
        StringAssert.Contains(message, "doesn't contain a reference to libtorch-cpu-linux-x64");

        string repaired = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        Assert.IsNull(TorchNativeLibrary.LoaderError(repaired), "the build output's copy is repaired");
    }

    private static string PackagesFolder() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } folder
            ? folder
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

}
