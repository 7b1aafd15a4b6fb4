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
        return new GeneratedRowCursor(_binding, input, _binding.ActiveFlags(activeColumns));
    }
}
