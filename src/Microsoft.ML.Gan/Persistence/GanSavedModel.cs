using System.Buffers.Binary;
using System.Text;

namespace Microsoft.ML.Gan.Persistence;

/// <summary>
/// What a saved GAN transformer stores: its generator (<see cref="Payload"/>) and how it applies it
/// (<see cref="Settings"/>). <see cref="GanModelLoader"/> reads it back from a model zip; a family rebuilds its
/// transformer from it.
/// </summary>
internal sealed class GanSavedModel
{
    /// <summary>The format version that the model record is written with.</summary>
    public const ushort FormatVersion = 2;

    private static ReadOnlySpan<byte> Magic => "MLGANMDL"u8;

    /// <summary>Pairs a payload with its generation settings.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public GanSavedModel(GanPayload payload, GanGenerationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(settings);
        Payload = payload;
        Settings = settings;
    }

    /// <summary>The family's generator.</summary>
    public GanPayload Payload { get; }

    /// <summary>The output column, base seed and optional seed column.</summary>
    public GanGenerationSettings Settings { get; }

    /// <summary>Builds the generator with the family's registered deserializer (see <see cref="GanPayloadRegistry"/>).</summary>
    public IRowGenerator CreateGenerator() => GanPayloadRegistry.CreateGenerator(Payload);

    /// <summary>
    /// Serializes the record stored inside the model zip: the 8 ASCII bytes <c>MLGANMDL</c>, a 16-bit version, the
    /// base seed, the output column name, the optional seed column name, the optional condition column (name and
    /// kind; since version 2), then the payload's bytes.
    /// </summary>
    internal byte[] ToBytes()
    {
        byte[] payload = Payload.ToBytes();
        using var stream = new MemoryStream(payload.Length + 128);
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(Settings.Seed);
            WriteString(writer, Settings.OutputColumnName);
            writer.Write(Settings.SeedColumnName is not null);
            WriteString(writer, Settings.SeedColumnName ?? string.Empty);
            writer.Write(Settings.Condition is not null);
            writer.Write((byte)(Settings.Condition?.Kind ?? GanConditionKind.Vector));
            WriteString(writer, Settings.Condition?.Name ?? string.Empty);
            writer.Write((long)payload.Length);
            writer.Write(payload);
        }
        return stream.ToArray();
    }

    /// <summary>Reads a record written by <see cref="ToBytes"/>.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a GAN model record, or are truncated or corrupt.</exception>
    internal static GanSavedModel FromBytes(ReadOnlySpan<byte> bytes)
    {
        int payloadStart = ReadHeader(bytes, out var settings);
        return new GanSavedModel(GanPayload.FromBytes(bytes[payloadStart..]), settings);
    }

    /// <summary>Reads the settings and returns the offset where the payload's bytes start (the body is not copied).</summary>
    /// <exception cref="InvalidDataException">The bytes are not a GAN model record, or are truncated or corrupt.</exception>
    internal static int ReadHeader(ReadOnlySpan<byte> bytes, out GanGenerationSettings settings)
    {
        if (bytes.Length < Magic.Length || !bytes[..Magic.Length].SequenceEqual(Magic))
            throw new InvalidDataException("The bytes are not a GAN model record: expected them to start with the magic 'MLGANMDL'.");
        try
        {
            int offset = Magic.Length;
            ushort version = BinaryPrimitives.ReadUInt16LittleEndian(Take(bytes, ref offset, 2));
            if (version is < 1 or > FormatVersion)
            {
                throw new InvalidDataException(
                    $"The GAN model record has format version {version}; this version of Microsoft.ML.Gan reads versions 1 to {FormatVersion}.");
            }
            long seed = BinaryPrimitives.ReadInt64LittleEndian(Take(bytes, ref offset, 8));
            string output = ReadString(bytes, ref offset);
            bool hasSeedColumn = Take(bytes, ref offset, 1)[0] != 0;
            string seedColumn = ReadString(bytes, ref offset);
            GanConditionColumn? condition = version >= 2 ? ReadCondition(bytes, ref offset) : null;
            long payloadLength = BinaryPrimitives.ReadInt64LittleEndian(Take(bytes, ref offset, 8));
            if (payloadLength != bytes.Length - offset)
                throw new InvalidDataException($"The GAN model record is corrupt: the payload claims {payloadLength} bytes but {bytes.Length - offset} follow.");
            settings = new GanGenerationSettings(output, seed, hasSeedColumn ? seedColumn : null, condition);
            return offset;
        }
        catch (Exception e) when (e is ArgumentException or DecoderFallbackException)
        {
            throw new InvalidDataException($"The GAN model record is truncated or corrupt: {e.Message}", e);
        }
    }

    private static GanConditionColumn? ReadCondition(ReadOnlySpan<byte> bytes, ref int offset)
    {
        bool present = Take(bytes, ref offset, 1)[0] != 0;
        var kind = (GanConditionKind)Take(bytes, ref offset, 1)[0];
        string name = ReadString(bytes, ref offset);
        return present ? new GanConditionColumn(name, kind) : null;
    }

    private static ReadOnlySpan<byte> Take(ReadOnlySpan<byte> bytes, ref int offset, int count)
    {
        if (count < 0 || bytes.Length - offset < count)
            throw new InvalidDataException($"The GAN model record is truncated: {count} more bytes expected at offset {offset} of {bytes.Length}.");
        var slice = bytes.Slice(offset, count);
        offset += count;
        return slice;
    }

    private static string ReadString(ReadOnlySpan<byte> bytes, ref int offset)
    {
        int length = BinaryPrimitives.ReadInt32LittleEndian(Take(bytes, ref offset, 4));
        return StrictUtf8.GetString(Take(bytes, ref offset, length));
    }

    private static void WriteString(BinaryWriter writer, string text)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(text);
        writer.Write(utf8.Length);
        writer.Write(utf8);
    }

    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);
}
