using Microsoft.ML.Gan.Tabular.Ctgan;
using Microsoft.ML.Gan.Tabular.TabDdpm;
using Microsoft.ML.Gan.Tabular.Tests.Ctgan;

namespace Microsoft.ML.Gan.Tabular.Tests.TabDdpm;

/// <summary>
/// TabDDPM models fitted once for the tests on CTGAN's test table (Region decides Amount's mode): a small denoiser,
/// T = 100, conditioned on Region; one samples with every step (the paper's sampler), one with 10 (the fast sampler).
/// </summary>
internal static class TrainedTabDdpm
{
    private static readonly Lazy<CtganModel> Full = new(() => Fit(samplingSteps: 100));
    private static readonly Lazy<CtganModel> Fast = new(() => Fit(samplingSteps: 10));

    public static MLContext Context { get; } = new(seed: 1);

    /// <summary>The ancestral sampler through all 100 steps.</summary>
    public static CtganModel Model => Full.Value;

    /// <summary>The same training, sampled with 10 strided steps.</summary>
    public static CtganModel FastModel => Fast.Value;

    public static TabDdpmOptions Options(int? samplingSteps = 100) => new()
    {
        Steps = 1500,
        BatchSize = 256,
        HiddenLayers = [128, 128],
        TimeEmbeddingDimension = 32,
        Timesteps = 100,
        SamplingSteps = samplingSteps,
        LabelColumn = "Region",
        Threads = 1,
        Seed = 7,
    };

    private static CtganModel Fit(int? samplingSteps) =>
        Context.Gan().Tabular.TabDdpm(Options(samplingSteps)).Fit(CtganTestData.Create(Context, 2000, seed: 3));
}
