using Microsoft.ML.Gan;
using Microsoft.ML.Gan.Tabular.Ctgan;

namespace Microsoft.ML;

public static partial class TabularCatalogExtensions
{
    /// <summary>CTGAN (Xu et al. 2019): a conditional GAN for mixed continuous and discrete tables.</summary>
    /// <param name="catalog">The tabular GAN catalog.</param>
    /// <param name="options">Options; null for the paper's defaults.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (the message names it).</exception>
    public static CtganEstimator Ctgan(this TabularGanCatalog catalog, CtganOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new CtganEstimator(catalog.Context, options ?? new CtganOptions());
    }
}
