namespace Microsoft.ML.Gan.Persistence;

/// <summary>How a condition column's values reach an <see cref="IConditionalRowGenerator"/>.</summary>
public enum GanConditionKind
{
    /// <summary>A float vector (or a single float) of the generator's <see cref="IConditionalRowGenerator.ConditionLength"/>.</summary>
    Vector = 0,

    /// <summary>Text holding one of the generator's <see cref="IConditionalRowGenerator.ConditionCategories"/>.</summary>
    Text = 1,

    /// <summary>A key whose values index the generator's categories (key 1 is category 0).</summary>
    Key = 2,

    /// <summary>A number (any integer type, Single or Double) holding the 0-based category index.</summary>
    Index = 3,
}

/// <summary>
/// The input column that conditions each generated row, and how its values are read. Saved with the model: a loaded
/// model expects the same column with the same kind of values.
/// </summary>
public sealed class GanConditionColumn
{
    /// <summary>Names the condition column.</summary>
    /// <param name="name">The input column's name.</param>
    /// <param name="kind">Whether it holds a float vector, category text, a category key or a category index.</param>
    /// <exception cref="ArgumentException">The name is empty or blank, or the kind is not defined.</exception>
    public GanConditionColumn(string name, GanConditionKind kind)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!Enum.IsDefined(kind))
            throw new ArgumentException($"The condition kind {(int)kind} is not defined; use Vector, Text, Key or Index.", nameof(kind));
        Name = name;
        Kind = kind;
    }

    /// <summary>The input column's name.</summary>
    public string Name { get; }

    /// <summary>How its values are read.</summary>
    public GanConditionKind Kind { get; }

    /// <summary>Whether the column names categories (text, key or index) rather than holding a vector.</summary>
    public bool IsCategorical => Kind != GanConditionKind.Vector;

    /// <inheritdoc/>
    public override string ToString() => $"'{Name}' ({Kind})";
}
