namespace Microsoft.ML.Gan.Tabular.Ctgan;

/// <summary>The generator's shape: what a saved model needs, besides the data transformer, to rebuild it.</summary>
internal sealed record CtganArchitecture(int EmbeddingDimension, int[] GeneratorLayers, int DataWidth, int ConditionWidth)
{
    public void Write(BinaryWriter writer)
    {
        writer.Write(EmbeddingDimension);
        writer.Write(GeneratorLayers.Length);
        foreach (int width in GeneratorLayers)
            writer.Write(width);
        writer.Write(DataWidth);
        writer.Write(ConditionWidth);
    }

    public static CtganArchitecture Read(BinaryReader reader)
    {
        int embedding = reader.ReadInt32();
        int count = reader.ReadInt32();
        if (embedding < 1 || count < 1 || count > 1024)
            throw new InvalidDataException($"Impossible CTGAN generator shape: embedding {embedding}, {count} layers.");
        var layers = new int[count];
        for (int i = 0; i < count; i++)
            layers[i] = reader.ReadInt32();
        int data = reader.ReadInt32();
        int condition = reader.ReadInt32();
        if (data < 0 || condition < 0 || layers.Any(w => w < 1))
            throw new InvalidDataException($"Impossible CTGAN generator shape: data width {data}, condition width {condition}.");
        return new CtganArchitecture(embedding, layers, data, condition);
    }
}
