using Microsoft.ML.Gan;
using Microsoft.ML.Gan.Tabular.TabDdpm;

namespace Microsoft.ML;

public static partial class TabularCatalogExtensions
{
    /// <summary>A TabDDPM synthesizer (Kotelnikov et al. 2023), fitted like CTGAN and giving the same model type.</summary>
    /// <param name="catalog">The tabular catalog.</param>
    /// <param name="options">Options; null for the defaults (see <see cref="TabDdpmOptions"/>).</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (the message names it).</exception>
    public static TabDdpmEstimator TabDdpm(this TabularGanCatalog catalog, TabDdpmOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new TabDdpmEstimator(catalog.Context, options ?? new TabDdpmOptions());
    }
}
