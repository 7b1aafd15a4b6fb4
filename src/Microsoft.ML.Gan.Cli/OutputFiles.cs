using System.Runtime.InteropServices;
using Microsoft.ML.Gan.Persistence;

namespace Microsoft.ML.Gan.Cli;

/// <summary>
/// Checks output paths before any work starts (loading, training, sampling), so that a mistake costs a second and
/// not the whole run: the folder exists and is writable, the path is not a folder, an existing file needs
/// <c>--overwrite</c>, and no output is one of the command's inputs (compared after resolving symbolic links).
/// </summary>
internal static class OutputFiles
{
    /// <summary>Checks the file that <paramref name="flag"/> names; returns its full path.</summary>
    /// <exception cref="CliUsageException">The output is one of <paramref name="inputs"/>.</exception>
    /// <exception cref="IOException">The output exists without --overwrite, is a folder, or its folder is missing or read-only.</exception>
    public static string Check(string flag, string path, bool overwrite, params (string Flag, string? Path)[] inputs)
    {
        string full = Path.GetFullPath(path);
        foreach (var (inputFlag, input) in inputs)
        {
            if (input is not null && SameFile(full, Path.GetFullPath(input)))
                throw new CliUsageException($"{flag} '{path}' is the {inputFlag} file: an output never replaces an input; choose another {flag}.");
        }
        try
        {
            return AtomicFile.CheckTarget(full, overwrite);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            string folder = Path.GetDirectoryName(full)!;
            throw new IOException(
                Directory.Exists(full) ? $"{flag} '{path}' is a folder; give a file name."
                : !Directory.Exists(folder) ? $"{flag} '{path}': the folder '{folder}' does not exist."
                : File.Exists(full) && !overwrite ? $"{flag} '{path}' already exists; add --overwrite to replace it."
                : $"{flag} '{path}': the folder '{folder}' is not writable ({e.InnerException?.Message ?? e.Message}).", e);
        }
    }

    /// <summary>Whether two paths name the same file, following symbolic links (in the file name and in its folders).</summary>
    public static bool SameFile(string a, string b)
    {
        var comparison = OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        return string.Equals(Resolve(a), Resolve(b), comparison);
    }

    private static string Resolve(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            // realpath(3) follows links in every component; a path that does not exist yet keeps its folder resolved.
            if (RealPath(path) is { } real)
                return real;
            string? folder = Path.GetDirectoryName(path);
            return folder is not null && RealPath(folder) is { } realFolder ? Path.Combine(realFolder, Path.GetFileName(path)) : path;
        }
        return File.Exists(path) ? new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path : path;
    }

    private static string? RealPath(string path)
    {
        IntPtr resolved = realpath(path, IntPtr.Zero);
        if (resolved == IntPtr.Zero)
            return null;
        try
        {
            return Marshal.PtrToStringUTF8(resolved);
        }
        finally
        {
            free(resolved);
        }
    }

    [DllImport("libc", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern IntPtr realpath(string path, IntPtr resolved);

    [DllImport("libc")]
    private static extern void free(IntPtr pointer);
}
