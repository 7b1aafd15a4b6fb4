using System.Numerics;

namespace Microsoft.ML.Gan.Tabular.Evaluation;

/// <summary>
/// Distance to the closest record (DCR) against a fixed set of reference rows, on a Gower-style mixed-type distance
/// in [0, 1]: the mean over columns of min(|a − b| / range, 1) for continuous columns (range of the reference rows;
/// missing vs present = 1, both missing = 0) and of 0/1 mismatch for categories.
/// </summary>
/// <remarks>
/// Every column is encoded once as single-precision numbers so that one kernel, min(|a − b|, 1), serves both kinds:
/// continuous values are divided by the range (a constant column uses 1/2^-20 so any difference counts fully),
/// missing values become a far sentinel, and category codes are whole numbers (so differing codes are ≥ 1 apart).
/// The reference rows are stored column by column and scanned in cache-sized blocks with SIMD vectors, each lane
/// summing one reference row's column terms in a register; the work is
/// O(queries × reference rows × columns).
/// </remarks>
internal sealed class RecordDistance
{
    private const float Missing = 1e9f;
    private const int BlockRows = 2048;

    private readonly double[] _offset;
    private readonly double[] _scale;
    private readonly float[][] _reference;
    private readonly int _rows;

    public RecordDistance(AlignedTable reference)
    {
        var schema = reference.Schema;
        int n = schema.ColumnCount;
        _offset = new double[n];
        _scale = new double[n];
        for (int c = 0; c < n; c++)
        {
            if (schema.IsDiscrete(c))
            {
                _scale[c] = 1;
                continue;
            }
            double min = double.PositiveInfinity, max = double.NegativeInfinity;
            foreach (double v in reference.Values(c))
            {
                if (double.IsNaN(v)) continue;
                min = Math.Min(min, v);
                max = Math.Max(max, v);
            }
            _offset[c] = double.IsFinite(min) ? min : 0;
            _scale[c] = max > min ? 1 / (max - min) : 1 << 20;
        }
        _rows = reference.RowCount;
        _reference = Encode(reference);
    }

    public int ReferenceRows => _rows;

    /// <summary>For each row of <paramref name="queries"/>, its distance to the closest reference row (1 when there are none).</summary>
    public double[] Closest(AlignedTable queries, CancellationToken cancellationToken = default)
    {
        float[][] query = Encode(queries);
        int columns = query.Length, count = queries.RowCount;
        var best = new float[count];
        Array.Fill(best, float.PositiveInfinity);
        var one = new Vector<float>(1f);
        int width = Vector<float>.Count;
        var queryVectors = new Vector<float>[columns];
        for (int start = 0; start < _rows; start += BlockRows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int length = Math.Min(BlockRows, _rows - start);
            int vectorEnd = length - length % width;
            for (int q = 0; q < count; q++)
            {
                for (int c = 0; c < columns; c++)
                    queryVectors[c] = new Vector<float>(query[c][q]);
                // Sums stay in a register across columns; the block's minimum is taken lane-wise, then across lanes.
                var minimum = new Vector<float>(float.PositiveInfinity);
                int i = 0;
                for (; i < vectorEnd; i += width)
                {
                    var sum = Vector<float>.Zero;
                    for (int c = 0; c < columns; c++)
                        sum += Vector.Min(Vector.Abs(new Vector<float>(_reference[c], start + i) - queryVectors[c]), one);
                    minimum = Vector.Min(minimum, sum);
                }
                float min = best[q];
                for (int lane = 0; lane < width; lane++)
                    min = Math.Min(min, minimum[lane]);
                for (; i < length; i++)
                {
                    float sum = 0;
                    for (int c = 0; c < columns; c++)
                        sum += Math.Min(Math.Abs(_reference[c][start + i] - query[c][q]), 1f);
                    min = Math.Min(min, sum);
                }
                best[q] = min;
            }
        }
        var result = new double[count];
        for (int q = 0; q < count; q++)
            result[q] = float.IsPositiveInfinity(best[q]) ? 1 : Math.Clamp(best[q] / columns, 0, 1);
        return result;
    }

    private float[][] Encode(AlignedTable table)
    {
        var schema = table.Schema;
        var encoded = new float[schema.ColumnCount][];
        for (int c = 0; c < encoded.Length; c++)
        {
            var column = new float[table.RowCount];
            if (schema.IsDiscrete(c))
            {
                int[] codes = table.Codes(c);
                for (int i = 0; i < column.Length; i++) column[i] = codes[i];
            }
            else
            {
                double[] values = table.Values(c);
                double offset = _offset[c], scale = _scale[c];
                for (int i = 0; i < column.Length; i++)
                    column[i] = double.IsNaN(values[i]) ? Missing : (float)Math.Clamp((values[i] - offset) * scale, -1e6, 1e6);
            }
            encoded[c] = column;
        }
        return encoded;
    }
}
