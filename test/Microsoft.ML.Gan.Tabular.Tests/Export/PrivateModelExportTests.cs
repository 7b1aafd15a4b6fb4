using Microsoft.ML.Gan.Tabular.Data;
using Microsoft.ML.Gan.Tabular.Export;
using Microsoft.ML.Gan.Tabular.Privacy;
using Microsoft.ML.Gan.Tabular.Tests.Evaluation;

namespace Microsoft.ML.Gan.Tabular.Tests.Export;

/// <summary>Exporting rows of a differentially private model: no real data by default, and a loud note when it is used.</summary>
[TestClass]
public sealed class PrivateModelExportTests
{
    private static readonly TabularPrivacyReport Private = new(3, 1e-5, 1.1, 1, 500, 0.02);

    [TestMethod]
    public void APrivateModelsExportReadsNoRealDataByDefault()
    {
        var training = EvalTables.Linear(200, seed: 1, withRare: false);
        // The default options (exact-copy removal and rare-category suppression on) need no real rows for a DP model.
        var exporter = new SyntheticDataExporter(new SyntheticExportOptions { DifferentialPrivacy = Private });
        var kept = exporter.Filter(training.ToDataView(), out var summary);

        Assert.AreEqual(200, TabularTable.FromDataView(kept).RowCount, "no filter ran, so even copies of real rows stay (DP output needs none)");
        Assert.AreEqual(0, summary.Filters.Count);
        Assert.IsTrue(summary.EpsilonCoversOutput);
        StringAssert.Contains(summary.ToJson(), "\"EpsilonCoversOutput\": true");
    }

    [TestMethod]
    public void RealRowsForAPrivateModelAreRefusedWithoutTheFlag()
    {
        var training = EvalTables.Linear(200, seed: 1, withRare: false);
        var error = Assert.ThrowsExactly<ArgumentException>(() => new SyntheticDataExporter(new SyntheticExportOptions
        {
            RealTraining = training.ToDataView(),
            DifferentialPrivacy = Private,
        }));
        foreach (string part in new[] { "differentially private", "AllowRealDataFiltersOnPrivateModel", "--allow-real-data-filters", "no longer cover" })
            StringAssert.Contains(error.Message, part);
    }

    [TestMethod]
    public void WithTheFlagTheFiltersRunAndTheSidecarSaysEpsilonNoLongerCoversTheOutput()
    {
        var training = EvalTables.Linear(200, seed: 1, withRare: false);
        using var folder = new TempFolder();
        string path = folder.File("out.csv");
        var summary = new SyntheticDataExporter(new SyntheticExportOptions
        {
            RealTraining = training.ToDataView(),
            DifferentialPrivacy = Private,
            AllowRealDataFiltersOnPrivateModel = true,
        }).ToCsv(training.ToDataView(), path);

        Assert.AreEqual(200, summary.Filters.Single(f => f.Name == "ExactCopyRemoval").RowsRemoved);
        Assert.IsFalse(summary.EpsilonCoversOutput);
        string sidecar = File.ReadAllText(SyntheticDataExporter.SummaryPath(path));
        StringAssert.Contains(sidecar, "\"EpsilonCoversOutput\": false");
        StringAssert.Contains(sidecar, "\"Epsilon\": 3");
    }

    [TestMethod]
    public void AModelWithoutPrivacyKeepsItsFiltersAndNoPrivacyNote()
    {
        var training = EvalTables.Linear(100, seed: 1, withRare: false);
        new SyntheticDataExporter(new SyntheticExportOptions { RealTraining = training.ToDataView() }).Filter(training.ToDataView(), out var summary);
        Assert.IsNull(summary.EpsilonCoversOutput);
        Assert.AreEqual(100, summary.Filters.Single(f => f.Name == "ExactCopyRemoval").RowsRemoved);
    }
}
