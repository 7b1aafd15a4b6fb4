using System.Runtime.CompilerServices;
using Microsoft.ML.Gan.Images.Networks.Translation;
using Microsoft.ML.Gan.Persistence;
using Microsoft.ML.Gan.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Images;

/// <summary>The image-to-image family's payload: network spec, pixel range, the generator's weights and, for
/// CycleGAN, the reverse generator's weights.</summary>
/// <remarks>
/// Body versions (<see cref="VersionedBody"/>): 1, the raw fields of the first releases; 2, the same fields behind the
/// version header. A new layout gets the next version and its own branch in <see cref="Read"/>.
/// </remarks>
internal static class ImageTranslationFamily
{
    public const string Name = "Microsoft.ML.Gan.Images.Translation";

    /// <summary>The body version <see cref="Write"/> writes.</summary>
    public const ushort FormatVersion = 2;

    /// <summary>Registers the deserializer when the assembly loads, so loaded models work without setup.</summary>
#pragma warning disable CA2255 // A library initializer is intended here: loaded models need the family registered.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register() => GanPayloadRegistry.Register(Name, bytes => Read(bytes, CPU));

    public static byte[] Write(ImageTranslationGenerator generator) => VersionedBody.Write(FormatVersion, writer =>
    {
        generator.Spec.Write(writer);
        writer.Write(generator.PixelMin);
        writer.Write(generator.PixelMax);
        ModuleBytes.Write(writer, generator.Network);
        writer.Write(generator.Reverse is not null);
        if (generator.Reverse is not null)
            ModuleBytes.Write(writer, generator.Reverse);
    });

    public static ImageTranslationGenerator Read(byte[] body, Device device) => VersionedBody.Read(body, Name, FormatVersion, (reader, version) => version switch
    {
        1 or 2 => ReadFields(reader, device),
        _ => throw new InvalidDataException($"No reader for image-to-image body version {version}."),
    });

    private static ImageTranslationGenerator ReadFields(BinaryReader reader, Device device)
    {
        var spec = TranslationNetworkSpec.Read(reader);
        float min = reader.ReadSingle(), max = reader.ReadSingle();
        var network = ModuleBytes.Read(reader, spec.CreateGenerator());
        var reverse = reader.ReadBoolean() ? ModuleBytes.Read(reader, spec.Reversed().CreateGenerator()) : null;
        return new ImageTranslationGenerator(spec, min, max, network.to(device), reverse?.to(device), device);
    }
}
