namespace Microsoft.ML.Gan.Tabular.Export;

/// <summary>
/// Writes a file all or nothing: the content goes to a hidden temporary file in the same folder, is flushed to disk,
/// and only then renamed over the target (a rename within one folder is atomic). On any failure or cancellation the
/// temporary file is deleted and the target is left as it was.
/// </summary>
internal static class AtomicFile
{
    /// <summary>Writes <paramref name="path"/> through <paramref name="write"/>, which receives the temporary file's stream.</summary>
    public static void Write(string path, Action<Stream> write, CancellationToken cancellationToken)
    {
        string full = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(full) ?? throw new ArgumentException($"Path '{path}' has no folder.", nameof(path));
        if (!Directory.Exists(directory))
            throw new DirectoryNotFoundException($"The folder of '{path}' does not exist: {directory}.");
        string temporary = TemporaryPath(full);
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None))
            {
                write(stream);
                cancellationToken.ThrowIfCancellationRequested();
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, full, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    /// <summary>The temporary name used for <paramref name="fullPath"/>: ".name.random.tmp" beside it.</summary>
    public static string TemporaryPath(string fullPath) =>
        Path.Combine(Path.GetDirectoryName(fullPath)!, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: the temporary name never looks like the finished output.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
