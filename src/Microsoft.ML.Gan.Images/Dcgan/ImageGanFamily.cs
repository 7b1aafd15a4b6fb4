using System.Runtime.CompilerServices;
using Microsoft.ML.Gan.Images.Networks;
using Microsoft.ML.Gan.Persistence;
using static TorchSharp.torch;

namespace Microsoft.ML.Gan.Images;

/// <summary>
/// The image GAN family's payload: network record, pixel range, then the generator's weights. DCGAN and MLP
/// generators are two payload families (<see cref="Name"/>, <see cref="MlpName"/>) with this one layout.
/// </summary>
internal static class ImageGanFamily
{
    public const string Name = "Microsoft.ML.Gan.Images.Dcgan";
    public const string MlpName = "Microsoft.ML.Gan.Images.Mlp";

    /// <summary>Registers the deserializer when the assembly loads, so loaded models work without setup.</summary>
#pragma warning disable CA2255 // A library initializer is intended here: loaded models need the family registered.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register()
    {
        GanPayloadRegistry.Register(Name, bytes => Read(Name, bytes, CPU));
        GanPayloadRegistry.Register(MlpName, bytes => Read(MlpName, bytes, CPU));
    }

    /// <summary>The payload family of an architecture.</summary>
    public static string FamilyOf(ImageGanArchitecture architecture) => architecture == ImageGanArchitecture.Mlp ? MlpName : Name;

    /// <summary>An independent copy of <paramref name="generator"/> (same weights, same device).</summary>
    public static ImageGanGenerator Copy(ImageGanGenerator generator) =>
        Read(generator.FamilyName, Write(generator), generator.Device);

    public static byte[] Write(ImageGanGenerator generator) =>
        ImagePayload.Write(generator.Spec.Write, generator.PixelMin, generator.PixelMax, generator.Network);

    public static ImageGanGenerator Read(string family, byte[] body, Device device)
    {
        var architecture = family == MlpName ? ImageGanArchitecture.Mlp : ImageGanArchitecture.Dcgan;
        var (spec, min, max, network) = ImagePayload.Read(body, family, reader => ImageNetworkSpec.Read(reader, architecture), ImageNetworks.CreateGenerator, device);
        return new ImageGanGenerator(spec, min, max, network, device);
    }
}
