namespace Microsoft.ML.Gan.Tabular.TabDdpm;

/// <summary>The denoiser's shape and the diffusion's settings: what a saved model needs, besides the data transformer, to rebuild and sample.</summary>
internal sealed record TabDdpmArchitecture(int Width, int[] HiddenLayers, int TimeEmbeddingDimension, int LabelClasses, double Dropout,
    int Timesteps, NoiseSchedule Schedule, int SamplingSteps, string? LabelColumn)
{
    public void Write(BinaryWriter writer)
    {
        writer.Write(Width);
        writer.Write(HiddenLayers.Length);
        foreach (int layer in HiddenLayers)
            writer.Write(layer);
        writer.Write(TimeEmbeddingDimension);
        writer.Write(LabelClasses);
        writer.Write(Dropout);
        writer.Write(Timesteps);
        writer.Write((int)Schedule);
        writer.Write(SamplingSteps);
        writer.Write(LabelColumn is not null);
        if (LabelColumn is not null)
            writer.Write(LabelColumn);
    }

    public static TabDdpmArchitecture Read(BinaryReader reader)
    {
        int width = reader.ReadInt32();
        int count = reader.ReadInt32();
        if (width < 1 || count < 1 || count > 1024)
            throw new InvalidDataException($"Impossible TabDDPM denoiser shape: width {width}, {count} layers.");
        var layers = new int[count];
        for (int i = 0; i < count; i++)
            layers[i] = reader.ReadInt32();
        var architecture = new TabDdpmArchitecture(width, layers, reader.ReadInt32(), reader.ReadInt32(), reader.ReadDouble(),
            reader.ReadInt32(), (NoiseSchedule)reader.ReadInt32(), reader.ReadInt32(), reader.ReadBoolean() ? reader.ReadString() : null);
        if (layers.Any(w => w < 1) || architecture.TimeEmbeddingDimension < 1 || architecture.LabelClasses < 0 || architecture.Timesteps < 1
            || architecture.SamplingSteps < 1 || architecture.SamplingSteps > architecture.Timesteps || !Enum.IsDefined(architecture.Schedule))
            throw new InvalidDataException($"Impossible TabDDPM settings: {architecture}.");
        return architecture;
    }
}
