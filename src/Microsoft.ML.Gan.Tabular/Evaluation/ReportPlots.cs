namespace Microsoft.ML.Gan.Tabular.Evaluation;

/// <summary>The report's charts as inline SVG: real vs synthetic per column, and correlation heatmaps.</summary>
internal static class ReportPlots
{
    private const string RealColor = "#1f77b4";
    private const string SyntheticColor = "#ff7f0e";

    /// <summary>A histogram (continuous) or grouped bar chart (discrete) of real vs synthetic shares.</summary>
    public static string Distribution(ColumnDistribution distribution)
    {
        bool continuous = distribution.BinEdges is not null;
        var chart = new SvgChart(560, 360, left: 62, top: 34, right: 16, bottom: continuous ? 46 : 96);
        double highest = distribution.Real.Concat(distribution.Synthetic).DefaultIfEmpty(0).Max();
        var y = chart.VerticalScale(0, highest > 0 ? highest * 1.08 : 1);
        chart.LeftAxis(y, "share of rows");
        if (distribution.BinEdges is { } edges)
            Histogram(chart, y, edges, distribution);
        else
            Categories(chart, y, distribution.Categories ?? [], distribution);
        chart.Title(distribution.Column);
        chart.Legend(("real", RealColor), ("synthetic", SyntheticColor));
        return chart.ToSvg($"{distribution.Column}: real vs synthetic");
    }

    private static void Histogram(SvgChart chart, LinearScale y, IReadOnlyList<double> edges, ColumnDistribution distribution)
    {
        var x = chart.HorizontalScale(edges[0], edges[^1] > edges[0] ? edges[^1] : edges[0] + 1);
        for (int k = 0; k < distribution.Real.Count; k++)
        {
            double from = x.Map(edges[k]), to = k + 1 < edges.Count ? x.Map(edges[k + 1]) : from + 1;
            Bar(chart, y, from, to - from, distribution.Real[k], RealColor, 0.55);
            Bar(chart, y, from, to - from, distribution.Synthetic[k], SyntheticColor, 0.55);
        }
        chart.BottomAxis(x, "value");
    }

    private static void Categories(SvgChart chart, LinearScale y, IReadOnlyList<string> categories, ColumnDistribution distribution)
    {
        int n = categories.Count;
        double band = (chart.Right - chart.Left) / Math.Max(1, n);
        for (int k = 0; k < n; k++)
        {
            double center = chart.BandCenter(k, n);
            Bar(chart, y, center - band * 0.4, band * 0.4, distribution.Real[k], RealColor, 1);
            Bar(chart, y, center, band * 0.4, distribution.Synthetic[k], SyntheticColor, 1);
        }
        chart.BottomCategories([.. categories.Select(SvgChart.Shorten)]);
    }

    private static void Bar(SvgChart chart, LinearScale y, double x, double width, double value, string color, double opacity)
    {
        double top = y.Map(value);
        chart.Rectangle(x, top, width, y.Map(0) - top, color, opacity);
    }

    /// <summary>A heatmap of a correlation matrix on the fixed range [−1, 1], each cell labelled with its value.</summary>
    public static string Heatmap(CorrelationMatrix matrix, string title)
    {
        int n = matrix.Columns.Count;
        var chart = new SvgChart(540, 500, left: 120, top: 34, right: 70, bottom: 110);
        double cellWidth = (chart.Right - chart.Left) / Math.Max(1, n), cellHeight = (chart.Bottom - chart.Top) / Math.Max(1, n);
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double? value = matrix.Values[i][j];
                double x = chart.Left + j * cellWidth, y = chart.Top + i * cellHeight;
                chart.Rectangle(x, y, cellWidth, cellHeight, value is { } v ? Diverging(v) : "#d3d3d3");
                string text = value is { } w ? w.ToString("0.00", CultureInfo.InvariantCulture) : "n/a";
                chart.Text(x + cellWidth / 2, y + cellHeight / 2 + 4, text, anchor: "middle", size: 10,
                    color: value is { } u && Math.Abs(u) > 0.6 ? "white" : "#222");
            }
        }
        string[] labels = [.. matrix.Columns.Select(SvgChart.Shorten)];
        chart.BottomCategories(labels);
        chart.LeftCategories(labels);
        ColorBar(chart);
        chart.Title(title);
        return chart.ToSvg($"{title} correlation heatmap");
    }

    /// <summary>The colour scale, −1 at the bottom to 1 at the top, right of the plot area.</summary>
    private static void ColorBar(SvgChart chart)
    {
        const int Steps = 40;
        var scale = chart.VerticalScale(-1, 1);
        double x = chart.Right + 14, step = (chart.Bottom - chart.Top) / Steps;
        for (int s = 0; s < Steps; s++)
            chart.Rectangle(x, chart.Top + s * step, 14, step + 0.5, Diverging(1 - 2 * (s + 0.5) / Steps));
        foreach (double value in new[] { -1.0, -0.5, 0, 0.5, 1 })
            chart.Text(x + 18, scale.Map(value) + 4, SvgChart.Number(value), size: 10);
    }

    /// <summary>Blue (−1) through white (0) to red (+1).</summary>
    private static string Diverging(double value)
    {
        double t = Math.Clamp(value, -1, 1);
        (int R, int G, int B) end = t < 0 ? (59, 76, 192) : (180, 4, 38);
        double a = Math.Abs(t);
        int Mix(int to) => (int)Math.Round(255 + (to - 255) * a);
        return $"#{Mix(end.R):x2}{Mix(end.G):x2}{Mix(end.B):x2}";
    }
}
