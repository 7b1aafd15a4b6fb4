namespace Microsoft.ML.Gan.Tabular.Privacy;

/// <summary>
/// The differential privacy a fitted synthesizer actually spent: the whole fit (data transformer statistics and
/// DP-SGD steps, composed in one Rényi DP accountant) is (<paramref name="Epsilon"/>, <paramref name="Delta"/>)-DP
/// with respect to adding or removing one training row. Saved and loaded with the model.
/// </summary>
/// <param name="Epsilon">ε spent (at most the target).</param>
/// <param name="Delta">δ: the accountant's δ plus the δ of the category thresholds.</param>
/// <param name="NoiseMultiplier">σ of DP-SGD.</param>
/// <param name="MaxGradNorm">C, the per-row clipping norm.</param>
/// <param name="DiscriminatorSteps">DP-SGD steps taken.</param>
/// <param name="SampleRate">q, the Poisson sampling rate of each step.</param>
/// <param name="DroppedRows">Training rows left out because they hold a category (or a missing value) that the DP release did not keep.</param>
public sealed record TabularPrivacyReport(double Epsilon, double Delta, double NoiseMultiplier, double MaxGradNorm,
    long DiscriminatorSteps, double SampleRate, int DroppedRows)
{
    internal void Write(BinaryWriter writer)
    {
        writer.Write(Epsilon);
        writer.Write(Delta);
        writer.Write(NoiseMultiplier);
        writer.Write(MaxGradNorm);
        writer.Write(DiscriminatorSteps);
        writer.Write(SampleRate);
        writer.Write(DroppedRows);
    }

    internal static TabularPrivacyReport Read(BinaryReader reader) =>
        new(reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble(), reader.ReadInt64(),
            reader.ReadDouble(), reader.ReadInt32());
}
