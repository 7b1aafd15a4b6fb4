using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
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
    public void HtmlIsSelfContainedWithOneSvgChartPerPlot()
    {
        var report = Report();
        string path = Path.Combine(Path.GetTempPath(), $"mlgan-report-{Guid.NewGuid():N}.html");
        try
        {
            report.SaveHtml(path);
            string html = File.ReadAllText(path);
            var charts = Regex.Matches(html, "<svg .*?</svg>", RegexOptions.Singleline);
            // Nine column plots and two heatmaps, each a well-formed SVG document with its title and axis labels.
            Assert.HasCount(11, charts);
            foreach (Match chart in charts)
            {
                var svg = XDocument.Parse(chart.Value).Root!;
                XNamespace ns = "http://www.w3.org/2000/svg";
                Assert.AreEqual(ns + "svg", svg.Name);
                Assert.IsFalse(string.IsNullOrWhiteSpace(svg.Element(ns + "title")?.Value));
                Assert.IsGreaterThanOrEqualTo(5, svg.Elements(ns + "rect").Count(), "background, legend and a real and a synthetic bar at least");
                Assert.IsGreaterThan(5, svg.Elements(ns + "text").Count(), "title, ticks and labels are written");
            }
            StringAssert.Contains(charts[0].Value, "share of rows");
            StringAssert.Contains(charts[^1].Value, "Synthetic");
            Assert.DoesNotContain("src=\"http", html);
            StringAssert.Contains(html, "ML efficacy");
            StringAssert.Contains(html, "Distance to closest record");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public void BarsAreAsTallAsTheirShares()
    {
        var distribution = new ColumnDistribution
        {
            Column = "colour <&>", Kind = "discrete", Categories = ["red", "blue"], Real = [0.75, 0.25], Synthetic = [0.5, 0.5],
        };
        var svg = XDocument.Parse(ReportPlots.Distribution(distribution)).Root!;
        XNamespace ns = "http://www.w3.org/2000/svg";
        var heights = svg.Elements(ns + "rect")
            .Where(r => r.Attribute("fill")?.Value is "#1f77b4" or "#ff7f0e" && r.Attribute("width")?.Value != "10")
            .Select(r => double.Parse(r.Attribute("height")!.Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        // real red, synthetic red, real blue, synthetic blue: heights in proportion 0.75 : 0.5 : 0.25 : 0.5.
        Assert.HasCount(4, heights);
        Assert.AreEqual(1.5, heights[0] / heights[1], 0.01);
        Assert.AreEqual(0.5, heights[2] / heights[3], 0.01);
        Assert.AreEqual(heights[1], heights[3], 0.01);
        Assert.AreEqual("colour <&>: real vs synthetic", svg.Element(ns + "title")!.Value, "text is escaped, not dropped");
    }
}
