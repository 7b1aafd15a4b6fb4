namespace Microsoft.ML.Gan.Tabular.Data;

/// <summary>Decoded values of a continuous column (NaN where missing), for the continuous encoders.</summary>
internal sealed class ContinuousTarget(string name, DataViewType type, int rows) : ColumnEncoder.DecodeTarget
{
    public double[] Values { get; } = new double[rows];

    public override TabularColumn ToColumn() => new ContinuousColumn(name, type, Values);
}
