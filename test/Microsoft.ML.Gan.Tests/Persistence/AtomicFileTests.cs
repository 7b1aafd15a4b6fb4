using Microsoft.ML.Gan.Persistence;

namespace Microsoft.ML.Gan.Tests.Persistence;

/// <summary>Atomic writes: a target is replaced whole or not at all, and never without asking.</summary>
[TestClass]
public sealed class AtomicFileTests
{
    private string _folder = "";

    [TestInitialize]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("mlgan-atomic-").FullName;

    [TestCleanup]
    public void RemoveFolder() => Directory.Delete(_folder, recursive: true);

    private string[] Entries() => [.. Directory.GetFileSystemEntries(_folder).Select(Path.GetFileName).Order()!];

    [TestMethod]
    public void AnExistingFileIsReplacedOnlyWhenOverwriting()
    {
        string path = Path.Combine(_folder, "model.zip");
        File.WriteAllText(path, "previous");
        var error = Assert.ThrowsExactly<IOException>(() => AtomicFile.Write(path, overwrite: false, s => s.WriteByte(1)));
        StringAssert.Contains(error.Message, "already exists");
        Assert.AreEqual("previous", File.ReadAllText(path));
        AtomicFile.Write(path, overwrite: true, s => s.Write("new"u8));
        Assert.AreEqual("new", File.ReadAllText(path));
        CollectionAssert.AreEqual(new[] { "model.zip" }, Entries());
    }

    [TestMethod]
    public void AWriteStoppedAtAnyPointLeavesThePreviousFile()
    {
        string path = Path.Combine(_folder, "model.zip");
        File.WriteAllText(path, "previous");
        // Failing half-way: the temporary file is removed.
        Assert.ThrowsExactly<InvalidOperationException>(() => AtomicFile.Write(path, overwrite: true, s =>
        {
            s.Write(new byte[100_000]);
            throw new InvalidOperationException("disk full");
        }));
        Assert.AreEqual("previous", File.ReadAllText(path));
        CollectionAssert.AreEqual(new[] { "model.zip" }, Entries());

        // A process stopped mid-write (the state a kill leaves): the target is still the previous file, and the
        // signal handler's cleanup removes the temporary file.
        var open = AtomicFile.Create(path, overwrite: true);
        open.Stream.Write(new byte[50_000]);
        open.Stream.Flush();
        Assert.AreEqual("previous", File.ReadAllText(path));
        Assert.HasCount(2, Entries());
        AtomicFile.DeleteOpenTemporaries();
        CollectionAssert.AreEqual(new[] { "model.zip" }, Entries());
        open.Dispose();
    }

    [TestMethod]
    public void TargetsThatCannotBeWrittenAreRefusedBeforeAnyWrite()
    {
        Assert.ThrowsExactly<DirectoryNotFoundException>(() => AtomicFile.CheckTarget(Path.Combine(_folder, "missing", "x.csv"), overwrite: true));
        var folder = Assert.ThrowsExactly<IOException>(() => AtomicFile.CheckTarget(_folder, overwrite: true));
        StringAssert.Contains(folder.Message, "is a folder");
        string readOnly = ReadOnlyFolder(_folder);
        Assert.ThrowsExactly<UnauthorizedAccessException>(() => AtomicFile.CheckTarget(Path.Combine(readOnly, "x.csv"), overwrite: true));
        Assert.IsEmpty(Directory.GetFileSystemEntries(_folder).Where(e => !Directory.Exists(e)));
    }

    /// <summary>
    /// A folder new files cannot be created in: a mode 555 folder, or (for root, whom modes do not stop) /sys, which
    /// the kernel keeps read-only.
    /// </summary>
    internal static string ReadOnlyFolder(string parent)
    {
        string folder = Path.Combine(parent, "read-only");
        Directory.CreateDirectory(folder);
        if (OperatingSystem.IsWindows())
            throw new AssertInconclusiveException("Read-only folders are tested on Unix only.");
        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        try
        {
            File.WriteAllText(Path.Combine(folder, "probe"), "");
        }
        catch (UnauthorizedAccessException)
        {
            return folder;
        }
        File.Delete(Path.Combine(folder, "probe"));
        return OperatingSystem.IsLinux() ? "/sys" : throw new AssertInconclusiveException("Running as root without a read-only folder.");
    }
}
