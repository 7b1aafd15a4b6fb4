using Microsoft.ML.Gan.Images.Metrics;
using Microsoft.ML.Gan.Images.StyleGan;
using Microsoft.ML.Gan.Images.TextToImage;
using Microsoft.ML.Gan.Images.Training;

namespace Microsoft.ML;

/// <summary>
/// The image GAN estimators on <c>mlContext.Gan().Images</c>: each family declares its own methods in its folder
/// (<c>ImageGanCatalogExtensions.&lt;Family&gt;.cs</c>); this part holds evaluation and the shared construction.
/// </summary>
public static partial class ImageGanCatalogExtensions
{
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

    internal static ImageGanEstimator<TTransformer> Create<TOptions, TTransformer>(ImageGanCatalog catalog, TOptions options,
        Func<TOptions, ImageFamilyTraining<TTransformer>> training)
        where TTransformer : ImageGanTransformerBase
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(options);
        return new ImageGanEstimator<TTransformer>(catalog.Context, training(options));
    }
}
