namespace Microsoft.ML.Gan.Tabular.Privacy;

/// <summary>What a user can change when a DP release cannot keep a column: each option with its <c>mlgan fit</c> flag.</summary>
internal static class PrivacyRemedies
{
    private const string Budget =
        "raise Privacy.TargetEpsilon (mlgan fit --dp-epsilon) or Privacy.TransformerBudgetShare (--dp-transformer-share)";

    private const string Ignore = "leave the column out with IgnoreColumns (--ignore)";

    /// <summary>For a discrete column whose categories do not clear the threshold.</summary>
    public const string Discrete = Budget + ", declare its values in Privacy.PublicCategories (--dp-public-categories), or " + Ignore;

    /// <summary>For a continuous column whose noisy histogram is empty.</summary>
    public const string Continuous = Budget + ", or " + Ignore;

    /// <summary>For a continuous column whose range cannot be released.</summary>
    public const string Range = "declare it in Privacy.PublicBounds (--dp-public-bounds), " + Budget + ", or " + Ignore;

    /// <summary>For rows left out because their categories (or missing values) were not released.</summary>
    public const string LeftOutRows =
        Budget + ", declare the columns' values in Privacy.PublicCategories (--dp-public-categories), keep Privacy.RareCategoryLabel set " +
        "(rare text values then train as one shared value), or " + Ignore;
}
