namespace Microsoft.ML.Gan.Persistence;

/// <summary>
/// How a fitted generator is applied to data: which column receives the generated rows and where their randomness
/// comes from. Saved with the model, so a loaded model generates exactly the same rows.
/// </summary>
internal sealed class GanGenerationSettings
{
    /// <summary>The default name of the generated column.</summary>
    public const string DefaultOutputColumnName = "Generated";

    /// <summary>Creates settings.</summary>
    /// <param name="outputColumnName">The generated float-vector column's name; it hides an input column of the same name.</param>
    /// <param name="seed">
    /// The base seed of the row stream used when there is no seed column: the input row at cursor position
    /// <c>p</c> receives row <c>p</c> of this seed's stream.
    /// </param>
    /// <param name="seedColumnName">
    /// Optional input column of an integer type (SByte, Byte, Int16, UInt16, Int32, UInt32 or Int64) whose value seeds
    /// each row on its own; when set, <paramref name="seed"/> is not used for generation.
    /// </param>
    /// <param name="condition">
    /// Optional input column whose value conditions each row (the generator must be an
    /// <see cref="IConditionalRowGenerator"/>). Without a seed column, the row at cursor position <c>p</c> uses the
    /// seed <see cref="Torch.NoiseSeeds.ForPosition"/>(<paramref name="seed"/>, <c>p</c>).
    /// </param>
    /// <exception cref="ArgumentException">A column name is empty or blank.</exception>
    public GanGenerationSettings(string outputColumnName = DefaultOutputColumnName, long seed = 0, string? seedColumnName = null,
        GanConditionColumn? condition = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outputColumnName);
        if (seedColumnName is not null && string.IsNullOrWhiteSpace(seedColumnName))
            throw new ArgumentException("The seed column name must be null (no seed column) or a column name.", nameof(seedColumnName));
        OutputColumnName = outputColumnName;
        Seed = seed;
        SeedColumnName = seedColumnName;
        Condition = condition;
    }

    /// <summary>The generated float-vector column's name.</summary>
    public string OutputColumnName { get; }

    /// <summary>The base seed of the row stream (used when <see cref="SeedColumnName"/> is null).</summary>
    public long Seed { get; }

    /// <summary>The optional integer input column that seeds each row, or null.</summary>
    public string? SeedColumnName { get; }

    /// <summary>The optional input column that conditions each row, or null.</summary>
    public GanConditionColumn? Condition { get; }

    /// <summary>A copy with another base seed.</summary>
    public GanGenerationSettings WithSeed(long seed) => new(OutputColumnName, seed, SeedColumnName, Condition);

    /// <summary>A copy whose rows are conditioned by <paramref name="condition"/> (null: unconditioned).</summary>
    public GanGenerationSettings WithCondition(GanConditionColumn? condition) => new(OutputColumnName, Seed, SeedColumnName, condition);

    /// <inheritdoc/>
    public override string ToString()
    {
        string text = SeedColumnName is null
            ? $"output '{OutputColumnName}', stream seed {Seed}"
            : $"output '{OutputColumnName}', seeds from column '{SeedColumnName}'";
        return Condition is null ? text : $"{text}, conditioned on {Condition}";
    }
}
