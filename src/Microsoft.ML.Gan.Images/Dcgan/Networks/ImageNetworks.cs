namespace Microsoft.ML.Gan.Images.Networks;

/// <summary>Creates the generator and discriminator of an <see cref="ImageNetworkSpec"/>'s architecture.</summary>
internal static class ImageNetworks
{
    /// <summary>[N, z + K] → [N, C, H, W] in [−1, 1].</summary>
    public static nn.Module<Tensor, Tensor> CreateGenerator(ImageNetworkSpec spec) => spec.Architecture == ImageGanArchitecture.Mlp
        ? new MlpImageGenerator(spec)
        : new DcganGenerator(spec);

    /// <summary>A discriminator module that judges images (see <see cref="IImageDiscriminator"/>).</summary>
    public static nn.Module CreateDiscriminator(ImageNetworkSpec spec) => spec.Architecture == ImageGanArchitecture.Mlp
        ? new MlpImageDiscriminator(spec)
        : new DcganDiscriminator(spec);
}
