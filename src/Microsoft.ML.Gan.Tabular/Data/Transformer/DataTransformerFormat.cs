using System.Security.Cryptography;
using System.Text;

namespace Microsoft.ML.Gan.Tabular.Data;

/// <summary>
/// The envelope of a saved <see cref="DataTransformer"/>: a magic tag, a format version, the payload's length, the
/// payload and its SHA-256, so that truncated or altered bytes are reported instead of misread.
/// </summary>
internal static class DataTransformerFormat
{
    private const int Version = 2; // 2: point masses of continuous columns, PointMassShare
    private const int MaxPayload = int.MaxValue / 2;
    private static readonly byte[] Magic = Encoding.ASCII.GetBytes("MLGAN.DT");

    public static void Write(BinaryWriter writer, Action<BinaryWriter> writePayload)
    {
        ArgumentNullException.ThrowIfNull(writer);
        using var buffer = new MemoryStream();
        using (var payload = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
            writePayload(payload);
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        writer.Write(Magic);
        writer.Write(Version);
        writer.Write(bytes.Length);
        writer.Write(bytes);
        writer.Write(SHA256.HashData(bytes));
    }

    public static T Read<T>(BinaryReader reader, Func<BinaryReader, T> readPayload)
    {
        ArgumentNullException.ThrowIfNull(reader);
        byte[] payload;
        try
        {
            if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
                throw new InvalidDataException("The bytes are not a saved DataTransformer (wrong header).");
            int version = reader.ReadInt32();
            if (version != Version)
                throw new InvalidDataException($"The saved DataTransformer has format version {version}; this library reads version {Version}.");
            int length = reader.ReadInt32();
            if (length < 0 || length > MaxPayload)
                throw new InvalidDataException($"The saved DataTransformer declares an invalid length {length}.");
            payload = reader.ReadBytes(length);
            var hash = reader.ReadBytes(SHA256.HashSizeInBytes);
            if (payload.Length != length || hash.Length != SHA256.HashSizeInBytes)
                throw new InvalidDataException("The saved DataTransformer is truncated.");
            if (!SHA256.HashData(payload).AsSpan().SequenceEqual(hash))
                throw new InvalidDataException("The saved DataTransformer is corrupt (checksum mismatch).");
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("The saved DataTransformer is truncated.", e);
        }
        try
        {
            using var payloadReader = new BinaryReader(new MemoryStream(payload), Encoding.UTF8);
            var result = readPayload(payloadReader);
            if (payloadReader.BaseStream.Position != payload.Length)
                throw new InvalidDataException("The saved DataTransformer has unexpected trailing bytes.");
            return result;
        }
        catch (Exception e) when (e is not InvalidDataException)
        {
            throw new InvalidDataException($"The saved DataTransformer could not be read: {e.Message}", e);
        }
    }
}
