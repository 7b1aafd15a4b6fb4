using Microsoft.ML.Gan;
using Microsoft.ML.Gan.Tabular.Data;

namespace Microsoft.ML;

/// <summary>Adds table-file reading with column roles to <c>mlContext.Gan().Tabular</c>.</summary>
public static class TabularFileCatalogExtensions
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
}
