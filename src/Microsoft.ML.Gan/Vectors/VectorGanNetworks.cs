using Microsoft.ML.Gan.Networks;

namespace Microsoft.ML.Gan.Vectors;

/// <summary>Builds the generator and discriminator MLPs of a vector GAN from its options.</summary>
internal static class VectorGanNetworks
{
    public static nn.Module<Tensor, Tensor> CreateGenerator(VectorGanOptions options, int dimension) =>
        Mlp.Create(options.LatentDimension, dimension, new MlpOptions
        {
            HiddenLayers = options.GeneratorLayers,
            BatchNorm = options.GeneratorBatchNorm,
        });

    public static nn.Module<Tensor, Tensor> CreateDiscriminator(VectorGanOptions options, int dimension) =>
        Mlp.Create(dimension * options.Pac, 1, new MlpOptions
        {
            HiddenLayers = options.DiscriminatorLayers,
            LeakyRelu = true,
            SpectralNorm = options.SpectralNorm,
            Dropout = options.DiscriminatorDropout,
        });
}
