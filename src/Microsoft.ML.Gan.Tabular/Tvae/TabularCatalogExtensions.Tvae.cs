using Microsoft.ML.Gan;
using Microsoft.ML.Gan.Tabular.Tvae;

namespace Microsoft.ML;

public static partial class TabularCatalogExtensions
{
    /// <summary>A TVAE synthesizer (Xu et al. 2019), fitted like CTGAN and giving the same model type.</summary>
    /// <param name="catalog">The tabular catalog.</param>
    /// <param name="options">Options; null for the paper's defaults.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (the message names it).</exception>
    public static TvaeEstimator Tvae(this TabularGanCatalog catalog, TvaeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new TvaeEstimator(catalog.Context, options ?? new TvaeOptions());
    }
}
