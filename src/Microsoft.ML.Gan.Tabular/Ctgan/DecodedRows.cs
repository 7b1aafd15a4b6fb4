using Microsoft.ML.Gan.Tabular.Data;

namespace Microsoft.ML.Gan.Tabular.Ctgan;

/// <summary>
/// The float form of decoded rows that a saved CTGAN chain carries from its generation step to its per-column
/// steps: per fitted column, one double (a continuous value, or a discrete column's category index) stored bit for bit
/// in two float slots (low and high 32 bits; the slots are only copied, never computed with, so every bit survives).
/// </summary>
internal static class DecodedRows
{
    public const int SlotsPerColumn = 2;

    public static int Width(int columns) => columns * SlotsPerColumn;

    /// <summary>Writes every row of <paramref name="table"/>, row-major, into <paramref name="destination"/>.</summary>
    public static void Write(TabularTable table, Span<float> destination)
    {
        int stride = Width(table.Columns.Count);
        for (int c = 0; c < table.Columns.Count; c++)
        {
            switch (table.Columns[c])
            {
                case ContinuousColumn continuous:
                    var values = continuous.Values;
                    for (int r = 0; r < values.Length; r++)
                        Split(values[r], destination.Slice(r * stride + c * SlotsPerColumn, SlotsPerColumn));
                    break;
                case DiscreteColumn discrete:
                    var codes = discrete.Codes;
                    for (int r = 0; r < codes.Length; r++)
                        Split(codes[r], destination.Slice(r * stride + c * SlotsPerColumn, SlotsPerColumn));
                    break;
            }
        }
    }

    /// <summary>The value held in a column's slots.</summary>
    public static double Read(ReadOnlySpan<float> row, int slot) => BitConverter.Int64BitsToDouble(
        (uint)BitConverter.SingleToInt32Bits(row[slot]) | ((long)BitConverter.SingleToInt32Bits(row[slot + 1]) << 32));

    private static void Split(double value, Span<float> slots)
    {
        long bits = BitConverter.DoubleToInt64Bits(value);
        slots[0] = BitConverter.Int32BitsToSingle((int)bits);
        slots[1] = BitConverter.Int32BitsToSingle((int)(bits >> 32));
    }
}
