using System.Runtime.CompilerServices;
using Microsoft.ML.Gan.Tabular.Ctgan;

namespace Microsoft.ML.Gan.Tabular.TabDdpm;

/// <summary>
/// TabDDPM's payload body: a format version, the denoiser's shape and the diffusion settings, the fitted data
/// transformer (quantile encoders), the denoiser's weights, then (version 2) the output columns learned from the file's
/// metadata (<see cref="SyntheticCompletion"/>) or their absence; version 1 bodies still load. Registered as a tabular family, so a model saves, loads
/// (<c>mlContext.Model.Load</c> and <see cref="CtganModel.Load(MLContext, string)"/>) and conditions by an input column
/// like CTGAN's.
/// </summary>
internal static class TabDdpmFamily
{
    public const string Name = "Microsoft.ML.Gan.Tabular.TabDdpm";
    public const string ConditionedName = "Microsoft.ML.Gan.Tabular.TabDdpm.Conditioned";
    internal const int Version = 2;

    /// <summary>Registers the deserializer when the assembly loads, so loaded models work without setup.</summary>
#pragma warning disable CA2255 // A library initializer is intended here: loaded models need the family registered.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register() => CtganFamily.RegisterTabular(Name, ConditionedName, bytes => Read(bytes, CPU));

    public static byte[] Write(TabDdpmGenerator generator)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Version);
            generator.Architecture.Write(writer);
            generator.Transformer.Save(writer);
            byte[] weights = ModuleBytes.Save(generator.Denoiser);
            writer.Write(weights.Length);
            writer.Write(weights);
            SyntheticCompletion.WriteOptional(writer, generator.Completion);
        }
        return stream.ToArray();
    }

    public static TabDdpmGenerator Read(byte[] body, Device device)
    {
        using var reader = new BinaryReader(new MemoryStream(body, writable: false));
        int version = TabularPayloadVersion.Read(reader, "TabDDPM", Version);
        var architecture = TabDdpmArchitecture.Read(reader);
        var transformer = DataTransformer.Load(reader);
        byte[] weights = reader.ReadBytes(reader.ReadInt32());
        var denoiser = new TabDdpmDenoiser(architecture);
        ModuleBytes.Load(denoiser, weights);
        denoiser.to(device);
        return new TabDdpmGenerator(transformer, architecture, denoiser, device)
        {
            Completion = version >= 2 ? SyntheticCompletion.ReadOptional(reader) : null,
        };
    }
}
