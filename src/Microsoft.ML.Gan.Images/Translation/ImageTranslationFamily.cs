using Microsoft.ML.Gan.Images.Networks.Translation;

namespace Microsoft.ML.Gan.Images;

/// <summary>The image-to-image descriptor: after the shared record and pixel range, the generator's weights and, for
/// CycleGAN, the reverse generator's weights.</summary>
internal sealed class ImageTranslationFamily() : ImageFamily<ImageTranslationGenerator, TranslationNetworkSpec, ImageTranslationTransformer>([Name],
    (mlContext, generator, settings, summary, id) => new ImageTranslationTransformer(mlContext, generator, settings, summary, id))
{
    public const string Name = "Microsoft.ML.Gan.Images.Translation";

    public static ImageTranslationFamily Instance { get; } = new();

    protected override void WriteRest(ImageTranslationGenerator generator, BinaryWriter writer)
    {
        ModuleBytes.Write(writer, generator.Network);
        writer.Write(generator.Reverse is not null);
        if (generator.Reverse is not null)
            ModuleBytes.Write(writer, generator.Reverse);
    }

    protected override ImageTranslationGenerator ReadRest(TranslationNetworkSpec spec, float pixelMin, float pixelMax, BinaryReader reader, Device device)
    {
        var network = ModuleBytes.Read(reader, spec.CreateGenerator());
        var reverse = reader.ReadBoolean() ? ModuleBytes.Read(reader, spec.Reversed().CreateGenerator()) : null;
        return new ImageTranslationGenerator(spec, pixelMin, pixelMax, network.to(device), reverse?.to(device), device);
    }
}
