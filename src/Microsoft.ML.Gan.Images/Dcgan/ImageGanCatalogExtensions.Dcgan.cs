namespace Microsoft.ML;

// The DCGAN-like estimators on mlContext.Gan().Images.
public static partial class ImageGanCatalogExtensions
{
    /// <summary>Vanilla GAN (Goodfellow et al. 2014): fully connected networks on the pixels of an image column, any size.</summary>
    public static ImageGanEstimator<ImageGanTransformer> VanillaGan(this ImageGanCatalog catalog, ImageVanillaGanOptions? options = null) =>
        ImageGan(catalog, options ?? new ImageVanillaGanOptions());

    /// <summary>DCGAN (Radford et al. 2016) on an image column: the defaults of <see cref="ImageGanOptions"/>.</summary>
    public static ImageGanEstimator<ImageGanTransformer> Dcgan(this ImageGanCatalog catalog, ImageGanOptions? options = null) =>
        ImageGan(catalog, options ?? new ImageGanOptions());

    /// <summary>WGAN with weight clipping (Arjovsky et al. 2017) and a DCGAN critic.</summary>
    public static ImageGanEstimator<ImageGanTransformer> Wgan(this ImageGanCatalog catalog, ImageWganOptions? options = null) =>
        ImageGan(catalog, options ?? new ImageWganOptions());

    /// <summary>WGAN-GP (Gulrajani et al. 2017) with a DCGAN critic without batch norm.</summary>
    public static ImageGanEstimator<ImageGanTransformer> WganGp(this ImageGanCatalog catalog, ImageWganGpOptions? options = null) =>
        ImageGan(catalog, options ?? new ImageWganGpOptions());

    /// <summary>Conditional DCGAN by label concatenation (cGAN) on an image column and a label column.</summary>
    public static ImageGanEstimator<ImageGanTransformer> ConditionalGan(this ImageGanCatalog catalog, ConditionalGanOptions? options = null) =>
        ImageGan(catalog, options ?? new ConditionalGanOptions());

    /// <summary>AC-GAN (Odena et al. 2017): conditional DCGAN with an auxiliary classifier in the discriminator.</summary>
    public static ImageGanEstimator<ImageGanTransformer> AcGan(this ImageGanCatalog catalog, AcGanOptions? options = null) =>
        ImageGan(catalog, options ?? new AcGanOptions());

    /// <summary>Any convolutional image GAN described by <paramref name="options"/> (e.g. projection conditioning).</summary>
    public static ImageGanEstimator<ImageGanTransformer> ImageGan(this ImageGanCatalog catalog, ImageGanOptions options) =>
        Create(catalog, options, o => new ImageGanTraining(o));
}
