using Microsoft.ML.Gan;
using Microsoft.ML.Gan.Images;
using Microsoft.ML.Gan.Images.Metrics;
using Microsoft.ML.Gan.Images.StyleGan;
using Microsoft.ML.Gan.Images.TextToImage;
using Microsoft.ML.Gan.Images.Training;

namespace Microsoft.ML;

/// <summary>The image GAN estimators on <c>mlContext.Gan().Images</c>.</summary>
public static class ImageGanCatalogExtensions
{
    /// <summary>Vanilla GAN (Goodfellow et al. 2014): fully connected networks on the pixels of an image column, any size.</summary>
    public static ImageGanEstimator<ImageGanTransformer> VanillaGan(this ImageGanCatalog catalog, ImageVanillaGanOptions? options = null) =>
        ImageGan(catalog, options ?? new ImageVanillaGanOptions());

    /// <summary>DCGAN (Radford et al. 2016) on an image column.</summary>
    public static ImageGanEstimator<ImageGanTransformer> Dcgan(this ImageGanCatalog catalog, DcganOptions? options = null) =>
        ImageGan(catalog, options ?? new DcganOptions());

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

    /// <summary>A small StyleGAN2-style generator (Karras et al. 2020) with its generation controls (truncation, style mixing, noise).</summary>
    public static ImageGanEstimator<StyleGanTransformer> StyleGan(this ImageGanCatalog catalog, StyleGanOptions? options = null) =>
        Create(catalog, options ?? new StyleGanOptions(), o => new StyleGanTraining(o));

    /// <summary>Text-conditioned image generation (GAN-INT-CLS, Reed et al. 2016) from a text-vector column such as
    /// FeaturizeText's output; the fitted model maps that column to generated images.</summary>
    public static ImageGanEstimator<TextToImageTransformer> TextToImage(this ImageGanCatalog catalog, TextToImageOptions? options = null) =>
        Create(catalog, options ?? new TextToImageOptions(), o => new TextToImageTraining(o));

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

    /// <summary>
    /// Evaluates <paramref name="generatedCount"/> images of <paramref name="model"/>: trains a domain classifier on
    /// <paramref name="realTrain"/>, then reports domain-feature Fréchet distance, KID, precision/recall against
    /// <paramref name="realTest"/> and, for a conditional model, CAS. To compare several models, create one
    /// <see cref="ImageGanEvaluator"/> and reuse it.
    /// </summary>
    public static ImageGanEvaluation Evaluate(this ImageGanCatalog catalog, ImageGanTransformer model,
        ImageSet realTrain, ImageSet realTest, int generatedCount = 2000, DomainClassifierOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        using var evaluator = new ImageGanEvaluator(realTrain, realTest, options);
        return evaluator.Evaluate(model, generatedCount);
    }

    private static ImageGanEstimator<TTransformer> Create<TOptions, TTransformer>(ImageGanCatalog catalog, TOptions options,
        Func<TOptions, ImageFamilyTraining<TTransformer>> training)
        where TTransformer : ImageGanTransformerBase
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(options);
        return new ImageGanEstimator<TTransformer>(catalog.Context, training(options));
    }
}
