using System.Runtime.CompilerServices;
using Microsoft.ML.Gan.Images.Networks.Translation;
using Microsoft.ML.Gan.Persistence;
using Microsoft.ML.Gan.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Images;

/// <summary>The image-to-image family's payload: network spec, pixel range, the generator's weights and, for
/// CycleGAN, the reverse generator's weights.</summary>
internal static class ImageTranslationFamily
{
    public const string Name = "Microsoft.ML.Gan.Images.Translation";

    /// <summary>Registers the deserializer when the assembly loads, so loaded models work without setup.</summary>
#pragma warning disable CA2255 // A library initializer is intended here: loaded models need the family registered.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register() => GanPayloadRegistry.Register(Name, bytes => Read(bytes, CPU));

    public static byte[] Write(ImageTranslationGenerator generator)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            generator.Spec.Write(writer);
            writer.Write(generator.PixelMin);
            writer.Write(generator.PixelMax);
            WriteWeights(writer, generator.Network);
            writer.Write(generator.Reverse is not null);
            if (generator.Reverse is not null)
                WriteWeights(writer, generator.Reverse);
        }
        return stream.ToArray();
    }

    public static ImageTranslationGenerator Read(byte[] body, Device device)
    {
        using var reader = new BinaryReader(new MemoryStream(body, writable: false));
        var spec = TranslationNetworkSpec.Read(reader);
        float min = reader.ReadSingle(), max = reader.ReadSingle();
        var network = ReadWeights(reader, spec.CreateGenerator());
        var reverse = reader.ReadBoolean() ? ReadWeights(reader, spec.Reversed().CreateGenerator()) : null;
        return new ImageTranslationGenerator(spec, min, max, network.to(device), reverse?.to(device), device);
    }

    private static void WriteWeights(BinaryWriter writer, nn.Module network)
    {
        byte[] weights = ModuleBytes.Save(network);
        writer.Write(weights.Length);
        writer.Write(weights);
    }

    private static nn.Module<Tensor, Tensor> ReadWeights(BinaryReader reader, nn.Module<Tensor, Tensor> network)
    {
        ModuleBytes.Load(network, reader.ReadBytes(reader.ReadInt32()));
        return network;
    }
}
