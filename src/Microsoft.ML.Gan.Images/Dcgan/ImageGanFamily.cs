using Microsoft.ML.Gan.Images.Networks;

namespace Microsoft.ML.Gan.Images;

/// <summary>
/// The DCGAN-like family's descriptor: DCGAN and MLP generators are two payload families (<see cref="Name"/>,
/// <see cref="MlpName"/>) with the shared image layout; after the pixel range, the generator's weights.
/// </summary>
internal sealed class ImageGanFamily() : ImageFamily<ImageGanGenerator, ImageNetworkSpec, ImageGanTransformer>([Name, MlpName],
    (mlContext, generator, settings, summary, id) => new ImageGanTransformer(mlContext, generator, settings, summary, id))
{
    public const string Name = "Microsoft.ML.Gan.Images.Dcgan";
    public const string MlpName = "Microsoft.ML.Gan.Images.Mlp";

    public static ImageGanFamily Instance { get; } = new();

    /// <summary>The payload family of an architecture.</summary>
    public static string FamilyOf(ImageGanArchitecture architecture) => architecture == ImageGanArchitecture.Mlp ? MlpName : Name;

    protected override ImageNetworkSpec ReadSpec(string payloadName, BinaryReader reader) =>
        ImageNetworkSpec.Read(reader, payloadName == MlpName ? ImageGanArchitecture.Mlp : ImageGanArchitecture.Dcgan);

    protected override void WriteRest(ImageGanGenerator generator, BinaryWriter writer) => ModuleBytes.Write(writer, generator.Network);

    protected override ImageGanGenerator ReadRest(ImageNetworkSpec spec, float pixelMin, float pixelMax, BinaryReader reader, Device device)
    {
        var network = ModuleBytes.Read(reader, ImageNetworks.CreateGenerator(spec));
        return new ImageGanGenerator(spec, pixelMin, pixelMax, TorchSharp.ModuleExtensionMethods.to(network, device), device);
    }
}
