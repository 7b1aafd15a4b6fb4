using System.Runtime.CompilerServices;
using Microsoft.ML.Gan.Persistence;
using Microsoft.ML.Gan.Torch;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Vectors;

/// <summary>The vector GAN family's payload: its architecture record followed by the generator's weights.</summary>
internal static class VectorGanFamily
{
    public const string Name = "Microsoft.ML.Gan.Vector";

    /// <summary>Registers the deserializer when the assembly loads, so loaded models work without setup.</summary>
#pragma warning disable CA2255 // A library initializer is intended here: loaded models need the family registered.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register() => GanPayloadRegistry.Register(Name, bytes => Read(bytes, CPU));

    public static byte[] Write(VectorGanGenerator generator)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            generator.Architecture.Write(writer);
            byte[] weights = ModuleBytes.Save(generator.Network);
            writer.Write(weights.Length);
            writer.Write(weights);
        }
        return stream.ToArray();
    }

    public static VectorGanGenerator Read(byte[] body, Device device)
    {
        using var reader = new BinaryReader(new MemoryStream(body, writable: false));
        var architecture = VectorGanArchitecture.Read(reader);
        byte[] weights = reader.ReadBytes(reader.ReadInt32());
        var network = VectorGanNetworks.CreateGenerator(architecture.ToOptions(), architecture.Dimension);
        ModuleBytes.Load(network, weights);
        return new VectorGanGenerator(architecture, TorchSharp.ModuleExtensionMethods.to(network, device), device);
    }
}
