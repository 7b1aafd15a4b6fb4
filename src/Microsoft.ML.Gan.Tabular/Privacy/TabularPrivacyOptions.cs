namespace Microsoft.ML.Gan.Tabular.Privacy;

/// <summary>
/// Differential privacy of a tabular synthesizer: (ε, δ) for the whole fit, the DP-SGD clipping norm and noise, and how
/// the data transformer's statistics are released. Set it on <c>CtganOptions.Privacy</c> (or build the options with
/// <c>CtganOptions.DifferentiallyPrivate</c>). The privacy unit is one row; the number of rows and the schema
/// (column names and types) are treated as public, as in Opacus and TF-Privacy.
/// </summary>
/// <remarks>
/// A DP fit is not reproducible by seed: the noise, the Poisson sampling and every other random draw of training come
/// from the operating system's cryptographically secure generator, are never stored, and do not depend on
/// <c>Seed</c>, which still fixes the saved model's sampling stream. Without privacy, fits stay deterministic by seed.
/// </remarks>
public sealed class TabularPrivacyOptions
{
    /// <summary>The ε budget of the whole fit (transformer statistics and training); training stops when it is spent. Required, &gt; 0.</summary>
    public double TargetEpsilon { get; set; }

    /// <summary>δ of the whole fit; null for 1/n^1.1 with n the training rows. Must be below 1/n.</summary>
    public double? Delta { get; set; }

    /// <summary>
    /// σ of DP-SGD (noise standard deviation over <see cref="MaxGradNorm"/>); null computes the smallest σ with which the
    /// planned steps (epochs × steps per epoch × critic steps) fit in the budget. When set, training stops early if the
    /// budget runs out first.
    /// </summary>
    public double? NoiseMultiplier { get; set; }

    /// <summary>C: each row's discriminator gradient is clipped to this L2 norm. Default 1.</summary>
    public double MaxGradNorm { get; set; } = 1.0;

    /// <summary>Share of ε (in the noise calibration) given to the data transformer's statistics. Default 0.1.</summary>
    public double TransformerBudgetShare { get; set; } = 0.1;

    /// <summary>
    /// Public [min, max] of continuous columns, by name (e.g. from a data dictionary). Columns not listed get bounds from a
    /// DP histogram over a fixed power-of-two grid, which is coarser.
    /// </summary>
    public IReadOnlyDictionary<string, (double Min, double Max)> PublicBounds { get; set; } =
        new Dictionary<string, (double Min, double Max)>();

    /// <summary>
    /// The complete public list of values of text columns, by name (e.g. the codes of a data dictionary). Their noisy
    /// counts need no threshold, so no category is dropped for being rare and no δ is spent on them; rows holding a
    /// value outside the list are left out of training.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> PublicCategories { get; set; } =
        new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>
    /// In text columns, the categories too rare to survive the DP threshold are replaced by this one value (its share is
    /// n minus the released counts), so their rows still train the model; null leaves those rows out instead. Rows that
    /// already hold this value join the group. Default "(other)".
    /// </summary>
    public string? RareCategoryLabel { get; set; } = "(other)";

    /// <summary>Equal-width bins of the DP histogram from which each continuous column's modes are fitted. Default 32.</summary>
    public int HistogramBins { get; set; } = 32;

    /// <summary>Throws an <see cref="ArgumentOutOfRangeException"/> naming the first invalid option.</summary>
    public void Validate()
    {
        Require(TargetEpsilon > 0 && double.IsFinite(TargetEpsilon), nameof(TargetEpsilon), TargetEpsilon, "a finite ε > 0");
        Require(Delta is null or (> 0 and < 1), nameof(Delta), Delta, "in (0, 1) when set");
        Require(NoiseMultiplier is null or > 0 && (NoiseMultiplier is null || double.IsFinite(NoiseMultiplier.Value)),
            nameof(NoiseMultiplier), NoiseMultiplier, "a finite σ > 0 when set");
        Require(MaxGradNorm > 0 && double.IsFinite(MaxGradNorm), nameof(MaxGradNorm), MaxGradNorm, "a finite C > 0");
        Require(TransformerBudgetShare is > 0 and < 1, nameof(TransformerBudgetShare), TransformerBudgetShare, "in (0, 1)");
        Require(HistogramBins is >= 2 and <= 4096, nameof(HistogramBins), HistogramBins, "in [2, 4096]");
        Require(PublicBounds is not null, nameof(PublicBounds), null, "a dictionary (possibly empty)");
        Require(PublicCategories is not null, nameof(PublicCategories), null, "a dictionary (possibly empty)");
        foreach (var (column, values) in PublicCategories!)
            Require(values is { Count: > 0 } && values.All(v => v is not null), nameof(PublicCategories), column,
                "a non-empty list of non-null values for every column");
        foreach (var (column, (min, max)) in PublicBounds!)
            Require(double.IsFinite(min) && double.IsFinite(max) && min < max, nameof(PublicBounds), $"{column}: [{min}, {max}]",
                "finite bounds with Min < Max for every column");
    }

    /// <summary>The <c>mlgan fit</c> flag of each option that has one, so that a refusal names both.</summary>
    private static readonly Dictionary<string, string> CliFlags = new(StringComparer.Ordinal)
    {
        [nameof(TargetEpsilon)] = "--dp-epsilon",
        [nameof(Delta)] = "--dp-delta",
        [nameof(TransformerBudgetShare)] = "--dp-transformer-share",
        [nameof(PublicBounds)] = "--dp-public-bounds",
        [nameof(PublicCategories)] = "--dp-public-categories",
    };

    private static void Require(bool condition, string option, object? value, string expected)
    {
        if (!condition)
        {
            string flag = CliFlags.TryGetValue(option, out var name) ? $" (mlgan fit {name})" : "";
            throw new ArgumentOutOfRangeException(option, value, $"Privacy.{option}{flag} is {value ?? "null"}; expected {expected}.");
        }
    }
}
