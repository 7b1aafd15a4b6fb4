using System.Runtime.CompilerServices;
using Microsoft.ML.Gan.Persistence;
using Microsoft.ML.Gan.Torch;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Images.TextToImage;

/// <summary>The text-to-image payload: network record, pixel range, then the generator's weights (projection included).</summary>
internal static class TextToImageFamily
{
    public const string Name = "Microsoft.ML.Gan.Images.TextToImage";

    /// <summary>Registers the deserializer when the assembly loads, so loaded models work without setup.</summary>
#pragma warning disable CA2255 // A library initializer is intended here: loaded models need the family registered.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register() => GanPayloadRegistry.Register(Name, bytes => Read(bytes, CPU));

    public static byte[] Write(TextToImageGenerator generator)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            generator.Spec.Write(writer);
            writer.Write(generator.PixelMin);
            writer.Write(generator.PixelMax);
            byte[] weights = ModuleBytes.Save(generator.Network);
            writer.Write(weights.Length);
            writer.Write(weights);
        }
        return stream.ToArray();
    }

    public static TextToImageGenerator Read(byte[] body, Device device)
    {
        using var reader = new BinaryReader(new MemoryStream(body, writable: false));
        var spec = TextToImageSpec.Read(reader);
        float min = reader.ReadSingle(), max = reader.ReadSingle();
        byte[] weights = reader.ReadBytes(reader.ReadInt32());
        var network = new TextConditionedGenerator(spec);
        ModuleBytes.Load(network, weights);
        return new TextToImageGenerator(TorchSharp.ModuleExtensionMethods.to(network, device), min, max, device);
    }
}
