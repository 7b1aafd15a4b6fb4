using System.Buffers;
using System.Text.Unicode;

namespace Microsoft.ML.Gan.Tabular.Data;

/// <summary>Finds the first byte of a file that is not valid UTF-8, and its line, for the error message.</summary>
internal static class InvalidUtf8
{
    public static (long Line, long Offset) Locate(string path)
    {
        using var stream = File.OpenRead(path);
        var bytes = new byte[1 << 16];
        var chars = new char[bytes.Length];
        long offset = 0, line = 1;
        int carried = 0;
        while (true)
        {
            int read = stream.Read(bytes, carried, bytes.Length - carried);
            int available = carried + read;
            bool final = read == 0;
            var status = Utf8.ToUtf16(bytes.AsSpan(0, available), chars, out int consumed, out _, replaceInvalidSequences: false, isFinalBlock: final);
            line += bytes.AsSpan(0, consumed).Count((byte)'\n');
            if (status == OperationStatus.InvalidData)
                return (line, offset + consumed);
            if (final)
                return (line, offset + consumed);
            offset += consumed;
            carried = available - consumed;
            bytes.AsSpan(consumed, carried).CopyTo(bytes);
        }
    }
}
