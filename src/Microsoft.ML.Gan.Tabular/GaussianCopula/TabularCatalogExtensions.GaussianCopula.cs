using Microsoft.ML.Gan;
using Microsoft.ML.Gan.Tabular;
using Microsoft.ML.Gan.Tabular.GaussianCopula;

namespace Microsoft.ML;

public static partial class TabularCatalogExtensions
{
    /// <summary>
    /// A Gaussian copula synthesizer (Patki et al. 2016, as SDV's GaussianCopulaSynthesizer): fitted in one pass, with
    /// exact conditional sampling, giving the same model type as CTGAN.
    /// </summary>
    /// <param name="catalog">The tabular catalog.</param>
    /// <param name="options">Options; null for the defaults (see <see cref="GaussianCopulaOptions"/>).</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (the message names it).</exception>
    public static TabularSynthesizerEstimator GaussianCopula(this TabularGanCatalog catalog, GaussianCopulaOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new GaussianCopulaEstimator(catalog.Context, options ?? new GaussianCopulaOptions());
    }
}
