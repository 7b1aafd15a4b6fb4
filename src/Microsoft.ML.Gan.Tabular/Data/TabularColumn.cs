namespace Microsoft.ML.Gan.Tabular.Data;

/// <summary>
/// One column of a <see cref="TabularTable"/>: its name, its original ML.NET type and its values, either as numbers
/// (<see cref="ContinuousColumn"/>) or as codes into a category list (<see cref="DiscreteColumn"/>).
/// </summary>
internal abstract class TabularColumn
{
    private protected TabularColumn(string name, DataViewType type, int length)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(type);
        if (!ColumnTypes.IsSupported(type))
            throw new ArgumentException($"Column '{name}' has type {type}, which is not supported. Supported: {ColumnTypes.SupportedTypes}.", nameof(type));
        Name = name;
        Type = type;
        Length = length;
    }

    /// <summary>The column's name, as in the source schema.</summary>
    public string Name { get; }

    /// <summary>The column's original ML.NET type; <see cref="TabularTable.ToDataView"/> gives the column this type back.</summary>
    public DataViewType Type { get; }

    /// <summary>The number of rows.</summary>
    public int Length { get; }
}
