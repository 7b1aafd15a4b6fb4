using Microsoft.ML.Gan.Tabular.Ctgan;

namespace Microsoft.ML.Gan.Tabular.Tests.Ctgan;

/// <summary>
/// One CTGAN trained once per test run on <see cref="CtganTestData"/> (2,000 rows, 150 epochs of batch 200 on one
/// CPU thread, about 10 s), shared by the tests that only read it.
/// </summary>
internal static class TrainedCtgan
{
    public const int Epochs = 150;

    private static readonly Lazy<(MLContext Context, IDataView Data, CtganModel Model)> Instance = new(() =>
    {
        var mlContext = new MLContext(seed: 1);
        var data = CtganTestData.Create(mlContext, 2000, seed: 3);
        var model = mlContext.Gan().Tabular.Ctgan(CtganTestData.QuickOptions(Epochs)).Fit(data);
        return (mlContext, data, model);
    });

    public static MLContext Context => Instance.Value.Context;

    public static IDataView Data => Instance.Value.Data;

    public static CtganModel Model => Instance.Value.Model;
}
