using Microsoft.ML.Gan.Images.StyleGan;

namespace Microsoft.ML;

// The StyleGAN estimator on mlContext.Gan().Images.
public static partial class ImageGanCatalogExtensions
{
    /// <summary>A small StyleGAN2-style generator (Karras et al. 2020) with its generation controls (truncation, style mixing, noise).</summary>
    public static ImageGanEstimator<StyleGanTransformer> StyleGan(this ImageGanCatalog catalog, StyleGanOptions? options = null) =>
        Create(catalog, options ?? new StyleGanOptions(), o => new StyleGanTraining(o));
}
