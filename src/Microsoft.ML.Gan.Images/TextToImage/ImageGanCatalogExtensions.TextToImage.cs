using Microsoft.ML.Gan.Images.TextToImage;

namespace Microsoft.ML;

// The text-to-image estimator on mlContext.Gan().Images.
public static partial class ImageGanCatalogExtensions
{
    /// <summary>Text-conditioned image generation (GAN-INT-CLS, Reed et al. 2016) from a text-vector column such as
    /// FeaturizeText's output; the fitted model maps that column to generated images.</summary>
    public static ImageGanEstimator<TextToImageTransformer> TextToImage(this ImageGanCatalog catalog, TextToImageOptions? options = null) =>
        Create(catalog, options ?? new TextToImageOptions(), o => new TextToImageTraining(o));
}
