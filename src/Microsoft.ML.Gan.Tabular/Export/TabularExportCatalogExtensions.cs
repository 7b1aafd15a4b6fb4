using Microsoft.ML.Gan;
using Microsoft.ML.Gan.Tabular.Export;

namespace Microsoft.ML;

/// <summary>Adds the privacy-preserving export of synthetic tables to <c>mlContext.Gan().Tabular</c>.</summary>
public static class TabularExportCatalogExtensions
{
    /// <summary>Creates an exporter that filters synthetic rows for privacy and writes them to CSV, Parquet, SQLite or PostgreSQL.</summary>
    /// <param name="catalog">The tabular GAN catalog.</param>
    /// <param name="options">Options; null for the defaults (which need <see cref="SyntheticExportOptions.RealTraining"/>).</param>
    public static SyntheticDataExporter CreateExporter(this TabularGanCatalog catalog, SyntheticExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new SyntheticDataExporter(options);
    }
}
