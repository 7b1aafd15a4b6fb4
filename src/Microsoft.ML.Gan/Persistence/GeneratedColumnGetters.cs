namespace Microsoft.ML.Gan.Persistence;

/// <summary>The getters of <see cref="GeneratedRowCursor"/>: input columns pass through, generated ones are computed.</summary>
internal sealed class GeneratedColumnGetters
{
    private readonly GeneratedBinding _binding;
    private readonly DataViewRow _input;
    private readonly bool[] _active;
    private readonly ValueGetter<VBuffer<float>>? _output;
    private readonly Delegate? _derived;

    public GeneratedColumnGetters(GeneratedBinding binding, DataViewRow input, bool[] active)
    {
        _binding = binding;
        _input = input;
        _active = active;
        bool derivedActive = binding.Derivation is not null && active[binding.OutputIndex + 1];
        if (active[binding.OutputIndex] || derivedActive)
            _output = binding.CreateOutputGetter(input);
        if (derivedActive)
            _derived = binding.Derivation!.CreateGetter(_output!);
    }

    public bool IsColumnActive(DataViewSchema.Column column)
    {
        CheckIndex(column);
        return _active[column.Index];
    }

    public ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
    {
        CheckIndex(column);
        if (!_active[column.Index])
            throw new InvalidOperationException($"Column '{column.Name}' is not active in this cursor: ask for it when creating the cursor.");
        if (column.Index < _binding.OutputIndex)
            return _input.GetGetter<TValue>(_input.Schema[column.Index]);
        bool generated = column.Index == _binding.OutputIndex;
        if ((generated ? _output : _derived) is ValueGetter<TValue> getter)
            return getter;
        throw new InvalidOperationException(
            $"Column '{column.Name}' holds {column.Type}: read it as {(generated ? "VBuffer<Single>" : column.Type.RawType.Name)}, not {typeof(TValue).Name}.");
    }

    private void CheckIndex(DataViewSchema.Column column)
    {
        if (column.Index < 0 || column.Index >= _active.Length)
            throw new ArgumentOutOfRangeException(nameof(column), $"Column '{column.Name}' (index {column.Index}) is not in this schema.");
    }
}
