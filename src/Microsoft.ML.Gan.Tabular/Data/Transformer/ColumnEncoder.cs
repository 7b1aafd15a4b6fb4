namespace Microsoft.ML.Gan.Tabular.Data;

/// <summary>The fitted encoding of one column: its spans in the encoded row, encoding, decoding and binary form.</summary>
internal abstract class ColumnEncoder(string name, DataViewType type)
{
    /// <summary>The column's name.</summary>
    public string Name { get; } = name;

    /// <summary>The column's original type.</summary>
    public DataViewType Type { get; } = type;

    /// <summary>The column's spans in order: length, kind and role. Empty for a constant column.</summary>
    public abstract IReadOnlyList<(int Length, SpanKind Kind, SpanRole Role)> Layout { get; }

    /// <summary>The column's encoding of every row, in compact form (<see cref="EncodedColumn.Write"/> gives each row's floats).</summary>
    public abstract EncodedColumn Encode(TabularColumn column, Random random);

    /// <summary>Decodes rows <paramref name="start"/> … <paramref name="end"/> − 1 of <paramref name="encoded"/> into <paramref name="target"/>.</summary>
    public abstract void Decode(ReadOnlySpan<float> encoded, int stride, int offset, int start, int end, DecodeTarget target);

    /// <summary>A place for <paramref name="rows"/> decoded values of this column.</summary>
    public abstract DecodeTarget CreateTarget(int rows, Random random);

    public abstract void Write(BinaryWriter writer);

    /// <summary>The position of the largest value among <paramref name="length"/> values from <paramref name="start"/>.</summary>
    protected static int ArgMax(ReadOnlySpan<float> values, int start, int length)
    {
        var span = values.Slice(start, length);
        int best = 0;
        float max = span[0];
        for (int i = 1; i < span.Length; i++)
        {
            if (span[i] > max)
            {
                max = span[i];
                best = i;
            }
        }
        return best;
    }

    /// <summary>Decoded values of one column, filled block by block, then turned into a column.</summary>
    internal abstract class DecodeTarget
    {
        public abstract TabularColumn ToColumn();
    }
}
