using System.Buffers.Binary;
using System.IO.Compression;

namespace Microsoft.ML.Gan.FashionData;

/// <summary>
/// Reads IDX files (LeCun's MNIST format, also used by Fashion-MNIST), plain or gzip-compressed: a big-endian
/// magic number (0x0000, element type 0x08 = unsigned byte, dimension count), the dimensions, then the bytes.
/// </summary>
internal static class IdxFile
{
    /// <summary>The dimensions and the unsigned-byte payload, reading at most <paramref name="maxItems"/> items.</summary>
    /// <exception cref="InvalidDataException">The file is not an unsigned-byte IDX file or is truncated.</exception>
    public static (int[] Dimensions, byte[] Data) Read(string path, int? maxItems = null)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"IDX file '{path}' does not exist.", path);
        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        Span<byte> header = stackalloc byte[4];
        stream.ReadExactly(header);
        if (header[0] != 0 || header[1] != 0 || header[2] != 0x08 || header[3] is < 1 or > 4)
            throw new InvalidDataException($"'{path}' is not an unsigned-byte IDX file (magic {Convert.ToHexString(header)}).");
        var dimensions = new int[header[3]];
        Span<byte> word = stackalloc byte[4];
        for (int i = 0; i < dimensions.Length; i++)
        {
            stream.ReadExactly(word);
            dimensions[i] = BinaryPrimitives.ReadInt32BigEndian(word);
            if (dimensions[i] < 0)
                throw new InvalidDataException($"'{path}' declares a negative dimension.");
        }
        if (maxItems is int limit && limit < dimensions[0])
            dimensions[0] = limit;
        long size = dimensions.Aggregate(1L, (a, d) => a * d);
        var data = new byte[size];
        try
        {
            stream.ReadExactly(data);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"'{path}' is truncated: it declares {size} bytes of data.", e);
        }
        return (dimensions, data);
    }
}
