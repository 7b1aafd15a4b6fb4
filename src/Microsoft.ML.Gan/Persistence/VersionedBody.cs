namespace Microsoft.ML.Gan.Persistence;

/// <summary>
/// The version header of a family's payload body, so each family's codec can keep a reader for every layout it ever
/// wrote. A versioned body starts with the 4-byte marker <c>47 42 56 FF</c> ("GBV", 0xFF) and a 16-bit version,
/// then the family's fields. Bodies written before versioning (version 1) have no header: they start with the
/// family's first record field, a count or an enum value that is never negative, while the marker read as a
/// little-endian 32-bit integer is negative, so the two cannot be confused.
/// </summary>
internal static class VersionedBody
{
    /// <summary>The version of a body without header (the raw layout of the first releases).</summary>
    public const ushort Unversioned = 1;

    private static ReadOnlySpan<byte> Marker => [0x47, 0x42, 0x56, 0xFF];

    /// <summary>Writes the header of <paramref name="version"/> and then the fields.</summary>
    public static byte[] Write(ushort version, Action<BinaryWriter> writeFields)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Marker);
            writer.Write(version);
            writeFields(writer);
        }
        return stream.ToArray();
    }

    /// <summary>
    /// Reads a body with the reader of its version (<paramref name="read"/> gets the reader positioned after the
    /// header and the version) and checks that nothing follows the fields.
    /// </summary>
    /// <exception cref="InvalidDataException">
    /// The body comes from a newer version than <paramref name="newest"/>, or bytes are left over after the fields.
    /// </exception>
    public static T Read<T>(byte[] body, string family, ushort newest, Func<BinaryReader, ushort, T> read)
    {
        ushort version = Unversioned;
        int start = 0;
        if (body.Length >= Marker.Length + 2 && body.AsSpan(0, Marker.Length).SequenceEqual(Marker))
        {
            version = BitConverter.ToUInt16(body, Marker.Length);
            start = Marker.Length + 2;
            if (version <= Unversioned || version > newest)
            {
                throw new InvalidDataException(
                    $"The '{family}' generator has body format version {version}; this version of Microsoft.ML.Gan reads versions " +
                    $"1 to {newest}. Load it with the Microsoft.ML.Gan version that saved it, or a newer one.");
            }
        }
        using var reader = new BinaryReader(new MemoryStream(body, start, body.Length - start, writable: false));
        T result = read(reader, version);
        long left = reader.BaseStream.Length - reader.BaseStream.Position;
        if (left != 0)
            throw new InvalidDataException($"The '{family}' generator (body version {version}) has {left} unexpected bytes after its fields: the model is corrupt.");
        return result;
    }
}
