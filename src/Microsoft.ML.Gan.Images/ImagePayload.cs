using Microsoft.ML.Gan.Torch;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Images;

/// <summary>
/// The payload body layout that image families share: the family's network record, the pixel range, then the
/// generator's weights.
/// </summary>
internal static class ImagePayload
{
    /// <summary>Writes the record (<paramref name="writeSpec"/>), the range and <paramref name="network"/>'s weights.</summary>
    public static byte[] Write(Action<BinaryWriter> writeSpec, float pixelMin, float pixelMax, nn.Module network)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writeSpec(writer);
            writer.Write(pixelMin);
            writer.Write(pixelMax);
            byte[] weights = ModuleBytes.Save(network);
            writer.Write(weights.Length);
            writer.Write(weights);
        }
        return stream.ToArray();
    }

    /// <summary>
    /// Reads a body written by <see cref="Write"/>: the record, then the network that <paramref name="createNetwork"/>
    /// builds from it with the saved weights, moved to <paramref name="device"/>.
    /// </summary>
    public static (TSpec Spec, float PixelMin, float PixelMax, TNetwork Network) Read<TSpec, TNetwork>(byte[] body,
        Func<BinaryReader, TSpec> readSpec, Func<TSpec, TNetwork> createNetwork, Device device) where TNetwork : nn.Module
    {
        using var reader = new BinaryReader(new MemoryStream(body, writable: false));
        var spec = readSpec(reader);
        float min = reader.ReadSingle(), max = reader.ReadSingle();
        byte[] weights = reader.ReadBytes(reader.ReadInt32());
        var network = createNetwork(spec);
        ModuleBytes.Load(network, weights);
        return (spec, min, max, TorchSharp.ModuleExtensionMethods.to(network, device));
    }
}
