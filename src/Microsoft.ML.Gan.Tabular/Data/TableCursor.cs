namespace Microsoft.ML.Gan.Tabular.Data;

/// <summary>
/// What the cursors of the in-memory and the streamed table views share: the schema, the requested columns, the
/// position and the row id.
/// </summary>
internal abstract class TableCursor : DataViewRowCursor
{
    private readonly bool[] _active;

    protected TableCursor(DataViewSchema schema, IEnumerable<DataViewSchema.Column> columnsNeeded)
    {
        Schema = schema;
        _active = new bool[schema.Count];
        foreach (var column in columnsNeeded)
            _active[column.Index] = true;
    }

    public override DataViewSchema Schema { get; }

    public override long Position => RowPosition;

    public override long Batch => 0;

    /// <summary>The current row, -1 before the first <see cref="DataViewRowCursor.MoveNext"/>.</summary>
    protected long RowPosition { get; set; } = -1;

    public override bool IsColumnActive(DataViewSchema.Column column) => _active[column.Index];

    public override ValueGetter<DataViewRowId> GetIdGetter() =>
        (ref DataViewRowId id) => id = new DataViewRowId((ulong)RowPosition, 0);

    /// <exception cref="InvalidOperationException">The column was not requested when the cursor was created.</exception>
    protected void CheckActive(DataViewSchema.Column column)
    {
        if (!_active[column.Index])
            throw new InvalidOperationException($"Column '{column.Name}' was not requested when the cursor was created.");
    }
}
