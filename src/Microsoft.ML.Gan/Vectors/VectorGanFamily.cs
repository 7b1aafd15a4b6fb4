using System.Runtime.CompilerServices;
using Microsoft.ML.Gan.Persistence;
using Microsoft.ML.Gan.Torch;

namespace Microsoft.ML.Gan.Vectors;

/// <summary>The vector GAN family's payload: its architecture record followed by the generator's weights.</summary>
/// <remarks>
/// Body versions (<see cref="VersionedBody"/>): 1, the raw fields of the first releases; 2, the same fields behind the
/// version header. A new layout gets the next version and its own branch in <see cref="Read"/>.
/// </remarks>
internal static class VectorGanFamily
{
    public const string Name = "Microsoft.ML.Gan.Vector";

    /// <summary>The body version <see cref="Write"/> writes.</summary>
    public const ushort FormatVersion = 2;

    /// <summary>Registers the deserializer when the assembly loads, so loaded models work without setup.</summary>
#pragma warning disable CA2255 // A library initializer is intended here: loaded models need the family registered.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register() => GanPayloadRegistry.Register(Name, bytes => Read(bytes, CPU));

    public static byte[] Write(VectorGanGenerator generator) => VersionedBody.Write(FormatVersion, writer =>
    {
        generator.Architecture.Write(writer);
        ModuleBytes.Write(writer, generator.Network);
    });

    public static VectorGanGenerator Read(byte[] body, Device device) => VersionedBody.Read(body, Name, FormatVersion, (reader, version) => version switch
    {
        1 or 2 => ReadFields(reader, device),
        _ => throw new InvalidDataException($"No reader for vector GAN body version {version}."),
    });

    private static VectorGanGenerator ReadFields(BinaryReader reader, Device device)
    {
        var architecture = VectorGanArchitecture.Read(reader);
        var network = ModuleBytes.Read(reader, VectorGanNetworks.CreateGenerator(architecture.ToOptions(), architecture.Dimension));
        return new VectorGanGenerator(architecture, TorchSharp.ModuleExtensionMethods.to(network, device), device);
    }
}
