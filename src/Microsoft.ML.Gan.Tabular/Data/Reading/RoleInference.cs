using System.Text.RegularExpressions;

namespace Microsoft.ML.Gan.Tabular.Data;

/// <summary>
/// The role a column gets when nobody names one: constant when blank or single-valued; identifier for text with a
/// distinct value in at least 95 % of at least 50 rows, or e-mail / phone / UUID text, and for whole numbers as
/// distinct that are key-like (an id-like name, or values packed in a range at most twice their count); date/time
/// for dates; continuous for other numbers; discrete for other text.
/// </summary>
internal static partial class RoleInference
{
    public const int IdentifierMinimumRows = 50;
    public const double IdentifierDistinctShare = 0.95;

    public static (ColumnRole Role, string? Reason) Infer(ColumnProfile profile)
    {
        if (profile.Present == 0)
            return (ColumnRole.Constant, "every cell is blank: left out (nothing to learn)");
        if (profile.Distinct == 1 && profile.Missing == 0)
            return (ColumnRole.Constant, $"every row holds the same value ('{profile.CellText(0)}'): left out (nothing to learn)");
        bool nearlyAllDistinct = profile.Present >= IdentifierMinimumRows && profile.Distinct >= IdentifierDistinctShare * profile.Present;
        switch (profile.Kind)
        {
            case ColumnValueKind.Text when profile.IdentifierPattern is { } pattern:
                return (ColumnRole.Identifier, $"its values look like {pattern}: an identifier, left out (never learned or replayed)");
            case ColumnValueKind.Text when nearlyAllDistinct:
                return (ColumnRole.Identifier, $"{profile.Distinct} distinct values in {profile.Present} rows: an identifier, left out (never learned or replayed)");
            case ColumnValueKind.Text:
                return (ColumnRole.Discrete, null);
            case ColumnValueKind.DateTime:
                return (ColumnRole.DateTime, null);
            default:
                bool keyLike = IdLikeName().IsMatch(profile.Source.Name) || profile.Range + 1 <= 2.0 * profile.Distinct;
                return profile.WholeNumbers && nearlyAllDistinct && keyLike
                    ? (ColumnRole.Identifier, $"{profile.Distinct} distinct whole numbers in {profile.Present} rows: a key, left out (never learned or replayed)")
                    : (ColumnRole.Continuous, null);
        }
    }

    /// <summary>id, ID, user_id, userId, key, uuid, guid, ...</summary>
    [GeneratedRegex(@"(?i:(^|[_\s.\-])(id|key|uuid|guid)$)|[a-z](Id|ID|Key)$")]
    private static partial Regex IdLikeName();
}
