using Microsoft.ML.Runtime;

namespace Microsoft.ML.Gan;

/// <summary>
/// Entry point of the library: <c>mlContext.Gan()</c>. Vector GANs are members of this catalog; the tabular and
/// image families add their estimators to <see cref="Tabular"/> and <see cref="Images"/> as extension methods from
/// their own assemblies, so the core never references a family.
/// </summary>
public sealed class GanCatalog
{
    internal GanCatalog(MLContext context)
    {
        Context = context;
        Tabular = new TabularGanCatalog(context);
        Images = new ImageGanCatalog(context);
    }

    /// <summary>The ML.NET context the estimators use (seed, log).</summary>
    public MLContext Context { get; }

    /// <summary>Synthetic tabular data (CTGAN and friends), added by Microsoft.ML.Gan.Tabular.</summary>
    public TabularGanCatalog Tabular { get; }

    /// <summary>Image GANs, added by Microsoft.ML.Gan.Images.</summary>
    public ImageGanCatalog Images { get; }

    /// <summary>Vanilla GAN (Goodfellow et al. 2014) on a float vector column.</summary>
    public Vectors.VectorGanEstimator VanillaGan(Vectors.VanillaGanOptions? options = null) =>
        new(Context, options ?? new Vectors.VanillaGanOptions());

    /// <summary>WGAN with weight clipping (Arjovsky et al. 2017) on a float vector column.</summary>
    public Vectors.VectorGanEstimator Wgan(Vectors.WganOptions? options = null) =>
        new(Context, options ?? new Vectors.WganOptions());

    /// <summary>WGAN-GP (Gulrajani et al. 2017) on a float vector column.</summary>
    public Vectors.VectorGanEstimator WganGp(Vectors.WganGpOptions? options = null) =>
        new(Context, options ?? new Vectors.WganGpOptions());
}

/// <summary>Holder of the tabular synthesizers; see Microsoft.ML.Gan.Tabular for its estimators.</summary>
public sealed class TabularGanCatalog
{
    internal TabularGanCatalog(MLContext context) => Context = context;

    /// <summary>The ML.NET context.</summary>
    public MLContext Context { get; }
}

/// <summary>Holder of the image GANs; see Microsoft.ML.Gan.Images for its estimators.</summary>
public sealed class ImageGanCatalog
{
    internal ImageGanCatalog(MLContext context) => Context = context;

    /// <summary>The ML.NET context.</summary>
    public MLContext Context { get; }
}
