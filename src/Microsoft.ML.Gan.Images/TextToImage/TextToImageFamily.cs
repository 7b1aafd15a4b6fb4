namespace Microsoft.ML.Gan.Images.TextToImage;

/// <summary>The text-to-image descriptor: after the shared record and pixel range, the generator's weights (projection included).</summary>
internal sealed class TextToImageFamily() : ImageFamily<TextToImageGenerator, TextToImageSpec, TextToImageTransformer>([Name],
    (mlContext, generator, settings, summary, id) => new TextToImageTransformer(mlContext, generator, settings, summary, id))
{
    public const string Name = "Microsoft.ML.Gan.Images.TextToImage";

    public static TextToImageFamily Instance { get; } = new();

    protected override void WriteRest(TextToImageGenerator generator, BinaryWriter writer) => ModuleBytes.Write(writer, generator.Network);

    protected override TextToImageGenerator ReadRest(TextToImageSpec spec, float pixelMin, float pixelMax, BinaryReader reader, Device device)
    {
        var network = ModuleBytes.Read(reader, new TextConditionedGenerator(spec));
        return new TextToImageGenerator(TorchSharp.ModuleExtensionMethods.to(network, device), pixelMin, pixelMax, device);
    }
}
