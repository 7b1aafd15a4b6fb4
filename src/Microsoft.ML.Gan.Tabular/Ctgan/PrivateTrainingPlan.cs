using Microsoft.ML.Gan.Privacy;

namespace Microsoft.ML.Gan.Tabular.Ctgan;

/// <summary>How DP-SGD runs: σ and C, the Poisson rate q over the public row count, and the most steps the budget allows.</summary>
/// <param name="NoiseMultiplier">σ.</param>
/// <param name="MaxGradNorm">C.</param>
/// <param name="SampleRate">q.</param>
/// <param name="PublicRowCount">n, treated as public.</param>
/// <param name="MaxDiscriminatorSteps">Steps that fit in the budget after the transformer's releases.</param>
/// <param name="Accountant">Holds the transformer's releases; the steps are added as they run.</param>
internal sealed record PrivateTrainingPlan(double NoiseMultiplier, double MaxGradNorm, double SampleRate, long PublicRowCount,
    long MaxDiscriminatorSteps, RdpAccountant Accountant);
