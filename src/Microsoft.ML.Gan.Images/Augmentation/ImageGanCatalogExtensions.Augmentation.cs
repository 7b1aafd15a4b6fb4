using Microsoft.ML.Gan.Augmentation;
using Microsoft.ML.Gan.Images.Augmentation;

namespace Microsoft.ML;

// The image-GAN augmentation overloads of mlContext.Gan().Augment.
public static partial class ImageGanCatalogExtensions
{
    /// <summary>
    /// Augments the training images of <paramref name="estimator"/> with a conditional image GAN fitted at each
    /// <c>Fit</c> on the pixel column <see cref="ImageColumnOptions.ImageColumnName"/> and the key label
    /// <see cref="ImageGanOptions.LabelColumnName"/> (which must equal <see cref="GanAugmentationOptions.LabelColumnName"/>).
    /// The input must hold only those two columns.
    /// </summary>
    /// <typeparam name="TTransformer">The wrapped estimator's transformer, which <c>Fit</c> returns unchanged.</typeparam>
    /// <param name="catalog">The GAN catalog.</param>
    /// <param name="estimator">The estimator (trainer or chain) to train on augmented data.</param>
    /// <param name="imageGanOptions">Options of a conditional image GAN (e.g. <see cref="ConditionalGanOptions"/>).</param>
    /// <param name="options">Strategy, cap, quality filter; null for the defaults (balance classes of "Label").</param>
    public static GanAugmentationEstimator<TTransformer> Augment<TTransformer>(this GanCatalog catalog,
        IEstimator<TTransformer> estimator, ImageGanOptions imageGanOptions, GanAugmentationOptions? options = null)
        where TTransformer : class, ITransformer
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return catalog.Augment(estimator, new ImageGanSynthesizerFactory(catalog.Context, imageGanOptions), options);
    }

    /// <summary>Augments with an already fitted conditional image GAN (not refitted; it stays the caller's).</summary>
    /// <typeparam name="TTransformer">The wrapped estimator's transformer, which <c>Fit</c> returns unchanged.</typeparam>
    /// <param name="catalog">The GAN catalog.</param>
    /// <param name="estimator">The estimator (trainer or chain) to train on augmented data.</param>
    /// <param name="model">A conditional image GAN fitted on the training images.</param>
    /// <param name="imageColumnName">The pixel column (Vector&lt;Single, C×H×W&gt;) of the training table.</param>
    /// <param name="options">Label, strategy, cap, quality filter; null for the defaults (balance classes of "Label").</param>
    public static GanAugmentationEstimator<TTransformer> Augment<TTransformer>(this GanCatalog catalog,
        IEstimator<TTransformer> estimator, ImageGanTransformer model, string imageColumnName = "Image", GanAugmentationOptions? options = null)
        where TTransformer : class, ITransformer
    {
        ArgumentNullException.ThrowIfNull(catalog);
        options ??= new GanAugmentationOptions();
        return catalog.Augment(estimator, new ImageGanSynthesizer(catalog.Context, model, imageColumnName, options.LabelColumnName), options);
    }
}
