namespace Microsoft.ML.Gan.Tabular.Data;

/// <summary>
/// A lazy <see cref="IDataView"/> over a sequence of tables of one layout, produced batch by batch while a cursor
/// moves: only the current batch is in memory, whatever the row count. Every cursor starts the sequence again, so the
/// sequence must give the same rows each time (a seeded sample does). Consumers that know this type (the exporter)
/// take the batches directly through <see cref="Batches"/>. With a <see cref="Completion"/>, the view's rows are the
/// completed batches (generated identifiers numbered from the rows' places in the whole stream, dates as text); the
/// exporter filters the learned columns first (<see cref="RawBatches"/>) and completes the kept rows. The sequence
/// hands out each batch as a job that generates it when called (<see cref="BatchJobs"/>), so that the exporter can
/// generate several batches at once on its own threads and still take them in order.
/// </summary>
internal sealed class StreamedTableDataView : IDataView
{
    private readonly Func<IEnumerable<Func<TabularTable>>> _batches;
    private readonly long _rowCount;

    /// <param name="layout">A table (any row count) with the batches' columns, names and types.</param>
    /// <param name="rowCount">The rows of all batches together.</param>
    /// <param name="batches">Starts the sequence of batches, each a job that generates it (any thread may call a job; they are independent).</param>
    /// <param name="firstRow">The place of the first row in the whole stream (a shard's start).</param>
    /// <param name="completion">Completes every batch, or null.</param>
    public StreamedTableDataView(TabularTable layout, long rowCount, Func<IEnumerable<Func<TabularTable>>> batches, long firstRow = 0, SyntheticCompletion? completion = null)
    {
        RawLayout = layout;
        Layout = completion?.Complete(layout, 0) ?? layout;
        Schema = new TabularDataView(Layout).Schema;
        _rowCount = rowCount;
        _batches = batches;
        FirstRow = firstRow;
        Completion = completion;
    }

    /// <summary>A table with the view's columns (its rows are not part of the view).</summary>
    public TabularTable Layout { get; }

    /// <summary>A table with the batches' columns before completion.</summary>
    public TabularTable RawLayout { get; }

    /// <summary>The place of the first row in the whole stream.</summary>
    public long FirstRow { get; }

    /// <summary>What completes each batch, or null.</summary>
    public SyntheticCompletion? Completion { get; }

    /// <summary>The jobs that generate the batches before completion, in order.</summary>
    public IEnumerable<Func<TabularTable>> BatchJobs() => _batches();

    /// <summary>The batches before completion, each with the place of its first row in the whole stream.</summary>
    public IEnumerable<(TabularTable Rows, long FirstRow)> RawBatches() => WithFirstRows(_batches().Select(job => job()));

    /// <summary>The batches of <see cref="BatchJobs"/>, in order, each with the place of its first row in the whole stream.</summary>
    public IEnumerable<(TabularTable Rows, long FirstRow)> WithFirstRows(IEnumerable<TabularTable> batches)
    {
        long first = FirstRow;
        foreach (var batch in batches)
        {
            yield return (batch, first);
            first += batch.RowCount;
        }
    }

    public bool CanShuffle => false;

    public DataViewSchema Schema { get; }

    public long? GetRowCount() => _rowCount;

    /// <summary>The batches, in order, generated as the enumeration advances.</summary>
    public IEnumerable<TabularTable> Batches() =>
        RawBatches().Select(b => Completion?.Complete(b.Rows, b.FirstRow) ?? b.Rows);

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) =>
        new Cursor(this, columnsNeeded);

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [new Cursor(this, columnsNeeded)];

    private sealed class Cursor(StreamedTableDataView parent, IEnumerable<DataViewSchema.Column> columnsNeeded)
        : TableCursor(parent.Schema, columnsNeeded)
    {
        private readonly IEnumerator<TabularTable> _batches = parent.Batches().GetEnumerator();
        private DataViewRowCursor? _inner;
        private long _batchNumber = -1;

        public override bool MoveNext()
        {
            while (_inner is null || !_inner.MoveNext())
            {
                _inner?.Dispose();
                _inner = null;
                if (!_batches.MoveNext())
                    return false;
                var view = new TabularDataView(_batches.Current);
                _inner = view.GetRowCursor(view.Schema.Where(IsColumnActive));
                _batchNumber++;
            }
            RowPosition++;
            return true;
        }

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            CheckActive(column);
            ValueGetter<TValue>? current = null;
            long batch = -1;
            return (ref TValue value) =>
            {
                if (batch != _batchNumber)
                {
                    current = _inner!.GetGetter<TValue>(_inner.Schema[column.Index]);
                    batch = _batchNumber;
                }
                current!(ref value);
            };
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner?.Dispose();
                _batches.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
