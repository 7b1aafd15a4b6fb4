namespace Microsoft.ML.Gan.Persistence;

/// <summary>
/// An input row with the generated columns added (<see cref="GeneratedColumnGetters"/>): the cursor of
/// <see cref="GeneratedDataView"/> over an input cursor, and the row of <see cref="GeneratedRowMapper"/> over a
/// prediction engine's input row, which is never moved through this row (the engine moves its input).
/// </summary>
internal sealed class GeneratedRowCursor : DataViewRowCursor
{
    private readonly DataViewRow _input;
    private readonly GeneratedColumnGetters _getters;
    private readonly DataViewSchema _schema;

    public GeneratedRowCursor(GeneratedBinding binding, DataViewRow input, bool[] active)
    {
        _input = input;
        _schema = binding.OutputSchema;
        _getters = new GeneratedColumnGetters(binding, input, active);
    }

    public override DataViewSchema Schema => _schema;

    public override long Position => _input.Position;

    public override long Batch => _input.Batch;

    /// <summary>Moves the input cursor.</summary>
    /// <exception cref="InvalidOperationException">The input is a mapper's row, which its owner moves.</exception>
    public override bool MoveNext() => _input is DataViewRowCursor cursor
        ? cursor.MoveNext()
        : throw new InvalidOperationException("A mapped row does not move by itself: its input row does.");

    public override ValueGetter<DataViewRowId> GetIdGetter() => _input.GetIdGetter();

    public override bool IsColumnActive(DataViewSchema.Column column) => _getters.IsColumnActive(column);

    public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column) => _getters.GetGetter<TValue>(column);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _input.Dispose();
        base.Dispose(disposing);
    }
}
