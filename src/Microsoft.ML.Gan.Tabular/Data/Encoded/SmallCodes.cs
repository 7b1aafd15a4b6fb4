namespace Microsoft.ML.Gan.Tabular.Data;

/// <summary>
/// Non-negative integer codes below a known bound, one per row, stored in the narrowest type that holds them: one byte
/// per row below 256, two below 65,536, else four.
/// </summary>
internal sealed class SmallCodes
{
    private readonly byte[]? _bytes;
    private readonly ushort[]? _shorts;
    private readonly int[]? _ints;

    /// <param name="length">The number of rows.</param>
    /// <param name="bound">Every code is below this.</param>
    public SmallCodes(int length, int bound)
    {
        if (bound <= byte.MaxValue + 1)
            _bytes = new byte[length];
        else if (bound <= ushort.MaxValue + 1)
            _shorts = new ushort[length];
        else
            _ints = new int[length];
        Length = length;
    }

    public int Length { get; }

    public int this[int row]
    {
        get => _bytes is not null ? _bytes[row] : _shorts is not null ? _shorts[row] : _ints![row];
        set
        {
            if (_bytes is not null)
                _bytes[row] = (byte)value;
            else if (_shorts is not null)
                _shorts[row] = (ushort)value;
            else
                _ints![row] = value;
        }
    }
}
