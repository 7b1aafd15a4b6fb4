namespace Microsoft.ML.Gan.Persistence;

/// <summary>
/// A data view of a given number of rows and no columns: the input for generating rows without any input data
/// (e.g. <see cref="GanTransformerBase.Sample"/>).
/// </summary>
internal sealed class RowCountDataView : IDataView
{
    private static readonly DataViewSchema EmptySchema = new DataViewSchema.Builder().ToSchema();

    /// <summary>Creates a view of <paramref name="rowCount"/> rows.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The count is negative.</exception>
    public RowCountDataView(long rowCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        RowCount = rowCount;
    }

    /// <summary>The number of rows.</summary>
    public long RowCount { get; }

    /// <summary>False: the rows are indistinguishable, so there is nothing to shuffle.</summary>
    public bool CanShuffle => false;

    /// <summary>The empty schema.</summary>
    public DataViewSchema Schema => EmptySchema;

    /// <summary>Returns <see cref="RowCount"/>.</summary>
    public long? GetRowCount() => RowCount;

    /// <summary>A cursor over the rows (there are no columns to ask for).</summary>
    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) => new Cursor(RowCount);

    /// <summary>A single cursor over the rows.</summary>
    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [new Cursor(RowCount)];

    private sealed class Cursor(long rowCount) : DataViewRowCursor
    {
        private long _position = -1;
        private bool _done;

        public override DataViewSchema Schema => EmptySchema;

        public override long Position => _position;

        public override long Batch => 0;

        public override bool MoveNext()
        {
            if (_done || _position + 1 >= rowCount)
            {
                // Like ML.NET's own cursors: the position is -1 before the first row and after the last.
                _done = true;
                _position = -1;
                return false;
            }
            _position++;
            return true;
        }

        public override ValueGetter<DataViewRowId> GetIdGetter() =>
            (ref DataViewRowId value) => value = new DataViewRowId((ulong)_position, 0);

        public override bool IsColumnActive(DataViewSchema.Column column) =>
            throw new ArgumentOutOfRangeException(nameof(column), $"This view has no columns, so it has no column '{column.Name}'.");

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column) =>
            throw new ArgumentOutOfRangeException(nameof(column), $"This view has no columns, so it has no column '{column.Name}'.");
    }
}
