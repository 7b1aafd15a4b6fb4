namespace Microsoft.ML.Gan.Images.StyleGan;

/// <summary>The StyleGAN descriptor: after the shared record and pixel range, generation ψ and noise, then the generator's weights.</summary>
internal sealed class StyleGanFamily() : ImageFamily<StyleGanImageGenerator, StyleGanSpec, StyleGanTransformer>([Name],
    (mlContext, generator, settings, summary, id) => new StyleGanTransformer(mlContext, generator, settings, summary, id))
{
    public const string Name = "Microsoft.ML.Gan.Images.StyleGan";

    public static StyleGanFamily Instance { get; } = new();

    protected override void WriteRest(StyleGanImageGenerator generator, BinaryWriter writer)
    {
        writer.Write(generator.Truncation);
        writer.Write((int)generator.Noise);
        ModuleBytes.Write(writer, generator.Network);
    }

    protected override StyleGanImageGenerator ReadRest(StyleGanSpec spec, float pixelMin, float pixelMax, BinaryReader reader, Device device)
    {
        double truncation = reader.ReadDouble();
        var noise = (NoiseMode)reader.ReadInt32();
        if (!Enum.IsDefined(noise))
            throw new InvalidDataException($"Impossible StyleGAN noise mode {(int)noise}.");
        var network = ModuleBytes.Read(reader, new StyleGenerator(spec));
        return new StyleGanImageGenerator(TorchSharp.ModuleExtensionMethods.to(network, device), pixelMin, pixelMax, truncation, noise, device);
    }
}
