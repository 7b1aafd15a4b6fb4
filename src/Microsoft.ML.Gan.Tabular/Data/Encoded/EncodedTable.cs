namespace Microsoft.ML.Gan.Tabular.Data;

/// <summary>
/// The training rows in compact encoded form, a few bytes per row and column (<see cref="EncodedColumn"/>), instead of
/// the [rows × <see cref="Width"/>] float matrix: batches of float rows are built from it on the fly
/// (<see cref="Gather(Tensor, Device)"/>), each exactly the rows <see cref="DataTransformer.Transform"/> gives.
/// </summary>
internal sealed class EncodedTable
{
    private readonly EncodedColumn[] _columns;
    private readonly int[] _offsets;

    public EncodedTable(EncodedColumn[] columns, int[] offsets, int rowCount, int width)
    {
        _columns = columns;
        _offsets = offsets;
        RowCount = rowCount;
        Width = width;
    }

    /// <summary>The number of rows.</summary>
    public int RowCount { get; }

    /// <summary>The width of one encoded float row.</summary>
    public int Width { get; }

    /// <summary>The encoded form of the fitted column at <paramref name="columnIndex"/>.</summary>
    public EncodedColumn Column(int columnIndex) => _columns[columnIndex];

    /// <summary>Writes row <paramref name="row"/> into <paramref name="destination"/> (<see cref="Width"/> zeroed values).</summary>
    public void WriteRow(int row, Span<float> destination)
    {
        for (int c = 0; c < _columns.Length; c++)
            _columns[c].Write(row, destination[_offsets[c]..]);
    }

    /// <summary>The given rows as a row-major float matrix [rows.Length × <see cref="Width"/>].</summary>
    public float[] Gather(ReadOnlySpan<long> rows)
    {
        var output = new float[(long)rows.Length * Width];
        for (int i = 0; i < rows.Length; i++)
            WriteRow(checked((int)rows[i]), output.AsSpan(i * Width, Width));
        return output;
    }

    /// <summary>Every row as a row-major float matrix [<see cref="RowCount"/> × <see cref="Width"/>].</summary>
    public float[] ToDense()
    {
        var output = new float[(long)RowCount * Width];
        for (int row = 0; row < RowCount; row++)
            WriteRow(row, output.AsSpan(row * Width, Width));
        return output;
    }

    /// <summary>The rows at <paramref name="rows"/> (int64 indices on any device) as a float tensor [n, <see cref="Width"/>] on <paramref name="device"/>.</summary>
    public Tensor Gather(Tensor rows, Device device)
    {
        long[] indices;
        if (rows.device_type == TorchSharp.DeviceType.CPU)
        {
            indices = rows.data<long>().ToArray();
        }
        else
        {
            using var onCpu = rows.cpu();
            indices = onCpu.data<long>().ToArray();
        }
        return tensor(Gather(indices), [indices.Length, Width], device: device);
    }
}
