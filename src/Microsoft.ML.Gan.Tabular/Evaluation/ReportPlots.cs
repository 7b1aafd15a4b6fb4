using ScottPlot;

namespace Microsoft.ML.Gan.Tabular.Evaluation;

/// <summary>PNG plots of a report, drawn with ScottPlot: real vs synthetic per column, and correlation heatmaps.</summary>
internal static class ReportPlots
{
    private const int Width = 560;
    private const int Height = 360;
    private static readonly Color RealColor = Color.FromHex("#1f77b4");
    private static readonly Color SyntheticColor = Color.FromHex("#ff7f0e");

    /// <summary>A histogram (continuous) or grouped bar chart (discrete) of real vs synthetic shares.</summary>
    public static byte[] Distribution(ColumnDistribution distribution)
    {
        var plot = new Plot();
        try
        {
            if (distribution.BinEdges is { } edges)
                Histogram(plot, edges, distribution);
            else
                Categories(plot, distribution.Categories ?? [], distribution);
            plot.Title(distribution.Column);
            plot.YLabel("share of rows");
            plot.Axes.Margins(bottom: 0);
            plot.ShowLegend(Alignment.UpperRight);
            return plot.GetImageBytes(Width, Height, ImageFormat.Png);
        }
        finally
        {
            plot.Dispose();
        }
    }

    private static void Histogram(Plot plot, IReadOnlyList<double> edges, ColumnDistribution distribution)
    {
        double width = edges.Count > 1 ? edges[1] - edges[0] : 1;
        var centers = Enumerable.Range(0, distribution.Real.Count).Select(k => edges[k] + width / 2).ToArray();
        AddBars(plot, centers, distribution.Real, width, RealColor.WithAlpha(0.55), "real");
        AddBars(plot, centers, distribution.Synthetic, width, SyntheticColor.WithAlpha(0.55), "synthetic");
        plot.XLabel("value");
    }

    private static void Categories(Plot plot, IReadOnlyList<string> categories, ColumnDistribution distribution)
    {
        int n = categories.Count;
        AddBars(plot, [.. Enumerable.Range(0, n).Select(k => k - 0.2)], distribution.Real, 0.4, RealColor, "real");
        AddBars(plot, [.. Enumerable.Range(0, n).Select(k => k + 0.2)], distribution.Synthetic, 0.4, SyntheticColor, "synthetic");
        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, n).Select(k => (double)k)], [.. categories.Select(Shorten)]);
        plot.Axes.Bottom.TickLabelStyle.Rotation = 45;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        plot.Axes.Bottom.MinimumSize = 90;
        plot.Axes.Bottom.MaximumSize = 90;
    }

    private static void AddBars(Plot plot, double[] positions, IReadOnlyList<double> values, double size, Color color, string legend)
    {
        var bars = positions.Select((x, k) => new Bar { Position = x, Value = values[k], Size = size, FillColor = color, LineWidth = 0 }).ToList();
        var plottable = plot.Add.Bars(bars);
        plottable.LegendText = legend;
    }

    private static string Shorten(string label) => label.Length <= 18 ? label : label[..17] + "…";

    /// <summary>A heatmap of a correlation matrix on the fixed range [−1, 1], each cell labelled with its value.</summary>
    public static byte[] Heatmap(CorrelationMatrix matrix, string title)
    {
        int n = matrix.Columns.Count;
        var data = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
                data[i, j] = matrix.Values[i][j] ?? double.NaN;
        }
        var plot = new Plot();
        try
        {
            // Cells are drawn as rectangles (row 0 at the top) so that cell k is centred on tick k; the hidden
            // heatmap only feeds the colour bar.
            var colormap = new ScottPlot.Colormaps.MellowRainbow();
            var scale = plot.Add.Heatmap(new double[,] { { -1, 1 } });
            scale.Colormap = colormap;
            scale.ManualRange = new ScottPlot.Range(-1, 1);
            scale.IsVisible = false;
            plot.Add.ColorBar(scale);
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    double value = data[i, j], y = n - 1 - i;
                    var cell = plot.Add.Rectangle(j - 0.5, j + 0.5, y - 0.5, y + 0.5);
                    cell.FillColor = double.IsNaN(value) ? Colors.LightGray : colormap.GetColor((value + 1) / 2);
                    cell.LineWidth = 0;
                    var text = plot.Add.Text(double.IsNaN(value) ? "n/a" : value.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), j, y);
                    text.LabelAlignment = Alignment.MiddleCenter;
                    text.LabelFontSize = 11;
                }
            }
            plot.Axes.SetLimits(-0.5, n - 0.5, -0.5, n - 0.5);
            double[] positions = [.. Enumerable.Range(0, n).Select(k => (double)k)];
            plot.Axes.Bottom.SetTicks(positions, [.. matrix.Columns.Select(Shorten)]);
            plot.Axes.Bottom.TickLabelStyle.Rotation = 45;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
            plot.Axes.Bottom.MinimumSize = 100;
            plot.Axes.Left.SetTicks([.. positions.Select(p => n - 1 - p)], [.. matrix.Columns.Select(Shorten)]);
            plot.Title(title);
            return plot.GetImageBytes(520, 480, ImageFormat.Png);
        }
        finally
        {
            plot.Dispose();
        }
    }
}
