using Microsoft.ML.Gan.Testing;
using Microsoft.ML.Gan.Vectors;

namespace Microsoft.ML.Gan.Tests.Vectors;

/// <summary>
/// Golden models of the vector GAN family (see <see cref="GoldenModels"/>): each committed file, saved by an earlier
/// build, must load with today's code and sample the rows recorded when it was saved.
/// </summary>
[TestClass]
public sealed class VectorGoldenModelTests
{
    /// <summary>The body version today's code writes.</summary>
    private const int CurrentVersion = VectorGanFamily.FormatVersion;

    /// <summary>The body versions whose golden files must be present: the unversioned layout and today's.</summary>
    private static readonly int[] Versions = [Microsoft.ML.Gan.Persistence.VersionedBody.Unversioned, CurrentVersion];

    private static readonly (string Name, Func<MLContext, VectorGanEstimator> Estimator)[] Families =
    [
        ("vector-gan", ml => ml.Gan().VanillaGan(new VanillaGanOptions { MaxSteps = 3, BatchSize = 32, GeneratorLayers = [8], DiscriminatorLayers = [8], Threads = 1 })),
        ("vector-wgan-gp", ml => ml.Gan().WganGp(new WganGpOptions { MaxSteps = 3, BatchSize = 32, GeneratorLayers = [8, 8], DiscriminatorLayers = [8], Threads = 1 })),
    ];

    public static IEnumerable<object[]> FamilyNames => Families.Select(f => new object[] { f.Name });

    [TestMethod]
    [DynamicData(nameof(FamilyNames))]
    public void GoldenModelLoadsAndSamplesItsRecordedRows(string name)
    {
        foreach (string path in GoldenModels.Committed(name, Versions))
        {
            using var model = VectorGanTransformer.Load(new MLContext(), path);
            GoldenModels.AssertMatches(path, Output(model));
        }
    }

    /// <summary>Regenerates the golden files of today's body version (only with MLGAN_WRITE_GOLDEN=1).</summary>
    [TestMethod]
    [TestCategory(GoldenModels.WriterCategory)]
    public void WriteGoldenModels()
    {
        GoldenModels.RequireWriting();
        foreach (var (name, estimator) in Families)
        {
            var mlContext = new MLContext(seed: 1);
            var data = VectorData.Ring(mlContext, 128);
            using var model = estimator(mlContext).Fit(data);
            string path = GoldenModels.ModelPath(GoldenModels.SourceFolder(), name, CurrentVersion);
            mlContext.Model.Save(model, data.Schema, path);
            GoldenModels.WriteOutput(path, Output(model));
            using var loaded = VectorGanTransformer.Load(new MLContext(), path);
            CollectionAssert.AreEqual(Output(model), Output(loaded), $"{name}: the saved model reproduces its rows");
        }
    }

    private static float[] Output(VectorGanTransformer model) => VectorData.Generated(model.Sample(6, seed: 8));
}
