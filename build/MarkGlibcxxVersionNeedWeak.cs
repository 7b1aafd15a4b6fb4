using System;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

/// <summary>
/// Marks the ELF version-need entry named <see cref="VersionName"/> as weak in every libLibTorchSharp.so below
/// <see cref="SearchDirectory"/>, when the system libstdc++ does not provide that version (always with <see cref="Force"/>).
/// </summary>
public sealed class MarkGlibcxxVersionNeedWeak : Task
{
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlagWeak = 0x2;

    /// <summary>Folder searched recursively for libLibTorchSharp.so.</summary>
    [Required] public string SearchDirectory { get; set; } = "";

    /// <summary>Version name whose need becomes weak, e.g. GLIBCXX_3.4.32.</summary>
    [Required] public string VersionName { get; set; } = "";

    /// <summary>Mark the need weak even when this machine's libstdc++ has the version (outputs meant for other machines).</summary>
    public bool Force { get; set; }

    /// <inheritdoc />
    public override bool Execute()
    {
        if (!Directory.Exists(SearchDirectory))
            return true;
        string[] libraries = Directory.GetFiles(SearchDirectory, "libLibTorchSharp.so", SearchOption.AllDirectories);
        if (libraries.Length == 0 || (!Force && SystemLibstdcxxHasVersion()))
            return true;
        foreach (string library in libraries)
        {
            try
            {
                int changed = MarkWeak(library);
                if (changed > 0)
                    Log.LogMessage(MessageImportance.High, $"TorchSharp native fix: marked {VersionName} need weak in {library}");
            }
            catch (Exception e) when (e is IOException || e is InvalidDataException || e is UnauthorizedAccessException)
            {
                Log.LogError($"TorchSharp native fix failed for {library}: {e.Message}");
                return false;
            }
        }
        return true;
    }

    private bool SystemLibstdcxxHasVersion()
    {
        string[] candidates =
        {
            "/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "/lib/x86_64-linux-gnu/libstdc++.so.6",
            "/usr/lib/aarch64-linux-gnu/libstdc++.so.6", "/usr/lib64/libstdc++.so.6", "/usr/lib/libstdc++.so.6",
        };
        byte[] needle = Encoding.ASCII.GetBytes(VersionName + "\0");
        foreach (string path in candidates)
        {
            if (File.Exists(path))
                return Contains(File.ReadAllBytes(path), needle);
        }
        return false;
    }

    private static bool Contains(byte[] haystack, byte[] needle)
    {
        for (int i = 0; i + needle.Length <= haystack.Length; i++)
        {
            int j = 0;
            while (j < needle.Length && haystack[i + j] == needle[j])
                j++;
            if (j == needle.Length)
                return true;
        }
        return false;
    }

    /// <summary>Sets VER_FLG_WEAK on matching vernaux entries; returns how many entries changed.</summary>
    private int MarkWeak(string path)
    {
        byte[] elf = File.ReadAllBytes(path);
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
            throw new InvalidDataException("not an ELF file");
        if (elf[4] != 2 || elf[5] != 1)
            throw new InvalidDataException("only 64-bit little-endian ELF is supported");

        long sectionTable = (long)BitConverter.ToUInt64(elf, 0x28);
        int sectionSize = BitConverter.ToUInt16(elf, 0x3A);
        int sectionCount = BitConverter.ToUInt16(elf, 0x3C);
        var patches = new System.Collections.Generic.List<long>();
        for (int s = 0; s < sectionCount; s++)
        {
            long header = sectionTable + (long)s * sectionSize;
            if (BitConverter.ToUInt32(elf, (int)header + 4) != ShtGnuVerneed)
                continue;
            long offset = (long)BitConverter.ToUInt64(elf, (int)header + 0x18);
            uint linkedStrings = BitConverter.ToUInt32(elf, (int)header + 0x28);
            uint needCount = BitConverter.ToUInt32(elf, (int)header + 0x2C);
            long stringsHeader = sectionTable + (long)linkedStrings * sectionSize;
            long strings = (long)BitConverter.ToUInt64(elf, (int)stringsHeader + 0x18);

            long need = offset;
            for (uint n = 0; n < needCount; n++)
            {
                int auxCount = BitConverter.ToUInt16(elf, (int)need + 2);
                long aux = need + BitConverter.ToUInt32(elf, (int)need + 8);
                for (int a = 0; a < auxCount; a++)
                {
                    ushort flags = BitConverter.ToUInt16(elf, (int)aux + 4);
                    uint name = BitConverter.ToUInt32(elf, (int)aux + 8);
                    if (ReadString(elf, strings + name) == VersionName && (flags & VerFlagWeak) == 0)
                    {
                        BitConverter.GetBytes((ushort)(flags | VerFlagWeak)).CopyTo(elf, aux + 4);
                        patches.Add(aux + 4);
                    }
                    aux += BitConverter.ToUInt32(elf, (int)aux + 12);
                }
                need += BitConverter.ToUInt32(elf, (int)need + 12);
            }
        }
        if (patches.Count > 0)
        {
            // Patch a copy beside the file (same mode bits) and swap it in: the output file may be a hard link into
            // the NuGet cache (CreateHardLinksForCopyLocalIfPossible), which must stay untouched.
            string temporary = path + ".glibcxx-fix.tmp";
            File.Copy(path, temporary, overwrite: true);
            using (var stream = new FileStream(temporary, FileMode.Open, FileAccess.Write))
            {
                foreach (long position in patches)
                {
                    stream.Position = position;
                    stream.Write(elf, (int)position, 2);
                }
            }
            File.Replace(temporary, path, destinationBackupFileName: null);
        }
        return patches.Count;
    }

    private static string ReadString(byte[] elf, long offset)
    {
        int end = (int)offset;
        while (end < elf.Length && elf[end] != 0)
            end++;
        return Encoding.ASCII.GetString(elf, (int)offset, end - (int)offset);
    }
}
