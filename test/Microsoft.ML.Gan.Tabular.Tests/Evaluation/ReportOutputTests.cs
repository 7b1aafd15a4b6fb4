using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.ML.Gan.Tabular.Evaluation;
using Microsoft.ML.Gan.Tabular.Tests.Data;

namespace Microsoft.ML.Gan.Tabular.Tests.Evaluation;

[TestClass]
public sealed class ReportOutputTests
{
    private static readonly MLContext Ml = new(seed: 1);

    private static TabularQualityReport Report()
    {
        var real = TestTables.Mixed(400, seed: 1);
        var synthetic = TestTables.Mixed(300, seed: 2);
        return Ml.Gan().Tabular.Evaluate(real.ToDataView(), synthetic.ToDataView(),
            new TabularEvaluationOptions { LabelColumn = "Flag", NumberOfTrees = 5, DiscreteColumns = ["Grade"] });
    }

    [TestMethod]
    public void JsonCarriesTheScores()
    {
        var report = Report();
        using var json = JsonDocument.Parse(report.ToJson());
        var root = json.RootElement;

        Assert.AreEqual(report.OverallScore, root.GetProperty("OverallScore").GetDouble(), 1e-12);
        Assert.AreEqual(9, root.GetProperty("ColumnShapes").GetArrayLength());
        Assert.AreEqual(36, root.GetProperty("PairTrends").GetArrayLength());
        Assert.AreEqual("Pearson", root.GetProperty("CorrelationMethod").GetString());
        Assert.AreEqual("BinaryClassification", root.GetProperty("MlEfficacy").GetProperty("Task").GetString());
        Assert.AreEqual(report.Privacy.ExactCopyRate, root.GetProperty("Privacy").GetProperty("ExactCopyRate").GetDouble());
        Assert.AreEqual(9, root.GetProperty("Distributions").GetArrayLength());
        Assert.AreEqual(5, root.GetProperty("RealCorrelations").GetProperty("Columns").GetArrayLength());
    }

    [TestMethod]
    public void HtmlIsSelfContainedWithOnePngPerPlot()
    {
        var report = Report();
        string path = Path.Combine(Path.GetTempPath(), $"mlgan-report-{Guid.NewGuid():N}.html");
        try
        {
            report.SaveHtml(path);
            string html = File.ReadAllText(path);
            var images = Regex.Matches(html, "src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"");
            // Nine column plots and two heatmaps.
            Assert.HasCount(11, images);
            foreach (Match image in images)
            {
                byte[] png = Convert.FromBase64String(image.Groups[1].Value);
                CollectionAssert.AreEqual(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
                Assert.IsGreaterThan(2000, png.Length);
            }
            Assert.DoesNotContain("src=\"http", html);
            StringAssert.Contains(html, "ML efficacy");
            StringAssert.Contains(html, "Distance to closest record");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
