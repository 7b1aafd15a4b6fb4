using Microsoft.ML.Gan;
using Microsoft.ML.Gan.Tabular.Evaluation;

namespace Microsoft.ML;

/// <summary>Adds the quality and privacy evaluation of synthetic tables to <c>mlContext.Gan().Tabular</c>.</summary>
public static class TabularEvaluationCatalogExtensions
{
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
}
