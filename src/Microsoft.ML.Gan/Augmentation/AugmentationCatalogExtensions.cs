using Microsoft.ML.Gan;
using Microsoft.ML.Gan.Augmentation;

namespace Microsoft.ML;

/// <summary>Adds <c>mlContext.Gan().Augment(...)</c>: GAN data augmentation in front of any ML.NET estimator.</summary>
public static class AugmentationCatalogExtensions
{
    /// <summary>
    /// Wraps <paramref name="estimator"/> (a trainer, or a chain ending in one) so that it is fitted on the real rows plus
    /// synthetic rows from a synthesizer that <paramref name="synthesizer"/> fits on the same data, conditioned on the label.
    /// </summary>
    /// <typeparam name="TTransformer">The wrapped estimator's transformer, which <c>Fit</c> returns unchanged.</typeparam>
    /// <param name="catalog">The GAN catalog.</param>
    /// <param name="estimator">The estimator to train on augmented data.</param>
    /// <param name="synthesizer">Fits the synthesizer at each <c>Fit</c> (disposed when <c>Fit</c> ends).</param>
    /// <param name="options">Label, strategy, cap, quality filter; null for the defaults (balance classes of "Label").</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (the message names it).</exception>
    public static GanAugmentationEstimator<TTransformer> Augment<TTransformer>(this GanCatalog catalog,
        IEstimator<TTransformer> estimator, ISynthesizerFactory synthesizer, GanAugmentationOptions? options = null)
        where TTransformer : class, ITransformer
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(synthesizer);
        return new GanAugmentationEstimator<TTransformer>(catalog.Context, estimator, synthesizer, null, options ?? new GanAugmentationOptions());
    }

    /// <summary>
    /// Like the overload with a factory, but reuses an already fitted synthesizer (it must be conditioned on the same label
    /// column and generate every input column); it is not refitted, and the caller keeps it (and disposes it).
    /// </summary>
    /// <typeparam name="TTransformer">The wrapped estimator's transformer, which <c>Fit</c> returns unchanged.</typeparam>
    /// <param name="catalog">The GAN catalog.</param>
    /// <param name="estimator">The estimator to train on augmented data.</param>
    /// <param name="synthesizer">A fitted synthesizer.</param>
    /// <param name="options">Label, strategy, cap, quality filter; null for the defaults (balance classes of "Label").</param>
    /// <exception cref="ArgumentException">The synthesizer is conditioned on another column than <see cref="GanAugmentationOptions.LabelColumnName"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (the message names it).</exception>
    public static GanAugmentationEstimator<TTransformer> Augment<TTransformer>(this GanCatalog catalog,
        IEstimator<TTransformer> estimator, ILabelConditionedSynthesizer synthesizer, GanAugmentationOptions? options = null)
        where TTransformer : class, ITransformer
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(synthesizer);
        return new GanAugmentationEstimator<TTransformer>(catalog.Context, estimator, null, synthesizer, options ?? new GanAugmentationOptions());
    }
}
