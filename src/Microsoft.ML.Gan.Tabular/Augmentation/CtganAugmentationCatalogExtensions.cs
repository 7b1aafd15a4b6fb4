using Microsoft.ML.Gan;
using Microsoft.ML.Gan.Augmentation;
using Microsoft.ML.Gan.Tabular.Augmentation;
using Microsoft.ML.Gan.Tabular.Ctgan;

namespace Microsoft.ML;

/// <summary>Adds CTGAN augmentation overloads to <c>mlContext.Gan().Augment</c>.</summary>
public static class CtganAugmentationCatalogExtensions
{
    /// <summary>
    /// Augments the training rows of <paramref name="estimator"/> with CTGAN: each <c>Fit</c> fits CTGAN with
    /// <paramref name="ctganOptions"/> on the input table (label included) and generates rows conditioned on the label.
    /// </summary>
    /// <typeparam name="TTransformer">The wrapped estimator's transformer, which <c>Fit</c> returns unchanged.</typeparam>
    /// <param name="catalog">The GAN catalog.</param>
    /// <param name="estimator">The estimator (trainer or chain) to train on augmented data.</param>
    /// <param name="ctganOptions">CTGAN options (epochs, discrete columns...).</param>
    /// <param name="options">Label, strategy, cap, quality filter; null for the defaults (balance classes of "Label").</param>
    public static GanAugmentationEstimator<TTransformer> Augment<TTransformer>(this GanCatalog catalog,
        IEstimator<TTransformer> estimator, CtganOptions ctganOptions, GanAugmentationOptions? options = null)
        where TTransformer : class, ITransformer
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(ctganOptions);
        return catalog.Augment(estimator, new CtganSynthesizerFactory(catalog.Context, ctganOptions), options);
    }

    /// <summary>
    /// Augments the training rows of <paramref name="estimator"/> with an already fitted CTGAN model (not refitted;
    /// it stays the caller's). The model must generate every input column, the label included.
    /// </summary>
    /// <typeparam name="TTransformer">The wrapped estimator's transformer, which <c>Fit</c> returns unchanged.</typeparam>
    /// <param name="catalog">The GAN catalog.</param>
    /// <param name="estimator">The estimator (trainer or chain) to train on augmented data.</param>
    /// <param name="model">A CTGAN model fitted on the training table.</param>
    /// <param name="options">Label, strategy, cap, quality filter; null for the defaults (balance classes of "Label").</param>
    /// <exception cref="ArgumentException">The model does not generate the label column.</exception>
    public static GanAugmentationEstimator<TTransformer> Augment<TTransformer>(this GanCatalog catalog,
        IEstimator<TTransformer> estimator, CtganModel model, GanAugmentationOptions? options = null)
        where TTransformer : class, ITransformer
    {
        ArgumentNullException.ThrowIfNull(catalog);
        options ??= new GanAugmentationOptions();
        return catalog.Augment(estimator, new CtganSynthesizer(model, options.LabelColumnName), options);
    }
}
