namespace Microsoft.ML.Gan.Tabular.Ctgan;

/// <summary>Which network a fitted tabular generator uses.</summary>
internal enum GeneratorKind
{
    /// <summary>CTGAN's residual generator, fed noise ⊕ conditional vector.</summary>
    CtganResidual = 0,

    /// <summary>TVAE's decoder: an MLP with ReLU, fed the latent code (⊕ the label's one-hot, with a categorical label).</summary>
    TvaeDecoder = 1,
}

/// <summary>
/// The generator's shape: what a saved model needs, besides the data transformer, to rebuild it. For TVAE's decoder,
/// <see cref="ConditionWidth"/> is the label's number of categories and <see cref="LabelColumn"/> names it when the
/// decoder is conditioned on a categorical label (0 and null otherwise).
/// </summary>
internal sealed record CtganArchitecture(int EmbeddingDimension, int[] GeneratorLayers, int DataWidth, int ConditionWidth,
    GeneratorKind Kind = GeneratorKind.CtganResidual, string? LabelColumn = null)
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
