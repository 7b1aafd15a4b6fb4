namespace Microsoft.ML.Gan.Persistence;

/// <summary>Condition decoding shared by the live transformer and loaded models, with their error messages.</summary>
internal static class ConditionValues
{
    /// <summary>
    /// The 0-based category of a one-hot row (what a loaded model's chain makes of a text or key condition);
    /// an all-zero row means the value was not a training category.
    /// </summary>
    /// <exception cref="InvalidOperationException">No slot is set.</exception>
    public static int CategoryOfOneHot(ReadOnlySpan<float> oneHot, string columnName, IReadOnlyList<string> categories)
    {
        int index = oneHot.IndexOfAnyExcept(0f);
        if (index < 0)
            throw UnknownCategory(columnName, "a value", categories);
        return index;
    }

    /// <summary>The category index a loaded model's chain passed for an index condition (one float), checked.</summary>
    /// <exception cref="InvalidOperationException">It is not a whole number in [0, categories).</exception>
    public static int CheckIndex(ReadOnlySpan<float> values, string columnName, IReadOnlyList<string> categories)
    {
        float value = values.Length == 1 ? values[0] : float.NaN;
        if (!(value >= 0 && value < categories.Count && value == MathF.Floor(value)))
            throw UnknownCategory(columnName, $"the index {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}, not a whole number in [0, {categories.Count}),", categories);
        return (int)value;
    }

    public static InvalidOperationException UnknownCategory(string columnName, string value, IReadOnlyList<string> categories)
    {
        string examples = string.Join(", ", categories.Take(8).Select(c => $"'{c}'"));
        string more = categories.Count > 8 ? $", … ({categories.Count} in all)" : "";
        return new InvalidOperationException(
            $"The condition column '{columnName}' holds {value} that is not one of the categories the model was trained with ({examples}{more}).");
    }

    public static InvalidOperationException WrongLength(string columnName, int actual, int expected) =>
        new($"The condition column '{columnName}' holds a vector of {actual} values; the model expects {expected}.");
}
