namespace Microsoft.ML.Gan.Vectors;

/// <summary>What a fitted vector generator needs besides its weights: its shape and the data's standardization.</summary>
internal sealed record VectorGanArchitecture(int Dimension, int LatentDimension, int[] GeneratorLayers,
    bool GeneratorBatchNorm, float[] Mean, float[] Scale)
{
    public static VectorGanArchitecture From(VectorGanOptions options, float[] mean, float[] scale) =>
        new(mean.Length, options.LatentDimension, options.GeneratorLayers.ToArray(), options.GeneratorBatchNorm, mean, scale);

    public VectorGanOptions ToOptions() => new()
    {
        LatentDimension = LatentDimension,
        GeneratorLayers = GeneratorLayers,
        GeneratorBatchNorm = GeneratorBatchNorm,
    };

    public void Write(BinaryWriter writer)
    {
        writer.Write(Dimension);
        writer.Write(LatentDimension);
        writer.Write(GeneratorLayers.Length);
        foreach (int width in GeneratorLayers)
            writer.Write(width);
        writer.Write(GeneratorBatchNorm);
        foreach (float value in Mean)
            writer.Write(value);
        foreach (float value in Scale)
            writer.Write(value);
    }

    public static VectorGanArchitecture Read(BinaryReader reader)
    {
        int dimension = reader.ReadInt32();
        int latent = reader.ReadInt32();
        int layerCount = reader.ReadInt32();
        if (dimension < 1 || latent < 1 || layerCount < 0 || layerCount > 1024)
            throw new InvalidDataException($"Impossible vector GAN shape: dimension {dimension}, latent {latent}, {layerCount} layers.");
        var layers = new int[layerCount];
        for (int i = 0; i < layerCount; i++)
            layers[i] = reader.ReadInt32();
        bool batchNorm = reader.ReadBoolean();
        var mean = new float[dimension];
        var scale = new float[dimension];
        for (int i = 0; i < dimension; i++)
            mean[i] = reader.ReadSingle();
        for (int i = 0; i < dimension; i++)
            scale[i] = reader.ReadSingle();
        return new VectorGanArchitecture(dimension, latent, layers, batchNorm, mean, scale);
    }
}
