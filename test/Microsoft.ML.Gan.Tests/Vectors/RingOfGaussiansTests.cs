using Microsoft.ML.Gan.Vectors;

namespace Microsoft.ML.Gan.Tests.Vectors;

/// <summary>
/// The ring of 8 Gaussians (σ = 0.02, radius 2): a GAN must cover all 8 modes with most samples within 3σ of a mode.
/// Each test trains on 2 cores in well under a minute.
/// </summary>
[TestClass]
public sealed class RingOfGaussiansTests
{
    private const int Samples = 2000;

    private static void AssertCoversRing(VectorGanTransformer model)
    {
        var samples = VectorData.Generated(model.Sample(Samples, seed: 11));
        var (perMode, highQuality) = RingOfGaussians.Evaluate(samples);
        string report = $"per mode {string.Join(",", perMode)}, within 3σ {highQuality:P1}";
        Console.WriteLine(report);
        Assert.IsTrue(perMode.All(count => count >= Samples / 100), $"Not all 8 modes covered: {report}");
        Assert.IsGreaterThanOrEqualTo(0.8, highQuality, $"Too few samples within 3σ of a mode: {report}");
    }

    [TestMethod]
    public void WganGpCoversAllEightModes()
    {
        var mlContext = new MLContext(seed: 1);
        var options = RingSettings.WganGp();
        var model = mlContext.Gan().WganGp(options).Fit(VectorData.Ring(mlContext));
        AssertCoversRing(model);
    }

    [TestMethod]
    public void NonSaturatingGanWithR1CoversAllEightModes()
    {
        var mlContext = new MLContext(seed: 1);
        var options = RingSettings.NonSaturatingWithR1();
        var model = mlContext.Gan().VanillaGan(options).Fit(VectorData.Ring(mlContext));
        AssertCoversRing(model);
    }
}
