namespace Microsoft.ML.Gan.Persistence;

/// <summary>
/// Writes a file all or nothing: the content goes to a hidden temporary file in the same folder (".name.random.tmp"),
/// is flushed to disk, and only then renamed over the target (a rename within one folder is atomic). Until
/// <see cref="Commit"/> the target is untouched; disposing an uncommitted file deletes the temporary file, so a failure
/// or a cancellation leaves the target as it was (a previous model stays loadable). Temporary files still open are
/// listed by <see cref="DeleteOpenTemporaries"/>, which a process calls when it is being stopped.
/// </summary>
internal sealed class AtomicFile : IDisposable
{
    private static readonly HashSet<string> OpenTemporaries = [];
    private readonly FileStream _stream;
    private readonly bool _overwrite;
    private bool _committed;

    private AtomicFile(string target, bool overwrite)
    {
        Target = target;
        _overwrite = overwrite;
        TemporaryPath = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        lock (OpenTemporaries)
            OpenTemporaries.Add(TemporaryPath);
        try
        {
            _stream = new FileStream(TemporaryPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
        }
        catch
        {
            Forget();
            throw;
        }
    }

    /// <summary>The full path of the file being written.</summary>
    public string Target { get; }

    /// <summary>The temporary file the content goes to until <see cref="Commit"/>.</summary>
    public string TemporaryPath { get; }

    /// <summary>
    /// The temporary file's stream; write the content here. A writer that needs the file by name (a database engine)
    /// disposes this stream and writes to <see cref="TemporaryPath"/> instead, syncing it itself.
    /// </summary>
    public Stream Stream => _stream;

    /// <summary>Starts writing <paramref name="path"/> (see <see cref="CheckTarget"/> for what is refused).</summary>
    /// <param name="path">The file to write.</param>
    /// <param name="overwrite">Replace an existing file; false refuses it.</param>
    /// <exception cref="IOException">The target exists and <paramref name="overwrite"/> is false, or it is a folder.</exception>
    /// <exception cref="DirectoryNotFoundException">The target's folder does not exist.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder is not writable.</exception>
    public static AtomicFile Create(string path, bool overwrite)
    {
        string full = CheckTarget(path, overwrite);
        return new AtomicFile(full, overwrite);
    }

    /// <summary>Writes <paramref name="path"/> through <paramref name="write"/>, which receives the temporary file's stream.</summary>
    /// <param name="path">The file to write.</param>
    /// <param name="overwrite">Replace an existing file; false refuses it.</param>
    /// <param name="write">Writes the content.</param>
    /// <param name="cancellationToken">Checked before the rename; when cancelled the target is left as it was.</param>
    /// <inheritdoc cref="Create" path="/exception"/>
    public static void Write(string path, bool overwrite, Action<Stream> write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var file = Create(path, overwrite);
        write(file.Stream);
        cancellationToken.ThrowIfCancellationRequested();
        file.Commit();
    }

    /// <summary>
    /// Checks, without writing anything, that <paramref name="path"/> can be written: its folder exists and accepts new
    /// files (probed by creating and deleting a temporary file, so read-only folders and file systems are caught), the
    /// path is not a folder, and it does not exist unless <paramref name="overwrite"/> is true. Call it before long work
    /// whose result goes there.
    /// </summary>
    /// <returns>The full path.</returns>
    /// <inheritdoc cref="Create" path="/exception"/>
    public static string CheckTarget(string path, bool overwrite)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string full = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(full) ?? throw new IOException($"'{path}' names no file.");
        if (Directory.Exists(full))
            throw new IOException($"'{full}' is a folder, not a file.");
        if (!Directory.Exists(folder))
            throw new DirectoryNotFoundException($"The folder '{folder}' does not exist.");
        if (File.Exists(full) && !overwrite)
            throw new IOException($"'{full}' already exists; it is replaced only when overwriting is asked for.");
        string probe = Path.Combine(folder, $".mlgan-write-probe.{Guid.NewGuid():N}.tmp");
        try
        {
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new UnauthorizedAccessException($"The folder '{folder}' is not writable: {e.Message}", e);
        }
        return full;
    }

    /// <summary>
    /// Flushes the content to disk and renames the temporary file to the target. Without overwriting, a target that
    /// appeared meanwhile is not replaced (an <see cref="IOException"/>, and the temporary file is deleted).
    /// </summary>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_committed, this);
        if (_stream.CanWrite)
            _stream.Flush(flushToDisk: true);
        _stream.Dispose();
        File.Move(TemporaryPath, Target, _overwrite);
        _committed = true;
        Forget();
    }

    /// <summary>Deletes the temporary file unless <see cref="Commit"/> ran.</summary>
    public void Dispose()
    {
        if (_committed)
            return;
        _stream.Dispose();
        TryDelete(TemporaryPath);
        Forget();
        _committed = true;
    }

    /// <summary>
    /// Deletes every temporary file of an <see cref="AtomicFile"/> still being written in this process; for a process
    /// that is stopped (Ctrl-C, SIGTERM) before its writers could clean up.
    /// </summary>
    public static void DeleteOpenTemporaries()
    {
        string[] open;
        lock (OpenTemporaries)
            open = [.. OpenTemporaries];
        foreach (string path in open)
            TryDelete(path);
    }

    /// <summary>
    /// Deletes a temporary file and the journal SQLite may keep beside it, ignoring failures (best effort: a temporary
    /// name never looks like a finished output).
    /// </summary>
    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
            File.Delete(path + "-journal");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    private void Forget()
    {
        lock (OpenTemporaries)
            OpenTemporaries.Remove(TemporaryPath);
    }
}
