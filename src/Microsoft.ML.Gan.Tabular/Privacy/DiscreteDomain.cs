namespace Microsoft.ML.Gan.Tabular.Privacy;

/// <summary>
/// The domain of a discrete column's DP histogram: its observed categories (thresholded later), or the public list of a
/// text column from <see cref="TabularPrivacyOptions.PublicCategories"/>, with the column recoded over that list and
/// the rows whose value is outside it marked.
/// </summary>
internal sealed class DiscreteDomain
{
    private readonly bool[]? _outside;

    private DiscreteDomain(DiscreteColumn column, bool[]? outside)
    {
        Column = column;
        _outside = outside;
    }

    /// <summary>The column over the domain (recoded for a public list).</summary>
    public DiscreteColumn Column { get; }

    /// <summary>Whether the domain is a public list (no threshold needed).</summary>
    public bool IsPublic => _outside is not null;

    /// <summary>Whether row <paramref name="row"/> holds a value outside the public list.</summary>
    public bool IsOutside(int row) => _outside is not null && _outside[row];

    /// <exception cref="ArgumentException">A public list is given for a column that is not text.</exception>
    public static DiscreteDomain Of(DiscreteColumn column, TabularPrivacyOptions privacy)
    {
        if (!privacy.PublicCategories.TryGetValue(column.Name, out var values))
            return new DiscreteDomain(column, null);
        if (column.Type is not TextDataViewType)
            throw new ArgumentException(
                $"Privacy.PublicCategories lists values for column '{column.Name}' of type {column.Type}; public category lists are supported for text columns.",
                nameof(privacy));
        var list = values.Distinct(StringComparer.Ordinal).ToArray();
        var index = list.Select((v, i) => (v, i)).ToDictionary(p => p.v, p => p.i, StringComparer.Ordinal);
        var codeOf = column.Categories.Select(c => index.TryGetValue((string)c, out int i) ? i : -1).ToArray();
        var codes = new int[column.Length];
        var outside = new bool[column.Length];
        for (int r = 0; r < codes.Length; r++)
        {
            int code = codeOf[column.Codes[r]];
            outside[r] = code < 0;
            codes[r] = Math.Max(code, 0);
        }
        return new DiscreteDomain(new DiscreteColumn(column.Name, column.Type, codes, list), outside);
    }

    /// <summary>The exact count of each domain value (rows outside a public list count nowhere).</summary>
    public double[] Counts()
    {
        var counts = new double[Column.Categories.Count];
        for (int r = 0; r < Column.Length; r++)
        {
            if (!IsOutside(r)) counts[Column.Codes[r]]++;
        }
        return counts;
    }
}
