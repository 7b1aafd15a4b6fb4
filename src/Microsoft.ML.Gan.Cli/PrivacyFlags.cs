using System.Globalization;
using Microsoft.ML.Gan.Tabular.Privacy;

namespace Microsoft.ML.Gan.Cli;

/// <summary>The `mlgan fit` flags that tune differential privacy beyond ε and δ, and how they set <see cref="TabularPrivacyOptions"/>.</summary>
internal sealed class PrivacyFlags
{
    private readonly Option<double?> _transformerShare = new("--dp-transformer-share")
    {
        Description = "Share of ε spent on the data transformer's statistics (default 0.1); more keeps rarer categories.",
    };

    private readonly Option<string[]> _publicBounds = CommonOptions.ColumnList("--dp-public-bounds",
        "Public ranges of numeric columns, as column=min:max (repeat or comma-separate); spends no budget on the range.");

    private readonly Option<string[]> _publicCategories = new("--dp-public-categories")
    {
        Description = "The complete public list of a text column's values, as column=value1|value2|… (repeat per column); no category is then dropped for being rare.",
        AllowMultipleArgumentsPerToken = true,
    };

    /// <summary>The flags, to add to the command.</summary>
    public IEnumerable<Option> All => [_transformerShare, _publicBounds, _publicCategories];

    /// <summary>Whether any of these flags was given (they need --dp-epsilon).</summary>
    public bool AnyGiven(ParseResult result) =>
        result.GetValue(_transformerShare) is not null || result.GetValue(_publicBounds) is { Length: > 0 } || result.GetValue(_publicCategories) is { Length: > 0 };

    /// <summary>Sets the given flags on <paramref name="privacy"/>.</summary>
    /// <exception cref="ArgumentException">A value is not of the documented form (the message names the flag).</exception>
    public void Apply(ParseResult result, TabularPrivacyOptions privacy)
    {
        if (result.GetValue(_transformerShare) is double share)
            privacy.TransformerBudgetShare = share;
        if (result.GetValue(_publicBounds) is { Length: > 0 } bounds)
            privacy.PublicBounds = bounds.Select(ParseBounds).ToDictionary(b => b.Column, b => (b.Min, b.Max), StringComparer.Ordinal);
        if (result.GetValue(_publicCategories) is { Length: > 0 } lists)
            privacy.PublicCategories = lists.Select(ParseCategories).ToDictionary(c => c.Column, c => c.Values, StringComparer.Ordinal);
    }

    private static (string Column, double Min, double Max) ParseBounds(string text)
    {
        var (column, range) = Split(text, "--dp-public-bounds", "column=min:max");
        int colon = range.IndexOf(':', 1); // a leading '-' belongs to the minimum
        if (colon < 0
            || !double.TryParse(range[..colon], NumberStyles.Float, CultureInfo.InvariantCulture, out double min)
            || !double.TryParse(range[(colon + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out double max))
            throw new ArgumentException($"--dp-public-bounds '{text}' is not of the form column=min:max with two numbers.");
        return (column, min, max);
    }

    private static (string Column, IReadOnlyList<string> Values) ParseCategories(string text)
    {
        var (column, values) = Split(text, "--dp-public-categories", "column=value1|value2|…");
        return (column, values.Split('|'));
    }

    private static (string Column, string Value) Split(string text, string flag, string form)
    {
        int equals = text.IndexOf('=');
        if (equals <= 0 || equals == text.Length - 1)
            throw new ArgumentException($"{flag} '{text}' is not of the form {form}.");
        return (text[..equals].Trim(), text[(equals + 1)..]);
    }
}
