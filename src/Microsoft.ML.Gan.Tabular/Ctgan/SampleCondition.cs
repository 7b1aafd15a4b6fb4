namespace Microsoft.ML.Gan.Tabular.Ctgan;

/// <summary>
/// A condition for CTGAN sampling: every generated row has <see cref="Value"/> in the discrete column
/// <see cref="ColumnName"/>, and the other columns are generated conditioned on it. A tuple converts to it:
/// <c>model.Sample(1000, condition: ("workclass", "Private"))</c>.
/// </summary>
/// <param name="ColumnName">A discrete column of the training data.</param>
/// <param name="Value">
/// One of its training values: a <see cref="string"/> for a text column, a <see cref="bool"/> for a Boolean column, the
/// raw key value for a key column, any number for a numeric column read as discrete.
/// </param>
public sealed record SampleCondition(string ColumnName, object Value)
{
    /// <summary>The condition <c>column = value</c>.</summary>
    public static implicit operator SampleCondition((string ColumnName, object Value) condition) =>
        new(condition.ColumnName, condition.Value);
}
