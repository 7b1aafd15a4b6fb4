using System.Runtime.CompilerServices;
using Microsoft.ML.Gan.Persistence;
using Microsoft.ML.Gan.Torch;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Images.StyleGan;

/// <summary>The StyleGAN payload: network record, pixel range, generation ψ and noise, then the generator's weights.</summary>
/// <remarks>
/// Body versions (<see cref="VersionedBody"/>): 1, the raw fields of the first releases; 2, the same fields behind the
/// version header. A new layout gets the next version and its own branch in <see cref="Read"/>.
/// </remarks>
internal static class StyleGanFamily
{
    public const string Name = "Microsoft.ML.Gan.Images.StyleGan";

    /// <summary>The body version <see cref="Write"/> writes.</summary>
    public const ushort FormatVersion = 2;

    /// <summary>Registers the deserializer when the assembly loads, so loaded models work without setup.</summary>
#pragma warning disable CA2255 // A library initializer is intended here: loaded models need the family registered.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register() => GanPayloadRegistry.Register(Name, bytes => Read(bytes, CPU));

    public static byte[] Write(StyleGanImageGenerator generator) => VersionedBody.Write(FormatVersion, writer =>
    {
        generator.Spec.Write(writer);
        writer.Write(generator.PixelMin);
        writer.Write(generator.PixelMax);
        writer.Write(generator.Truncation);
        writer.Write((int)generator.Noise);
        ModuleBytes.Write(writer, generator.Network);
    });

    public static StyleGanImageGenerator Read(byte[] body, Device device) => VersionedBody.Read(body, Name, FormatVersion, (reader, version) => version switch
    {
        1 or 2 => ReadFields(reader, device),
        _ => throw new InvalidDataException($"No reader for StyleGAN body version {version}."),
    });

    private static StyleGanImageGenerator ReadFields(BinaryReader reader, Device device)
    {
        var spec = StyleGanSpec.Read(reader);
        float min = reader.ReadSingle(), max = reader.ReadSingle();
        double truncation = reader.ReadDouble();
        var noise = (NoiseMode)reader.ReadInt32();
        if (!Enum.IsDefined(noise))
            throw new InvalidDataException($"Impossible StyleGAN noise mode {(int)noise}.");
        var network = ModuleBytes.Read(reader, new StyleGenerator(spec));
        return new StyleGanImageGenerator(TorchSharp.ModuleExtensionMethods.to(network, device), min, max, truncation, noise, device);
    }
}
