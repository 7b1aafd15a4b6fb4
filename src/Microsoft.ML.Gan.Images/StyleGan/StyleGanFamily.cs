using System.Runtime.CompilerServices;
using Microsoft.ML.Gan.Persistence;
using Microsoft.ML.Gan.Torch;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Images.StyleGan;

/// <summary>The StyleGAN payload: network record, pixel range, generation ψ and noise, then the generator's weights.</summary>
internal static class StyleGanFamily
{
    public const string Name = "Microsoft.ML.Gan.Images.StyleGan";

    /// <summary>Registers the deserializer when the assembly loads, so loaded models work without setup.</summary>
#pragma warning disable CA2255 // A library initializer is intended here: loaded models need the family registered.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register() => GanPayloadRegistry.Register(Name, bytes => Read(bytes, CPU));

    public static byte[] Write(StyleGanImageGenerator generator)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            generator.Spec.Write(writer);
            writer.Write(generator.PixelMin);
            writer.Write(generator.PixelMax);
            writer.Write(generator.Truncation);
            writer.Write((int)generator.Noise);
            byte[] weights = ModuleBytes.Save(generator.Network);
            writer.Write(weights.Length);
            writer.Write(weights);
        }
        return stream.ToArray();
    }

    public static StyleGanImageGenerator Read(byte[] body, Device device)
    {
        using var reader = new BinaryReader(new MemoryStream(body, writable: false));
        var spec = StyleGanSpec.Read(reader);
        float min = reader.ReadSingle(), max = reader.ReadSingle();
        double truncation = reader.ReadDouble();
        var noise = (NoiseMode)reader.ReadInt32();
        if (!Enum.IsDefined(noise))
            throw new InvalidDataException($"Impossible StyleGAN noise mode {(int)noise}.");
        byte[] weights = reader.ReadBytes(reader.ReadInt32());
        var network = new StyleGenerator(spec);
        ModuleBytes.Load(network, weights);
        return new StyleGanImageGenerator(TorchSharp.ModuleExtensionMethods.to(network, device), min, max, truncation, noise, device);
    }
}
