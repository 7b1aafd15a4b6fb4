namespace Microsoft.ML.Gan.Persistence;

/// <summary>
/// The condition column of a live transformer bound to an input schema: checks the column against the generator
/// (kind, type, size, categories) and reads each row's condition as the floats <see cref="IConditionalRowGenerator"/>
/// expects (the vector itself, or the 0-based category index).
/// </summary>
internal sealed class ConditionBinding
{
    private readonly GanConditionColumn _condition;
    private readonly Dictionary<string, int>? _categoryIndex;

    private ConditionBinding(GanConditionColumn condition, IConditionalRowGenerator generator, DataViewSchema.Column column)
    {
        _condition = condition;
        Generator = generator;
        Column = column;
        if (generator.ConditionCategories is { } categories)
        {
            _categoryIndex = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int i = 0; i < categories.Count; i++)
                _categoryIndex.TryAdd(categories[i], i);
        }
    }

    /// <summary>The generator, seen as conditional.</summary>
    public IConditionalRowGenerator Generator { get; }

    /// <summary>The condition column in the input schema.</summary>
    public DataViewSchema.Column Column { get; }

    /// <summary>Checks the condition column of <paramref name="schema"/> against the generator.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The model is not conditional, or the column is missing or of the wrong type or size.</exception>
    public static ConditionBinding Create(DataViewSchema schema, GanConditionColumn condition, IRowGenerator generator)
    {
        var conditional = AsConditional(generator, condition);
        var column = schema.GetColumnOrNull(condition.Name) ?? throw new ArgumentOutOfRangeException(nameof(schema),
            $"The condition column '{condition.Name}' was not found in the input schema.");
        string? problem = TypeProblem(column.Type, condition.Kind, conditional);
        if (problem is not null)
            throw new ArgumentOutOfRangeException(nameof(schema), $"The condition column '{condition.Name}' has type {column.Type}; {problem}");
        return new ConditionBinding(condition, conditional, column);
    }

    /// <summary>The generator as an <see cref="IConditionalRowGenerator"/> whose condition fits <paramref name="condition"/>'s kind.</summary>
    /// <exception cref="ArgumentOutOfRangeException">It is not conditional, or its condition is of the other kind.</exception>
    public static IConditionalRowGenerator AsConditional(IRowGenerator generator, GanConditionColumn condition)
    {
        if (generator is not IConditionalRowGenerator { ConditionLength: > 0 } conditional)
        {
            throw new ArgumentOutOfRangeException(nameof(generator),
                $"A condition column ({condition}) was given, but this model's generator ({generator.GetType().Name}) cannot be conditioned.");
        }
        bool categorical = conditional.ConditionCategories is not null;
        if (categorical != condition.IsCategorical)
        {
            throw new ArgumentOutOfRangeException(nameof(condition), categorical
                ? $"This model is conditioned on one of {conditional.ConditionCategories!.Count} categories: the condition column {condition} must be of kind Text, Key or Index, not Vector."
                : $"This model is conditioned on a vector of {conditional.ConditionLength} floats: the condition column {condition} must be of kind Vector.");
        }
        return conditional;
    }

    private static string? TypeProblem(DataViewType type, GanConditionKind kind, IConditionalRowGenerator generator)
    {
        switch (kind)
        {
            case GanConditionKind.Text:
                return type is TextDataViewType ? null : "expected text holding a category name.";
            case GanConditionKind.Key:
                int count = generator.ConditionCategories!.Count;
                return type is KeyDataViewType key && key.Count == (ulong)count
                    ? null
                    : $"expected a key type with {count} values (one per category the model was trained with).";
            case GanConditionKind.Index:
                return NumericScalar.IsSupported(type)
                    ? null
                    : $"expected a number (an integer type, Single or Double) holding a category index in [0, {generator.ConditionCategories!.Count}).";
            default:
                int length = generator.ConditionLength;
                bool fits = type is VectorDataViewType { ItemType: NumberDataViewType item } vector && item == NumberDataViewType.Single
                        && (vector.Size == length || vector.Size == 0)
                    || type == NumberDataViewType.Single && length == 1;
                return fits ? null : $"expected a vector of {length} Single values (Vector<Single, {length}>).";
        }
    }

    /// <summary>A reader of the condition of <paramref name="row"/>'s current position.</summary>
    public Func<ReadOnlyMemory<float>> CreateReader(DataViewRow row)
    {
        var buffer = new float[Generator.ConditionLength];
        switch (_condition.Kind)
        {
            case GanConditionKind.Text:
            {
                var getter = row.GetGetter<ReadOnlyMemory<char>>(Column);
                ReadOnlyMemory<char> text = default;
                return () =>
                {
                    getter(ref text);
                    string value = text.ToString();
                    if (!_categoryIndex!.TryGetValue(value, out int index))
                        throw UnknownCategory($"'{value}'");
                    buffer[0] = index;
                    return buffer;
                };
            }
            case GanConditionKind.Key:
            {
                var getter = row.GetGetter<uint>(Column);
                uint key = 0;
                return () =>
                {
                    getter(ref key);
                    if (key == 0)
                        throw UnknownCategory("a missing key");
                    buffer[0] = key - 1;
                    return buffer;
                };
            }
            case GanConditionKind.Index:
            {
                var getter = NumericScalar.CreateGetter(row, Column);
                double value = 0;
                int count = Generator.ConditionCategories!.Count;
                return () =>
                {
                    getter(ref value);
                    if (!(value >= 0 && value < count && value == Math.Floor(value)))
                        throw UnknownCategory($"the index {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}, not a whole number in [0, {count}),");
                    buffer[0] = (float)value;
                    return buffer;
                };
            }
            default:
                return CreateVectorReader(row, buffer);
        }
    }

    private Func<ReadOnlyMemory<float>> CreateVectorReader(DataViewRow row, float[] buffer)
    {
        if (Column.Type == NumberDataViewType.Single)
        {
            var scalar = row.GetGetter<float>(Column);
            return () =>
            {
                scalar(ref buffer[0]);
                return buffer;
            };
        }
        var getter = row.GetGetter<VBuffer<float>>(Column);
        VBuffer<float> vector = default;
        return () =>
        {
            getter(ref vector);
            if (vector.Length != buffer.Length)
                throw ConditionValues.WrongLength(_condition.Name, vector.Length, buffer.Length);
            vector.CopyTo(buffer);
            return buffer;
        };
    }

    private InvalidOperationException UnknownCategory(string value) =>
        ConditionValues.UnknownCategory(_condition.Name, value, Generator.ConditionCategories!);
}
