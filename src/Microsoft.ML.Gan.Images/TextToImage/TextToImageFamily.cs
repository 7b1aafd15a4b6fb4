using System.Runtime.CompilerServices;
using Microsoft.ML.Gan.Persistence;
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

    public static byte[] Write(TextToImageGenerator generator) =>
        ImagePayload.Write(generator.Spec.Write, generator.PixelMin, generator.PixelMax, generator.Network);

    public static TextToImageGenerator Read(byte[] body, Device device)
    {
        var (_, min, max, network) = ImagePayload.Read(body, Name, TextToImageSpec.Read, spec => new TextConditionedGenerator(spec), device);
        return new TextToImageGenerator(network, min, max, device);
    }
}
