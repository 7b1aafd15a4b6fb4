namespace Microsoft.ML.Gan.Tabular.Ctgan;

/// <summary>
/// A fitted tabular generator (CTGAN or TabDDPM) driven by one discrete column: each row is generated with the
/// category that its input row names (as in <see cref="CtganModel.Sample"/> with a condition). Unconditioned
/// generation passes through to the wrapped generator.
/// </summary>
internal sealed class CtganConditionedGenerator : IConditionalRowGenerator
{
    private readonly ForcedCategory[] _forced;

    /// <summary>Wraps <paramref name="inner"/> (and owns it).</summary>
    /// <exception cref="ArgumentException">The column is unknown, continuous or constant.</exception>
    public CtganConditionedGenerator(TabularGenerator inner, string columnName)
    {
        Inner = inner;
        ColumnName = columnName;
        var (_, values) = inner.Transformer.ConditionValues(columnName);
        ConditionCategories = values.Select(v => v.Name).ToArray();
        _forced = values.Select(v => inner.Force(columnName, v.CategoryIndex)).ToArray();
    }

    /// <summary>The wrapped generator.</summary>
    public TabularGenerator Inner { get; }

    /// <summary>The discrete training column whose value conditions each row.</summary>
    public string ColumnName { get; }

    public int OutputLength => Inner.OutputLength;

    public int ConditionLength => 1;

    public IReadOnlyList<string>? ConditionCategories { get; }

    public void GenerateConditioned(long rowSeed, ReadOnlySpan<float> condition, Span<float> destination) =>
        Inner.GenerateFromSeed(rowSeed, _forced[(int)condition[0]], destination);

    public void GenerateBlock(long seed, long blockIndex, Span<float> destination) => Inner.GenerateBlock(seed, blockIndex, destination);

    public void GenerateFromSeed(long rowSeed, Span<float> destination) => Inner.GenerateFromSeed(rowSeed, destination);

    public void Dispose() => Inner.Dispose();
}
