namespace Microsoft.ML.Gan.Persistence;

/// <summary>
/// The live transformer's output: a lazy, row-to-row view that adds the generated column to its input. Rows are
/// generated only when the column is read, one block of <see cref="GanRowStream.BlockSize"/> rows at a time.
/// </summary>
internal sealed class GeneratedDataView : IDataView
{
    private readonly IDataView _input;
    private readonly GeneratedBinding _binding;

    public GeneratedDataView(IDataView input, GeneratedBinding binding)
    {
        _input = input;
        _binding = binding;
    }

    public bool CanShuffle => _input.CanShuffle;

    public DataViewSchema Schema => _binding.OutputSchema;

    public long? GetRowCount() => _input.GetRowCount();

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        var needed = columnsNeeded.ToArray();
        var inputCursor = _input.GetRowCursor(_binding.GetDependencies(needed), rand);
        return new GeneratedRowCursor(_binding, inputCursor, _binding.ActiveFlags(needed));
    }

    /// <summary>
    /// One cursor only: stream rows are numbered by cursor position, which split cursors would not share.
    /// </summary>
    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];
}
