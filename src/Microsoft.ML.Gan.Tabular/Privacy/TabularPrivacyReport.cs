namespace Microsoft.ML.Gan.Tabular.Privacy;

/// <summary>
/// The differential privacy a fitted synthesizer actually spent: the whole fit (data transformer statistics and
/// DP-SGD steps, composed in one Rényi DP accountant) is (<paramref name="Epsilon"/>, <paramref name="Delta"/>)-DP
/// with respect to adding or removing one training row. Saved and loaded with the model. Every field is public
/// configuration or a function of it (the step count depends only on the budget and the options), so the report
/// itself reveals nothing about the rows; how many rows the DP release left out of training is deliberately absent.
/// </summary>
/// <param name="Epsilon">ε spent (at most the target).</param>
/// <param name="Delta">δ: the accountant's δ plus the δ of the category thresholds.</param>
/// <param name="NoiseMultiplier">σ of DP-SGD.</param>
/// <param name="MaxGradNorm">C, the per-row clipping norm.</param>
/// <param name="DiscriminatorSteps">DP-SGD steps taken.</param>
/// <param name="SampleRate">q, the Poisson sampling rate of each step.</param>
public sealed record TabularPrivacyReport(double Epsilon, double Delta, double NoiseMultiplier, double MaxGradNorm,
    long DiscriminatorSteps, double SampleRate)
{
    internal void Write(BinaryWriter writer)
    {
        writer.Write(Epsilon);
        writer.Write(Delta);
        writer.Write(NoiseMultiplier);
        writer.Write(MaxGradNorm);
        writer.Write(DiscriminatorSteps);
        writer.Write(SampleRate);
    }

    /// <param name="reader">Positioned at a report.</param>
    /// <param name="withDroppedRows">The report was written by format version 2, which ended with an exact count of rows
    /// left out of training; it is read and discarded (it was not differentially private).</param>
    internal static TabularPrivacyReport Read(BinaryReader reader, bool withDroppedRows)
    {
        var report = new TabularPrivacyReport(reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble(),
            reader.ReadInt64(), reader.ReadDouble());
        if (withDroppedRows)
            reader.ReadInt32();
        return report;
    }
}
