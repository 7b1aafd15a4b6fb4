using Microsoft.ML.Gan.Persistence;
using Microsoft.ML.Gan.Torch;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Images;

/// <summary>
/// The payload body layout that image families share (DCGAN, MLP and text-to-image): the family's network record, the
/// pixel range, then the generator's weights.
/// </summary>
/// <remarks>
/// Body versions (<see cref="VersionedBody"/>): 1, the raw fields of the first releases; 2, the same fields behind the
/// version header. A new layout gets the next version and its own branch in <see cref="Read"/>.
/// </remarks>
internal static class ImagePayload
{
    /// <summary>The body version <see cref="Write"/> writes.</summary>
    public const ushort FormatVersion = 2;

    /// <summary>Writes the record (<paramref name="writeSpec"/>), the range and <paramref name="network"/>'s weights.</summary>
    public static byte[] Write(Action<BinaryWriter> writeSpec, float pixelMin, float pixelMax, nn.Module network) =>
        VersionedBody.Write(FormatVersion, writer =>
        {
            writeSpec(writer);
            writer.Write(pixelMin);
            writer.Write(pixelMax);
            ModuleBytes.Write(writer, network);
        });

    /// <summary>
    /// Reads a body written by <see cref="Write"/>: the record, then the network that <paramref name="createNetwork"/>
    /// builds from it with the saved weights, moved to <paramref name="device"/>.
    /// </summary>
    public static (TSpec Spec, float PixelMin, float PixelMax, TNetwork Network) Read<TSpec, TNetwork>(byte[] body, string family,
        Func<BinaryReader, TSpec> readSpec, Func<TSpec, TNetwork> createNetwork, Device device) where TNetwork : nn.Module =>
        VersionedBody.Read(body, family, FormatVersion, (reader, version) => version switch
        {
            1 or 2 => ReadFields(reader, readSpec, createNetwork, device),
            _ => throw new InvalidDataException($"No reader for '{family}' body version {version}."),
        });

    private static (TSpec Spec, float PixelMin, float PixelMax, TNetwork Network) ReadFields<TSpec, TNetwork>(BinaryReader reader,
        Func<BinaryReader, TSpec> readSpec, Func<TSpec, TNetwork> createNetwork, Device device) where TNetwork : nn.Module
    {
        var spec = readSpec(reader);
        float min = reader.ReadSingle(), max = reader.ReadSingle();
        var network = ModuleBytes.Read(reader, createNetwork(spec));
        return (spec, min, max, TorchSharp.ModuleExtensionMethods.to(network, device));
    }
}
