namespace Microsoft.ML.Gan.Tabular.Evaluation;

/// <summary>
/// A hash index of reference rows that answers "is this row equal, in every column, to some reference row?".
/// Continuous values compare exactly (all NaNs equal), categories by their shared code.
/// </summary>
internal sealed class ExactCopyIndex
{
    private readonly AlignedTable _reference;
    private readonly Dictionary<ulong, List<int>> _rowsByHash = [];

    public ExactCopyIndex(AlignedTable reference)
    {
        _reference = reference;
        for (int r = 0; r < reference.RowCount; r++)
        {
            ulong hash = Hash(reference, r);
            if (!_rowsByHash.TryGetValue(hash, out var rows))
                _rowsByHash.Add(hash, rows = []);
            rows.Add(r);
        }
    }

    /// <summary>Per row of <paramref name="table"/>, whether it copies a reference row.</summary>
    public bool[] Matches(AlignedTable table)
    {
        var result = new bool[table.RowCount];
        for (int r = 0; r < result.Length; r++)
        {
            if (_rowsByHash.TryGetValue(Hash(table, r), out var candidates))
                result[r] = candidates.Exists(candidate => RowsEqual(table, r, _reference, candidate));
        }
        return result;
    }

    private static ulong Hash(AlignedTable table, int row)
    {
        ulong hash = 14695981039346656037UL;
        for (int c = 0; c < table.Schema.ColumnCount; c++)
        {
            ulong bits = table.Schema.IsDiscrete(c)
                ? (ulong)table.Codes(c)[row]
                : (ulong)BitConverter.DoubleToInt64Bits(Normalize(table.Values(c)[row]));
            hash = (hash ^ bits) * 1099511628211UL;
            hash ^= hash >> 29;
        }
        return hash;
    }

    private static bool RowsEqual(AlignedTable a, int rowA, AlignedTable b, int rowB)
    {
        for (int c = 0; c < a.Schema.ColumnCount; c++)
        {
            bool equal = a.Schema.IsDiscrete(c)
                ? a.Codes(c)[rowA] == b.Codes(c)[rowB]
                : Normalize(a.Values(c)[rowA]).Equals(Normalize(b.Values(c)[rowB]));
            if (!equal) return false;
        }
        return true;
    }

    /// <summary>One NaN for all missing values and +0 for −0, so that equal values hash equally.</summary>
    private static double Normalize(double value) => double.IsNaN(value) ? double.NaN : value == 0 ? 0 : value;
}
