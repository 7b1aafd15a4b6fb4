namespace Microsoft.ML.Gan.Tabular.Data;

/// <summary>
/// Options of <see cref="DataTransformer"/>. Defaults follow CTGAN's mode-specific normalization (Xu et al. 2019,
/// §4.2): a variational Gaussian mixture of up to 10 modes per continuous column, modes under 0.005 weight dropped.
/// </summary>
public sealed class DataTransformerOptions
{
    /// <summary>The most modes (mixture components) fitted per continuous column. Default: 10.</summary>
    public int MaxModes { get; init; } = 10;

    /// <summary>Modes whose mixture weight is below this are dropped; must be in [0, 1). Default: 0.005.</summary>
    public double WeightThreshold { get; init; } = 0.005;

    /// <summary>
    /// The widest one-hot a discrete column gets. A column with more distinct values keeps its
    /// <c>MaxCategories − 1</c> most frequent values and groups the rest into one "other" category; decoding "other"
    /// draws one of the grouped training values by its training frequency. At least 2. Default: 1000.
    /// </summary>
    public int MaxCategories { get; init; } = 1000;

    /// <summary>
    /// A continuous value held by at least this share of the column's present values (for example the zeros of a
    /// zero-inflated amount) gets a mode of its own and decodes to exactly that value; in (0, 1], 1 keeps only
    /// columns whose values are all point masses. Default: 0.1.
    /// </summary>
    public double PointMassShare { get; init; } = 0.1;

    /// <summary>The Dirichlet-process concentration of each column's mixture; small values favour few modes. Default: 0.001.</summary>
    public double WeightConcentrationPrior { get; init; } = 0.001;

    /// <summary>The most variational EM iterations per continuous column. Default: 100.</summary>
    public int MixtureMaxIterations { get; init; } = 100;

    /// <summary>EM stops when the evidence lower bound changes by less than this. Default: 1e-3.</summary>
    public double MixtureTolerance { get; init; } = 1e-3;

    /// <summary>Seeds the mixtures' initialisation and, unless a call gives its own seed, the mode draws of <see cref="DataTransformer.Transform"/>. Default: 0.</summary>
    public int Seed { get; init; }

    /// <summary>The most present values of a continuous column that its mixture (or quantiles) is fitted on.</summary>
    internal const int DefaultFitSampleSize = 100_000;

    /// <summary>
    /// The most present values of a continuous column that its mixture, point masses or quantiles are fitted on; a
    /// column with more is fitted on a seeded uniform sample of this many (<see cref="PresentValues"/>). Not saved: it
    /// shapes the fit only. Default: <see cref="DefaultFitSampleSize"/>.
    /// </summary>
    internal int FitSampleSize { get; init; } = DefaultFitSampleSize;

    internal void Validate()
    {
        if (FitSampleSize < 2)
            throw new ArgumentOutOfRangeException(nameof(FitSampleSize), FitSampleSize, "FitSampleSize must be at least 2.");
        if (MaxModes < 1)
            throw new ArgumentOutOfRangeException(nameof(MaxModes), MaxModes, "MaxModes must be at least 1.");
        if (!(WeightThreshold >= 0 && WeightThreshold < 1))
            throw new ArgumentOutOfRangeException(nameof(WeightThreshold), WeightThreshold, "WeightThreshold must be in [0, 1).");
        if (!(PointMassShare > 0 && PointMassShare <= 1))
            throw new ArgumentOutOfRangeException(nameof(PointMassShare), PointMassShare, "PointMassShare must be in (0, 1].");
        if (MaxCategories < 2)
            throw new ArgumentOutOfRangeException(nameof(MaxCategories), MaxCategories, "MaxCategories must be at least 2 (one kept category and the \"other\" category).");
        if (!(WeightConcentrationPrior > 0) || double.IsInfinity(WeightConcentrationPrior))
            throw new ArgumentOutOfRangeException(nameof(WeightConcentrationPrior), WeightConcentrationPrior, "WeightConcentrationPrior must be a positive finite number.");
        if (MixtureMaxIterations < 1)
            throw new ArgumentOutOfRangeException(nameof(MixtureMaxIterations), MixtureMaxIterations, "MixtureMaxIterations must be at least 1.");
        if (!(MixtureTolerance >= 0))
            throw new ArgumentOutOfRangeException(nameof(MixtureTolerance), MixtureTolerance, "MixtureTolerance must be ≥ 0.");
    }

    /// <summary>The mixture options for one column, seeded from <see cref="Seed"/> and the column's position.</summary>
    internal VariationalGaussianMixtureOptions MixtureOptions(int columnIndex) => new()
    {
        Components = MaxModes,
        WeightThreshold = WeightThreshold,
        WeightConcentrationPrior = WeightConcentrationPrior,
        MaxIterations = MixtureMaxIterations,
        Tolerance = MixtureTolerance,
        Seed = ColumnSeed(Seed, columnIndex),
    };

    /// <summary>One pass over a continuous column: its range and flags, and the present values its encoder is fitted on.</summary>
    internal PresentValues PresentValues(ContinuousColumn column, int columnIndex) =>
        Data.PresentValues.Read(column, FitSampleSize, ColumnSeed(Seed, columnIndex));

    /// <summary>A seed for one column, so that each column draws its own deterministic stream.</summary>
    internal static int ColumnSeed(int seed, int columnIndex) => unchecked(seed * 31 + (columnIndex + 1) * 7919);

    internal void Write(BinaryWriter writer)
    {
        writer.Write(MaxModes);
        writer.Write(WeightThreshold);
        writer.Write(MaxCategories);
        writer.Write(WeightConcentrationPrior);
        writer.Write(MixtureMaxIterations);
        writer.Write(MixtureTolerance);
        writer.Write(Seed);
        writer.Write(PointMassShare);
    }

    internal static DataTransformerOptions Read(BinaryReader reader)
    {
        var options = new DataTransformerOptions
        {
            MaxModes = reader.ReadInt32(),
            WeightThreshold = reader.ReadDouble(),
            MaxCategories = reader.ReadInt32(),
            WeightConcentrationPrior = reader.ReadDouble(),
            MixtureMaxIterations = reader.ReadInt32(),
            MixtureTolerance = reader.ReadDouble(),
            Seed = reader.ReadInt32(),
            PointMassShare = reader.ReadDouble(),
        };
        options.Validate();
        return options;
    }
}
