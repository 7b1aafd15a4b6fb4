using Microsoft.ML.Gan.Augmentation;
using Microsoft.ML.Gan.Tabular;
using Microsoft.ML.Gan.Tabular.Augmentation;
using Microsoft.ML.Gan.Tabular.Ctgan;
using Microsoft.ML.Gan.Tabular.Evaluation;
using Microsoft.ML.Gan.Tabular.Export;

namespace Microsoft.ML;

/// <summary>
/// Adds the tabular synthesizers (each family's folder adds its entry as a part of this class:
/// <c>Ctgan/TabularCatalogExtensions.Ctgan.cs</c> and the like), table-file reading, the quality report and the export to
/// <c>mlContext.Gan().Tabular</c>, and tabular augmentation (any family) to <c>mlContext.Gan().Augment</c>.
/// </summary>
public static partial class TabularCatalogExtensions
{
    /// <summary>Reads a CSV or Parquet file and infers (or applies) every column's role; see <see cref="TabularFileReader"/>.</summary>
    /// <param name="catalog">The tabular GAN catalog.</param>
    /// <param name="path">A .parquet file, or a delimited text file with a header row.</param>
    /// <param name="options">Separator, encoding and role overrides; null for detection and inference.</param>
    /// <inheritdoc cref="TabularFileReader.Read" path="/exception"/>
    public static TabularFile ReadFile(this TabularGanCatalog catalog, string path, TabularFileOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return TabularFileReader.Read(path, options);
    }

    /// <summary>
    /// Compares synthetic rows with the real rows they imitate: column shapes, pair trends, ML efficacy (when a label
    /// column is given), privacy (distance to closest record against a real holdout, exact copies, rare categories),
    /// and the frequencies behind the report's plots.
    /// </summary>
    /// <param name="catalog">The tabular GAN catalog.</param>
    /// <param name="real">The real rows (the synthesizer's training data). Vector columns must be ignored.</param>
    /// <param name="synthetic">The synthetic rows, with the same column names and kinds as <paramref name="real"/>.</param>
    /// <param name="options">Options; null for the defaults.</param>
    /// <returns>The report; see <see cref="TabularQualityReport.ToJson"/> and <see cref="TabularQualityReport.SaveHtml"/>.</returns>
    /// <exception cref="ArgumentException">The tables' columns differ, an option names a missing column, or a table is empty.</exception>
    public static TabularQualityReport Evaluate(this TabularGanCatalog catalog, IDataView real, IDataView synthetic, TabularEvaluationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return TabularEvaluator.Evaluate(real, synthetic, options ?? new TabularEvaluationOptions());
    }

    /// <summary>Creates an exporter that filters synthetic rows for privacy and writes them to CSV, Parquet, SQLite or PostgreSQL.</summary>
    /// <param name="catalog">The tabular GAN catalog.</param>
    /// <param name="options">Options; null for the defaults (which need <see cref="SyntheticExportOptions.RealTraining"/>).</param>
    public static SyntheticDataExporter CreateExporter(this TabularGanCatalog catalog, SyntheticExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new SyntheticDataExporter(options);
    }

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
        return catalog.Augment(estimator, new CtganEstimator(catalog.Context, ctganOptions), options);
    }

    /// <summary>
    /// Augments the training rows of <paramref name="estimator"/> with any tabular synthesizer: each <c>Fit</c> fits
    /// <paramref name="synthesizer"/> (<c>mlContext.Gan().Tabular.Ctgan</c>, <c>.Tvae</c>, <c>.TabDdpm</c> or
    /// <c>.GaussianCopula</c>) on the input table (label included) and generates rows conditioned on the label.
    /// </summary>
    /// <remarks>
    /// How exact the label condition is depends on the family: the Gaussian copula draws exactly from p(row | label);
    /// TabDDPM does when its <see cref="Gan.Tabular.TabDdpm.TabDdpmOptions.LabelColumn"/> is the augmentation's label (otherwise the label
    /// is imposed by replacement during the reverse process); CTGAN and TVAE generate rows conditioned on the label
    /// with their conditional vector. Every family's rows carry the asked label.
    /// </remarks>
    /// <typeparam name="TTransformer">The wrapped estimator's transformer, which <c>Fit</c> returns unchanged.</typeparam>
    /// <param name="catalog">The GAN catalog.</param>
    /// <param name="estimator">The estimator (trainer or chain) to train on augmented data.</param>
    /// <param name="synthesizer">The tabular synthesizer to fit at each <c>Fit</c> (its model is disposed when <c>Fit</c> ends).</param>
    /// <param name="options">Label, strategy, cap, quality filter; null for the defaults (balance classes of "Label").</param>
    /// <exception cref="ArgumentException">
    /// (at <c>Fit</c>) The synthesizer's options ignore the label, or the label holds classes in a numeric column its
    /// <c>DiscreteColumns</c> does not list.
    /// </exception>
    public static GanAugmentationEstimator<TTransformer> Augment<TTransformer>(this GanCatalog catalog,
        IEstimator<TTransformer> estimator, TabularSynthesizerEstimator synthesizer, GanAugmentationOptions? options = null)
        where TTransformer : class, ITransformer
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return catalog.Augment(estimator, new TabularSynthesizerFactory(synthesizer), options);
    }

    /// <summary>
    /// Augments the training rows of <paramref name="estimator"/> with an already fitted tabular model of any family
    /// (CTGAN, TVAE, TabDDPM, Gaussian copula; not refitted; it stays the caller's). The model must generate every
    /// input column, the label included.
    /// </summary>
    /// <typeparam name="TTransformer">The wrapped estimator's transformer, which <c>Fit</c> returns unchanged.</typeparam>
    /// <param name="catalog">The GAN catalog.</param>
    /// <param name="estimator">The estimator (trainer or chain) to train on augmented data.</param>
    /// <param name="model">A tabular model fitted on the training table.</param>
    /// <param name="options">Label, strategy, cap, quality filter; null for the defaults (balance classes of "Label").</param>
    /// <exception cref="ArgumentException">The model does not generate the label column.</exception>
    public static GanAugmentationEstimator<TTransformer> Augment<TTransformer>(this GanCatalog catalog,
        IEstimator<TTransformer> estimator, CtganModel model, GanAugmentationOptions? options = null)
        where TTransformer : class, ITransformer
    {
        ArgumentNullException.ThrowIfNull(catalog);
        options ??= new GanAugmentationOptions();
        return catalog.Augment(estimator, new TabularModelSynthesizer(model, options.LabelColumnName), options);
    }
}
