namespace Microsoft.ML.Gan.Tabular.Data;

/// <summary>A table read by <see cref="TabularFileReader"/>: the learned columns, and the roles of every column.</summary>
public sealed class TabularFile
{
    internal TabularFile(TabularTable table, TabularMetadata metadata)
    {
        Table = table;
        Metadata = metadata;
        Data = table.ToDataView();
    }

    /// <summary>
    /// The columns a synthesizer learns, in file order: continuous as Double (NaN = missing), date/time as DateTime
    /// (Double ticks when some cells are blank), discrete as Text (cells as written, "" = missing). Identifier,
    /// constant and ignored columns are left out. Pass it to a synthesizer as it is.
    /// </summary>
    public IDataView Data { get; }

    /// <summary><see cref="Data"/> as a columnar table.</summary>
    internal TabularTable Table { get; }

    /// <summary>Every column of the file with its role, missing share, distinct count and warnings.</summary>
    public TabularMetadata Metadata { get; }
}
