using System.Reflection;

namespace Microsoft.ML.Gan.Augmentation;

/// <summary>
/// The rows of several data views one after the other, each optionally restricted to selected rows. The schema is the
/// first view's visible columns (annotations included); every other view must have each of them, by name, with the
/// same type (extra columns are not read).
/// </summary>
internal sealed class AppendedRowsDataView : IDataView
{
    private static readonly MethodInfo GetterMethod =
        typeof(AppendedRowsDataView).GetMethod(nameof(PartGetter), BindingFlags.NonPublic | BindingFlags.Static)!;

    private readonly Part[] _parts;
    private readonly Func<DataViewRowCursor, DataViewSchema.Column, Delegate>[] _getterFactories;

    /// <summary>One appended view; <paramref name="Keep"/> (one flag per row) selects rows, null keeps all.</summary>
    public sealed record Part(IDataView Data, bool[]? Keep = null);

    public AppendedRowsDataView(IReadOnlyList<Part> parts)
    {
        if (parts.Count == 0)
            throw new ArgumentException("At least one data view is needed.", nameof(parts));
        _parts = [.. parts];
        var builder = new DataViewSchema.Builder();
        foreach (var column in parts[0].Data.Schema.Where(c => !c.IsHidden))
        {
            builder.AddColumn(column.Name, column.Type, column.Annotations);
            for (int p = 1; p < parts.Count; p++)
            {
                var other = parts[p].Data.Schema.GetColumnOrNull(column.Name);
                if (other is null || !other.Value.Type.Equals(column.Type))
                    throw new ArgumentException(
                        $"Column '{column.Name}' ({column.Type}) is {(other is null ? "missing" : $"of type {other.Value.Type}")} in appended view {p}; appended views need the same columns and types.",
                        nameof(parts));
            }
        }
        Schema = builder.ToSchema();
        _getterFactories = [.. Schema.Select(c => GetterMethod.MakeGenericMethod(c.Type.RawType)
            .CreateDelegate<Func<DataViewRowCursor, DataViewSchema.Column, Delegate>>())];
    }

    public bool CanShuffle => false;

    public DataViewSchema Schema { get; }

    public long? GetRowCount()
    {
        long total = 0;
        foreach (var part in _parts)
        {
            long? count = part.Keep is { } keep ? keep.LongCount(k => k) : part.Data.GetRowCount();
            if (count is null)
                return null;
            total += count.Value;
        }
        return total;
    }

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) =>
        new Cursor(this, columnsNeeded);

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [new Cursor(this, columnsNeeded)];

    private static Delegate PartGetter<T>(DataViewRowCursor cursor, DataViewSchema.Column column) => cursor.GetGetter<T>(column);

    private sealed class Cursor : DataViewRowCursor
    {
        private readonly AppendedRowsDataView _parent;
        private readonly bool[] _active;
        private readonly Delegate?[] _partGetters;
        private int _part = -1;
        private DataViewRowCursor? _current;
        private long _rowInPart;
        private long _position = -1;

        public Cursor(AppendedRowsDataView parent, IEnumerable<DataViewSchema.Column> columnsNeeded)
        {
            _parent = parent;
            _active = new bool[parent.Schema.Count];
            foreach (var column in columnsNeeded)
                _active[column.Index] = true;
            _partGetters = new Delegate?[_active.Length];
        }

        public override DataViewSchema Schema => _parent.Schema;

        public override long Position => _position;

        public override long Batch => 0;

        public override bool IsColumnActive(DataViewSchema.Column column) => _active[column.Index];

        public override bool MoveNext()
        {
            while (true)
            {
                if (_current is not null && _current.MoveNext())
                {
                    _rowInPart++;
                    if (_parent._parts[_part].Keep is { } keep && !keep[_rowInPart])
                        continue;
                    _position++;
                    return true;
                }
                if (!OpenNextPart())
                    return false;
            }
        }

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            if (!_active[column.Index])
                throw new InvalidOperationException($"Column '{column.Name}' was not requested when the cursor was made.");
            int index = column.Index;
            return (ref TValue value) => ((ValueGetter<TValue>)_partGetters[index]!)(ref value);
        }

        public override ValueGetter<DataViewRowId> GetIdGetter() =>
            (ref DataViewRowId id) => id = new DataViewRowId((ulong)_position, 0);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                _current?.Dispose();
            _current = null;
            base.Dispose(disposing);
        }

        private bool OpenNextPart()
        {
            _current?.Dispose();
            _current = null;
            if (++_part >= _parent._parts.Length)
                return false;
            var data = _parent._parts[_part].Data;
            var columns = new DataViewSchema.Column[_active.Length];
            for (int c = 0; c < columns.Length; c++)
                columns[c] = data.Schema[_parent.Schema[c].Name];
            _current = data.GetRowCursor(columns.Where((_, c) => _active[c]));
            for (int c = 0; c < columns.Length; c++)
                _partGetters[c] = _active[c] ? _parent._getterFactories[c](_current, columns[c]) : null;
            _rowInPart = -1;
            return true;
        }
    }
}
