using Microsoft.ML.Gan;
using Microsoft.ML.Gan.Images;

namespace Microsoft.ML;

/// <summary>The image GAN estimators on <c>mlContext.Gan().Images</c>.</summary>
public static class ImageGanCatalogExtensions
{
    /// <summary>Vanilla GAN (Goodfellow et al. 2014): fully connected networks on the pixels of an image column, any size.</summary>
    public static ImageGanEstimator VanillaGan(this ImageGanCatalog catalog, ImageVanillaGanOptions? options = null) =>
        Create(catalog, options ?? new ImageVanillaGanOptions());

    /// <summary>DCGAN (Radford et al. 2016) on an image column.</summary>
    public static ImageGanEstimator Dcgan(this ImageGanCatalog catalog, DcganOptions? options = null) =>
        Create(catalog, options ?? new DcganOptions());

    /// <summary>WGAN with weight clipping (Arjovsky et al. 2017) and a DCGAN critic.</summary>
    public static ImageGanEstimator Wgan(this ImageGanCatalog catalog, ImageWganOptions? options = null) =>
        Create(catalog, options ?? new ImageWganOptions());

    /// <summary>WGAN-GP (Gulrajani et al. 2017) with a DCGAN critic without batch norm.</summary>
    public static ImageGanEstimator WganGp(this ImageGanCatalog catalog, ImageWganGpOptions? options = null) =>
        Create(catalog, options ?? new ImageWganGpOptions());

    /// <summary>Conditional DCGAN by label concatenation (cGAN) on an image column and a label column.</summary>
    public static ImageGanEstimator ConditionalGan(this ImageGanCatalog catalog, ConditionalGanOptions? options = null) =>
        Create(catalog, options ?? new ConditionalGanOptions());

    /// <summary>AC-GAN (Odena et al. 2017): conditional DCGAN with an auxiliary classifier in the discriminator.</summary>
    public static ImageGanEstimator AcGan(this ImageGanCatalog catalog, AcGanOptions? options = null) =>
        Create(catalog, options ?? new AcGanOptions());

    /// <summary>Any convolutional image GAN described by <paramref name="options"/> (e.g. projection conditioning).</summary>
    public static ImageGanEstimator ImageGan(this ImageGanCatalog catalog, ImageGanOptions options) =>
        Create(catalog, options);

    /// <summary>A small StyleGAN2-style generator (Karras et al. 2020) with its generation controls (truncation, style mixing, noise).</summary>
    public static Microsoft.ML.Gan.Images.StyleGan.StyleGanEstimator StyleGan(this ImageGanCatalog catalog,
        Microsoft.ML.Gan.Images.StyleGan.StyleGanOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new Microsoft.ML.Gan.Images.StyleGan.StyleGanEstimator(catalog.Context, options ?? new Microsoft.ML.Gan.Images.StyleGan.StyleGanOptions());
    }

    /// <summary>Text-conditioned image generation (GAN-INT-CLS, Reed et al. 2016) from a text-vector column such as
    /// FeaturizeText's output; the fitted model maps that column to generated images.</summary>
    public static Microsoft.ML.Gan.Images.TextToImage.TextToImageEstimator TextToImage(this ImageGanCatalog catalog,
        Microsoft.ML.Gan.Images.TextToImage.TextToImageOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new Microsoft.ML.Gan.Images.TextToImage.TextToImageEstimator(catalog.Context, options ?? new Microsoft.ML.Gan.Images.TextToImage.TextToImageOptions());
    }

    /// <summary>
    /// Evaluates <paramref name="generatedCount"/> images of <paramref name="model"/>: trains a domain classifier on
    /// <paramref name="realTrain"/>, then reports domain-feature Fréchet distance, KID, precision/recall against
    /// <paramref name="realTest"/> and, for a conditional model, CAS. To compare several models, create one
    /// <see cref="Microsoft.ML.Gan.Images.Metrics.ImageGanEvaluator"/> and reuse it.
    /// </summary>
    public static Microsoft.ML.Gan.Images.Metrics.ImageGanEvaluation Evaluate(this ImageGanCatalog catalog, ImageGanTransformer model,
        ImageSet realTrain, ImageSet realTest, int generatedCount = 2000, Microsoft.ML.Gan.Images.Metrics.DomainClassifierOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        using var evaluator = new Microsoft.ML.Gan.Images.Metrics.ImageGanEvaluator(realTrain, realTest, options);
        return evaluator.Evaluate(model, generatedCount);
    }

    /// <summary>pix2pix (Isola et al. 2017): paired image-to-image translation (e.g. <see cref="Pix2PixOptions.Colorization"/>).</summary>
    public static ImageTranslationEstimator Pix2Pix(this ImageGanCatalog catalog, Pix2PixOptions options) => CreateTranslation(catalog, options);

    /// <summary>SRGAN (Ledig et al. 2017): ×2 or ×4 super-resolution trained on high-resolution images.</summary>
    public static ImageTranslationEstimator SuperResolution(this ImageGanCatalog catalog, SuperResolutionOptions? options = null) =>
        CreateTranslation(catalog, options ?? new SuperResolutionOptions());

    /// <summary>CycleGAN (Zhu et al. 2017): unpaired translation between two image domains, both directions.</summary>
    public static ImageTranslationEstimator CycleGan(this ImageGanCatalog catalog, CycleGanOptions options) => CreateTranslation(catalog, options);

    /// <summary>Any image-to-image GAN described by <paramref name="options"/> (pix2pix, SRGAN or CycleGAN options).</summary>
    public static ImageTranslationEstimator ImageTranslation(this ImageGanCatalog catalog, ImageTranslationOptions options) => CreateTranslation(catalog, options);

    private static ImageTranslationEstimator CreateTranslation(ImageGanCatalog catalog, ImageTranslationOptions options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(options);
        return new ImageTranslationEstimator(catalog.Context, options);
    }

    private static ImageGanEstimator Create(ImageGanCatalog catalog, ImageGanOptions options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(options);
        return new ImageGanEstimator(catalog.Context, options);
    }
}
