namespace Microsoft.ML.Gan.Persistence;

/// <summary>
/// The live transformer as an <see cref="IRowToRowMapper"/>, which is what <c>CreatePredictionEngine</c> asks for.
/// A prediction engine's input row advances its position once per <c>Predict</c>, so without a seed column the
/// n-th prediction returns row n of the stream, just like the n-th row of a cursor.
/// </summary>
internal sealed class GeneratedRowMapper : IRowToRowMapper
{
    private readonly GeneratedBinding _binding;

    public GeneratedRowMapper(GeneratedBinding binding) => _binding = binding;

    public DataViewSchema InputSchema => _binding.InputSchema;

    public DataViewSchema OutputSchema => _binding.OutputSchema;

    public IEnumerable<DataViewSchema.Column> GetDependencies(IEnumerable<DataViewSchema.Column> dependingColumns) =>
        _binding.GetDependencies(dependingColumns);

    public DataViewRow GetRow(DataViewRow input, IEnumerable<DataViewSchema.Column> activeColumns)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Schema != InputSchema)
            throw new ArgumentException("The row's schema is not the schema this mapper was created for.", nameof(input));
        return new Row(_binding, input, _binding.ActiveFlags(activeColumns));
    }

    private sealed class Row : DataViewRow
    {
        private readonly DataViewRow _input;
        private readonly GeneratedColumnGetters _getters;
        private readonly DataViewSchema _schema;

        public Row(GeneratedBinding binding, DataViewRow input, bool[] active)
        {
            _input = input;
            _schema = binding.OutputSchema;
            _getters = new GeneratedColumnGetters(binding, input, active);
        }

        public override DataViewSchema Schema => _schema;

        public override long Position => _input.Position;

        public override long Batch => _input.Batch;

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
}
