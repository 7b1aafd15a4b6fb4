using System.Runtime.InteropServices;

namespace Microsoft.ML.Gan.Torch;

/// <summary>
/// Loads TorchSharp's native library once, and when that fails throws an error that names the real cause: TorchSharp's
/// own message ("doesn't contain a reference to libtorch-cpu-…") hides what the dynamic loader said, such as a
/// libstdc++ without GLIBCXX_3.4.32.
/// </summary>
internal static class TorchNativeLibrary
{
    private const string LibraryName = "libLibTorchSharp.so";
    private static readonly Lazy<Exception?> LoadFailure = new(TryLoad);

    /// <exception cref="InvalidOperationException">The native library cannot be loaded; the message says why.</exception>
    public static void EnsureLoaded()
    {
        if (LoadFailure.Value is { } failure)
            throw new InvalidOperationException(failure.Message, failure.InnerException);
    }

    private static Exception? TryLoad()
    {
        try
        {
            torch.InitializeDeviceType(DeviceType.CPU);
            return null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new InvalidOperationException(Explain(e, OperatingSystem.IsLinux() ? FindLibrary() : null), e);
        }
    }

    /// <summary>The message for a failed load: what the loader says about <paramref name="library"/>, then TorchSharp's words.</summary>
    internal static string Explain(Exception torchError, string? library)
    {
        string? loader = library is null ? null : LoaderError(library);
        string firstLine = torchError.Message.Split('\n', 2)[0].Trim();
        string cause = loader is null ? "" : $" The dynamic loader says: {loader}.";
        string remedy = loader is not null && loader.Contains("GLIBCXX", StringComparison.Ordinal)
            ? " This system's libstdc++ is older than the one TorchSharp's native library asks for. Reference the MLGan package " +
              "(its build marks that version need weak in the output folder's copy) and run from the build or publish output; " +
              "see \"Troubleshooting\" in the Microsoft.ML.Gan README."
            : "";
        return $"TorchSharp's native library could not be loaded.{cause}{remedy} TorchSharp says: {firstLine}";
    }

    /// <summary>The loader's error for <paramref name="path"/>, or null when it loads.</summary>
    internal static string? LoaderError(string path)
    {
        try
        {
            NativeLibrary.Free(NativeLibrary.Load(path));
            return null;
        }
        catch (Exception e) when (e is DllNotFoundException or BadImageFormatException)
        {
            return e.Message.TrimEnd('.', ' ', '\n');
        }
    }

    /// <summary>Whether this system's libstdc++ (the first of the usual paths that exists) provides <paramref name="version"/>.</summary>
    internal static bool SystemLibstdcxxHas(string version)
    {
        string? library = new[] { "/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "/usr/lib/aarch64-linux-gnu/libstdc++.so.6", "/usr/lib64/libstdc++.so.6", "/usr/lib/libstdc++.so.6" }
            .FirstOrDefault(File.Exists);
        return library is not null && System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(library)).Contains(version + "\0", StringComparison.Ordinal);
    }

    private static string? FindLibrary()
    {
        string folder = AppContext.BaseDirectory;
        return new[]
        {
            Path.Combine(folder, LibraryName),
            Path.Combine(folder, "runtimes", RuntimeInformation.RuntimeIdentifier, "native", LibraryName),
        }.FirstOrDefault(File.Exists);
    }
}
