namespace Microsoft.ML;

// The image-to-image estimators on mlContext.Gan().Images.
public static partial class ImageGanCatalogExtensions
{
    /// <summary>pix2pix (Isola et al. 2017): paired image-to-image translation (e.g. <see cref="Pix2PixOptions.Colorization"/>).</summary>
    public static ImageGanEstimator<ImageTranslationTransformer> Pix2Pix(this ImageGanCatalog catalog, Pix2PixOptions options) =>
        ImageTranslation(catalog, options);

    /// <summary>SRGAN (Ledig et al. 2017): ×2 or ×4 super-resolution trained on high-resolution images.</summary>
    public static ImageGanEstimator<ImageTranslationTransformer> SuperResolution(this ImageGanCatalog catalog, SuperResolutionOptions? options = null) =>
        ImageTranslation(catalog, options ?? new SuperResolutionOptions());

    /// <summary>CycleGAN (Zhu et al. 2017): unpaired translation between two image domains, both directions. Fit it on
    /// two views with <see cref="Fit(ImageGanEstimator{ImageTranslationTransformer}, IDataView, IDataView)"/>.</summary>
    public static ImageGanEstimator<ImageTranslationTransformer> CycleGan(this ImageGanCatalog catalog, CycleGanOptions options) =>
        ImageTranslation(catalog, options);

    /// <summary>Any image-to-image GAN described by <paramref name="options"/> (pix2pix, SRGAN or CycleGAN options).</summary>
    public static ImageGanEstimator<ImageTranslationTransformer> ImageTranslation(this ImageGanCatalog catalog, ImageTranslationOptions options) =>
        Create(catalog, options, o => new ImageTranslationTraining(o));

    /// <summary>CycleGAN on unpaired data: domain A images from <paramref name="domainA"/>'s input column, domain B
    /// images from <paramref name="domainB"/>'s target column (the two views may have different row counts).</summary>
    /// <exception cref="InvalidOperationException">The estimator is not a CycleGAN (pix2pix and SRGAN train on one view).</exception>
    public static ImageTranslationTransformer Fit(this ImageGanEstimator<ImageTranslationTransformer> estimator, IDataView domainA, IDataView domainB)
    {
        ArgumentNullException.ThrowIfNull(estimator);
        return estimator.Fit(domainA, domainB);
    }
}
