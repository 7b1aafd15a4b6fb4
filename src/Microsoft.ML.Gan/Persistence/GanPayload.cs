using System.Text;

namespace Microsoft.ML.Gan.Persistence;

/// <summary>
/// Everything a GAN family needs to rebuild its fitted generator, as bytes: the family's name (which picks the
/// deserializer in <see cref="GanPayloadRegistry"/>), an identity, and the family's own serialized body.
/// </summary>
/// <remarks>
/// Byte layout (little-endian), version 1: the 8 ASCII bytes <c>MLNETGAN</c>; a 16-bit format version; the 16-byte
/// <see cref="Id"/>; the family name as a 32-bit byte count and UTF-8 bytes; the body as a 64-bit byte count and its
/// bytes. Nothing may follow the body.
/// </remarks>
internal sealed class GanPayload
{
    /// <summary>The format version that <see cref="ToBytes"/> writes.</summary>
    public const ushort FormatVersion = 1;

    /// <summary>The longest family name accepted, in UTF-8 bytes.</summary>
    public const int MaxFamilyBytes = 256;

    private static ReadOnlySpan<byte> Magic => "MLNETGAN"u8;

    // Magic + version + id + family length.
    private const int FixedHeaderBytes = 8 + 2 + 16 + 4;

    private readonly byte[] _body;

    /// <summary>Creates a payload.</summary>
    /// <param name="family">The family's registered name, e.g. <c>"Microsoft.ML.Gan.Vector"</c>.</param>
    /// <param name="id">
    /// The identity of this exact generator (weights included). Loaded models cache deserialized generators by it,
    /// so two payloads with different bodies must never share an id; use <see cref="Guid.NewGuid"/> once per fitted model.
    /// </param>
    /// <param name="body">The family's serialized generator; the payload keeps its own copy.</param>
    /// <exception cref="ArgumentException">The family is empty or too long, or the id is empty.</exception>
    public GanPayload(string family, Guid id, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(family);
        if (Encoding.UTF8.GetByteCount(family) > MaxFamilyBytes)
            throw new ArgumentException($"The family name must be at most {MaxFamilyBytes} UTF-8 bytes.", nameof(family));
        if (id == Guid.Empty)
            throw new ArgumentException("The payload id must not be Guid.Empty: use Guid.NewGuid() once per fitted model.", nameof(id));
        Family = family;
        Id = id;
        _body = body.ToArray();
    }

    /// <summary>The family whose deserializer reads <see cref="Body"/>.</summary>
    public string Family { get; }

    /// <summary>The identity of this generator; loaded models cache their deserialized generator by it.</summary>
    public Guid Id { get; }

    /// <summary>The family's serialized generator (read-only view).</summary>
    public ReadOnlyMemory<byte> Body => _body;

    /// <summary>Serializes the payload (see the remarks for the layout).</summary>
    public byte[] ToBytes()
    {
        byte[] family = Encoding.UTF8.GetBytes(Family);
        using var stream = new MemoryStream(FixedHeaderBytes + family.Length + 8 + _body.Length);
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(Id.ToByteArray());
            writer.Write(family.Length);
            writer.Write(family);
            writer.Write((long)_body.Length);
            writer.Write(_body);
        }
        return stream.ToArray();
    }

    /// <summary>Reads a payload written by <see cref="ToBytes"/>.</summary>
    /// <exception cref="InvalidDataException">
    /// The bytes are not a GAN payload (wrong magic), come from a newer format version, or are truncated or corrupt.
    /// </exception>
    public static GanPayload FromBytes(ReadOnlySpan<byte> bytes)
    {
        Guid id = ReadId(bytes);
        int familyLength = BitConverter.ToInt32(bytes.Slice(26, 4));
        if (familyLength <= 0 || familyLength > MaxFamilyBytes || bytes.Length < FixedHeaderBytes + familyLength + 8)
            throw Corrupt($"the family name length {familyLength} is impossible for {bytes.Length} bytes");
        string family;
        try
        {
            family = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes.Slice(FixedHeaderBytes, familyLength));
        }
        catch (DecoderFallbackException e)
        {
            throw Corrupt($"the family name is not valid UTF-8 ({e.Message})");
        }
        int bodyStart = FixedHeaderBytes + familyLength + 8;
        long bodyLength = BitConverter.ToInt64(bytes.Slice(bodyStart - 8, 8));
        if (bodyLength != bytes.Length - bodyStart)
            throw Corrupt($"the body claims {bodyLength} bytes but {bytes.Length - bodyStart} follow the header");
        if (string.IsNullOrWhiteSpace(family))
            throw Corrupt("the family name is blank");
        return new GanPayload(family, id, bytes.Slice(bodyStart));
    }

    /// <summary>Checks the header and returns the payload's id without copying the body.</summary>
    /// <exception cref="InvalidDataException">The bytes do not start with a version-1 payload header.</exception>
    internal static Guid ReadId(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < Magic.Length || !bytes[..Magic.Length].SequenceEqual(Magic))
        {
            throw new InvalidDataException(
                $"The bytes are not a GAN payload: expected them to start with the magic 'MLNETGAN', found {Describe(bytes)}.");
        }
        if (bytes.Length < FixedHeaderBytes)
            throw Corrupt($"only {bytes.Length} bytes, fewer than the {FixedHeaderBytes}-byte header");
        ushort version = BitConverter.ToUInt16(bytes.Slice(8, 2));
        if (version != FormatVersion)
        {
            throw new InvalidDataException(
                $"The GAN payload has format version {version}; this version of Microsoft.ML.Gan reads version {FormatVersion}. " +
                "Load it with the Microsoft.ML.Gan version that saved it, or a newer one.");
        }
        var id = new Guid(bytes.Slice(10, 16));
        if (id == Guid.Empty)
            throw Corrupt("the payload id is empty");
        return id;
    }

    private static InvalidDataException Corrupt(string what) =>
        new($"The GAN payload is truncated or corrupt: {what}.");

    private static string Describe(ReadOnlySpan<byte> bytes) =>
        bytes.IsEmpty ? "no bytes" : $"0x{Convert.ToHexString(bytes[..Math.Min(8, bytes.Length)])} ({bytes.Length} bytes)";
}
