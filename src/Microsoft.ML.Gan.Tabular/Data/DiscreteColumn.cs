namespace Microsoft.ML.Gan.Tabular.Data;

/// <summary>
/// A column of categories: each row holds a code into <see cref="Categories"/>. Categories keep their original typed
/// values (<see cref="string"/> for text, <see cref="bool"/>, the raw unsigned type for keys, the numeric type for a
/// numeric column read as discrete). A missing value is a category of its own: the empty string for text, key 0
/// for keys, NaN for a Single or Double column.
/// </summary>
internal sealed class DiscreteColumn : TabularColumn
{
    private readonly int[] _codes;
    private readonly object[] _categories;

    /// <summary>Creates a column; the column keeps <paramref name="codes"/> without copying it.</summary>
    /// <param name="name">The column name.</param>
    /// <param name="type">Any supported ML.NET type: text, Boolean, key, numeric or DateTime.</param>
    /// <param name="codes">Per row, an index into <paramref name="categories"/>.</param>
    /// <param name="categories">Distinct values of the column's CLR type (<see cref="string"/> for text).</param>
    /// <param name="keyValues">For a key column, the names of its values (the KeyValues annotation), or null.</param>
    /// <exception cref="ArgumentException">A category has the wrong type or repeats, a code is out of range, or key values are given for a non-key column.</exception>
    public DiscreteColumn(string name, DataViewType type, int[] codes, IReadOnlyList<object> categories, IReadOnlyList<string>? keyValues = null)
        : base(name, type, (codes ?? throw new ArgumentNullException(nameof(codes))).Length)
    {
        ArgumentNullException.ThrowIfNull(categories);
        Type clrType = ColumnTypes.CategoryClrType(type);
        var seen = new HashSet<object>();
        foreach (object category in categories)
        {
            if (category is null || category.GetType() != clrType)
                throw new ArgumentException($"Column '{name}' of type {type} needs categories of type {clrType.Name}; got {category?.GetType().Name ?? "null"}.", nameof(categories));
            if (!seen.Add(ColumnTypes.Canonical(category)))
                throw new ArgumentException($"Column '{name}' lists category '{category}' twice.", nameof(categories));
        }
        int count = categories.Count;
        foreach (int code in codes)
        {
            if ((uint)code >= (uint)count)
                throw new ArgumentException($"Column '{name}' has code {code}, outside its {count} categories.", nameof(codes));
        }
        if (keyValues is not null && (type is not KeyDataViewType key || (ulong)keyValues.Count != key.Count))
            throw new ArgumentException($"Column '{name}': key values are allowed only on a key column, one per key value.", nameof(keyValues));
        _codes = codes;
        _categories = [.. categories];
        KeyValues = keyValues is null ? null : [.. keyValues];
    }

    /// <summary>Per row, the index of its value in <see cref="Categories"/>.</summary>
    public ReadOnlySpan<int> Codes => _codes;

    /// <summary>The distinct values, typed as the column's CLR type.</summary>
    public IReadOnlyList<object> Categories => _categories;

    /// <summary>For a key column read with a KeyValues annotation, the name of each key value; otherwise null.</summary>
    public IReadOnlyList<string>? KeyValues { get; }
}
