namespace Microsoft.ML.Gan.Tabular.Data;

/// <summary>
/// One-hot encoding of a discrete column over the categories seen in training (a missing value is a category of its
/// own). Past <see cref="DataTransformerOptions.MaxCategories"/> categories, the most frequent keep a slot each and the
/// rest share one "other" slot, which decodes to one of its training values drawn by training frequency. A column
/// with a single category has no span: it decodes to that category.
/// </summary>
internal sealed class DiscreteEncoder : ColumnEncoder
{
    private readonly object[] _categories;
    private readonly IReadOnlyList<string>? _keyValues;
    private readonly long[] _counts;
    private readonly int _maxCategories;
    private readonly int[] _slotOf;          // category → slot
    private readonly int[] _categoryOfSlot;  // slot → category, or −1 for "other"
    private readonly int[] _grouped;         // the categories in "other"
    private readonly long[] _groupedCumulative;
    private readonly Dictionary<object, int> _categoryOf;
    private readonly (int Length, SpanKind Kind, SpanRole Role)[] _layout;

    private DiscreteEncoder(string name, DataViewType type, object[] categories, IReadOnlyList<string>? keyValues, long[] counts, int maxCategories)
        : base(name, type)
    {
        _categories = categories;
        _keyValues = keyValues;
        _counts = counts;
        _maxCategories = maxCategories;
        _categoryOf = new Dictionary<object, int>(categories.Length);
        for (int c = 0; c < categories.Length; c++)
            _categoryOf.Add(ColumnTypes.Canonical(categories[c]), c);

        bool group = categories.Length > maxCategories;
        var kept = new bool[categories.Length];
        var byFrequency = Enumerable.Range(0, categories.Length).OrderByDescending(c => counts[c]).ToArray();
        foreach (int c in byFrequency.Take(group ? maxCategories - 1 : categories.Length))
            kept[c] = true;
        _slotOf = new int[categories.Length];
        var categoryOfSlot = new List<int>();
        var grouped = new List<int>();
        for (int c = 0; c < categories.Length; c++)
        {
            if (kept[c])
            {
                _slotOf[c] = categoryOfSlot.Count;
                categoryOfSlot.Add(c);
            }
            else
            {
                grouped.Add(c);
            }
        }
        if (group)
        {
            foreach (int c in grouped)
                _slotOf[c] = categoryOfSlot.Count;
            categoryOfSlot.Add(-1);
        }
        _categoryOfSlot = [.. categoryOfSlot];
        _grouped = [.. grouped];
        _groupedCumulative = new long[_grouped.Length];
        long running = 0;
        for (int i = 0; i < _grouped.Length; i++)
            _groupedCumulative[i] = running += counts[_grouped[i]];
        _layout = categories.Length > 1 ? [(_categoryOfSlot.Length, SpanKind.Categorical, SpanRole.Category)] : [];
    }

    public override IReadOnlyList<(int Length, SpanKind Kind, SpanRole Role)> Layout => _layout;

    /// <summary>The training frequency of each slot (the "other" slot sums its categories).</summary>
    public double[] SlotFrequencies()
    {
        double total = _counts.Sum();
        var frequencies = new double[_categoryOfSlot.Length];
        for (int c = 0; c < _categories.Length; c++)
            frequencies[_slotOf[c]] += _counts[c] / total;
        return frequencies;
    }

    /// <summary>
    /// The categories that own a slot (every category, unless some share the "other" slot), each as invariant text
    /// with its slot, in slot order.
    /// </summary>
    public IReadOnlyList<(string Name, int Slot)> NamedSlots() =>
        _categoryOfSlot.Select((category, slot) => (category, slot)).Where(p => p.category >= 0)
            .Select(p => (ColumnTypes.InvariantText(_categories[p.category]), p.slot)).ToArray();

    /// <summary>The slot of a value.</summary>
    /// <exception cref="ArgumentException">The value was not in training, or it shares the "other" slot.</exception>
    public int SlotOf(object value)
    {
        if (!_categoryOf.TryGetValue(ColumnTypes.Canonical(value), out int category))
            throw new ArgumentException($"Column '{Name}' has no category '{value}' ({value.GetType().Name}) in the training data.", nameof(value));
        int slot = _slotOf[category];
        if (_categoryOfSlot[slot] < 0)
            throw new ArgumentException(
                $"Category '{value}' of column '{Name}' is rare: it shares the \"other\" slot with {_grouped.Length - 1} other values (the column has more than MaxCategories = {_maxCategories} categories), so it cannot be asked for by itself.",
                nameof(value));
        return slot;
    }

    public static DiscreteEncoder Fit(DiscreteColumn column, int maxCategories)
    {
        var counts = new long[column.Categories.Count];
        foreach (int code in column.Codes)
            counts[code]++;
        var used = Enumerable.Range(0, counts.Length).Where(c => counts[c] > 0).ToArray();
        return new DiscreteEncoder(column.Name, column.Type, [.. used.Select(c => column.Categories[c])], column.KeyValues,
            [.. used.Select(c => counts[c])], maxCategories);
    }

    public override EncodedColumn Encode(TabularColumn column, Random random)
    {
        var discrete = (DiscreteColumn)column;
        var slotOfCode = SlotsOfCodes(discrete);
        var codes = discrete.Codes;
        var slots = new SmallCodes(codes.Length, _categoryOfSlot.Length);
        for (int row = 0; row < codes.Length; row++)
        {
            int slot = slotOfCode[codes[row]];
            if (slot < 0)
                throw new ArgumentException(
                    $"Column '{Name}' has value '{discrete.Categories[codes[row]]}' at row {row}, which was not seen when the transformer was fitted.", nameof(column));
            slots[row] = slot;
        }
        return new EncodedCategories(slots, _layout.Length > 0);
    }

    /// <summary>For each of a column's categories, its slot, or −1 when the value is unknown.</summary>
    private int[] SlotsOfCodes(DiscreteColumn column)
    {
        var slots = new int[column.Categories.Count];
        for (int code = 0; code < slots.Length; code++)
            slots[code] = _categoryOf.TryGetValue(ColumnTypes.Canonical(column.Categories[code]), out int category) ? _slotOf[category] : -1;
        return slots;
    }

    public override DecodeTarget CreateTarget(int rows, Random random) => new Target(this, rows, random);

    public override void Decode(ReadOnlySpan<float> encoded, int stride, int offset, int start, int end, DecodeTarget target)
    {
        var decoded = (Target)target;
        var codes = decoded.Codes;
        if (_layout.Length == 0)
            return; // the single category has code 0, which the codes array already holds
        int slots = _categoryOfSlot.Length;
        for (int row = start; row < end; row++)
        {
            int category = _categoryOfSlot[ArgMax(encoded, row * stride + offset, slots)];
            codes[row] = category >= 0 ? category : DrawGrouped(decoded.Random);
        }
    }

    /// <summary>One of the "other" slot's categories, drawn by training frequency.</summary>
    private int DrawGrouped(Random random)
    {
        long target = random.NextInt64(_groupedCumulative[^1]);
        int index = Array.BinarySearch(_groupedCumulative, target + 1);
        return _grouped[index >= 0 ? index : ~index];
    }

    public override void Write(BinaryWriter writer)
    {
        writer.Write(_maxCategories);
        writer.Write(_categories.Length);
        for (int c = 0; c < _categories.Length; c++)
        {
            ColumnTypes.WriteCategory(writer, _categories[c]);
            writer.Write(_counts[c]);
        }
        writer.Write(_keyValues is not null);
        if (_keyValues is not null)
            BinaryArrays.Write(writer, _keyValues);
    }

    public static DiscreteEncoder Read(BinaryReader reader, string name, DataViewType type)
    {
        int maxCategories = reader.ReadInt32();
        int count = reader.ReadInt32();
        if (count < 1 || maxCategories < 2)
            throw new InvalidDataException($"Column '{name}': invalid category count {count} or slot count {maxCategories}.");
        var categories = new object[count];
        var counts = new long[count];
        for (int c = 0; c < count; c++)
        {
            categories[c] = ColumnTypes.ReadCategory(reader, type);
            counts[c] = reader.ReadInt64();
            if (counts[c] < 1)
                throw new InvalidDataException($"Column '{name}': invalid category count {counts[c]}.");
        }
        string[]? keyValues = null;
        if (reader.ReadBoolean())
        {
            int names = reader.ReadInt32();
            if (type is not KeyDataViewType key || (ulong)names != key.Count)
                throw new InvalidDataException($"Column '{name}': invalid key value count {names}.");
            keyValues = BinaryArrays.ReadStrings(reader, names);
        }
        return new DiscreteEncoder(name, type, categories, keyValues, counts, maxCategories);
    }

    private sealed class Target(DiscreteEncoder encoder, int rows, Random random) : DecodeTarget
    {
        public int[] Codes { get; } = new int[rows];

        public Random Random { get; } = random;

        public override TabularColumn ToColumn() =>
            new DiscreteColumn(encoder.Name, encoder.Type, Codes, encoder._categories, encoder._keyValues);
    }
}
