using System.Net;
using System.Text;

namespace Microsoft.ML.Gan.Tabular.Evaluation;

/// <summary>
/// A chart written as SVG text: a plot area inside margins, linear or category axes with labels, and marks (bars,
/// cells, points, text). It needs no drawing library, so the charts cannot clash with whatever native graphics stack
/// the application loads (ML.NET's ImageAnalytics uses SkiaSharp 2.88).
/// </summary>
internal sealed class SvgChart
{
    private const string Font = "font-family=\"system-ui, sans-serif\"";
    private readonly StringBuilder _body = new();

    /// <summary>A chart of <paramref name="width"/> × <paramref name="height"/> pixels whose plot area leaves the given margins.</summary>
    public SvgChart(int width, int height, double left, double top, double right, double bottom)
    {
        Width = width;
        Height = height;
        Left = left;
        Top = top;
        Right = width - right;
        Bottom = height - bottom;
    }

    public int Width { get; }
    public int Height { get; }

    /// <summary>The plot area's edges in pixels (y grows downwards).</summary>
    public double Left { get; }
    public double Top { get; }
    public double Right { get; }
    public double Bottom { get; }

    /// <summary>A scale from data values onto the plot area's horizontal extent.</summary>
    public LinearScale HorizontalScale(double min, double max) => new(min, max, Left, Right);

    /// <summary>A scale from data values onto the plot area's vertical extent (larger values higher up).</summary>
    public LinearScale VerticalScale(double min, double max) => new(min, max, Bottom, Top);

    /// <summary>The centre of band <paramref name="index"/> of <paramref name="count"/> equal bands across the plot area.</summary>
    public double BandCenter(int index, int count, bool vertical = false) =>
        vertical ? Top + (Bottom - Top) * (index + 0.5) / count : Left + (Right - Left) * (index + 0.5) / count;

    public void Title(string text) =>
        Text(Width / 2.0, 20, text, anchor: "middle", size: 15, weight: "600");

    /// <summary>The bottom axis line with ticks at round values of <paramref name="scale"/> and an axis label.</summary>
    public void BottomAxis(LinearScale scale, string label)
    {
        Line(Left, Bottom, Right, Bottom);
        foreach (double value in scale.Ticks())
        {
            double x = scale.Map(value);
            Line(x, Bottom, x, Bottom + 5);
            Text(x, Bottom + 18, Number(value), anchor: "middle");
        }
        Text((Left + Right) / 2, Height - 8, label, anchor: "middle", size: 12);
    }

    /// <summary>The left axis line with ticks and light grid lines at round values of <paramref name="scale"/>, and a rotated label.</summary>
    public void LeftAxis(LinearScale scale, string label)
    {
        Line(Left, Top, Left, Bottom);
        foreach (double value in scale.Ticks())
        {
            double y = scale.Map(value);
            Line(Left - 5, y, Left, y);
            if (Math.Abs(y - Bottom) > 0.5)
                Line(Left, y, Right, y, "#e6e6e6");
            Text(Left - 8, y + 4, Number(value), anchor: "end");
        }
        double middle = (Top + Bottom) / 2;
        _body.Append(CultureInfo.InvariantCulture, $"<text x=\"14\" y=\"{middle:0.#}\" transform=\"rotate(-90 14 {middle:0.#})\" text-anchor=\"middle\" font-size=\"12\" {Font}>{Encode(label)}</text>\n");
    }

    /// <summary>Category labels under the bands of the plot area, ending at their band and turned 45° so long names fit.</summary>
    public void BottomCategories(IReadOnlyList<string> labels)
    {
        Line(Left, Bottom, Right, Bottom);
        for (int k = 0; k < labels.Count; k++)
        {
            double x = BandCenter(k, labels.Count) + 3, y = Bottom + 12;
            _body.Append(CultureInfo.InvariantCulture, $"<text x=\"{x:0.#}\" y=\"{y:0.#}\" transform=\"rotate(-45 {x:0.#} {y:0.#})\" text-anchor=\"end\" font-size=\"10\" {Font}>{Encode(labels[k])}</text>\n");
        }
    }

    /// <summary>Category labels beside the bands of the plot area, first at the top.</summary>
    public void LeftCategories(IReadOnlyList<string> labels)
    {
        for (int k = 0; k < labels.Count; k++)
            Text(Left - 6, BandCenter(k, labels.Count, vertical: true) + 4, labels[k], anchor: "end", size: 10);
    }

    /// <summary>A legend of coloured squares in the plot area's upper right corner.</summary>
    public void Legend(params (string Label, string Color)[] entries)
    {
        double y = Top + 6;
        foreach (var (label, color) in entries)
        {
            Rectangle(Right - 92, y, 10, 10, color);
            Text(Right - 78, y + 9, label);
            y += 16;
        }
    }

    public void Rectangle(double x, double y, double width, double height, string color, double opacity = 1) =>
        _body.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.##}\" y=\"{y:0.##}\" width=\"{Math.Max(0, width):0.##}\" height=\"{Math.Max(0, height):0.##}\" fill=\"{color}\"{Opacity(opacity)}/>\n");

    public void Circle(double x, double y, double radius, string color, double opacity = 1) =>
        _body.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{x:0.##}\" cy=\"{y:0.##}\" r=\"{radius:0.##}\" fill=\"{color}\"{Opacity(opacity)}/>\n");

    public void Line(double x1, double y1, double x2, double y2, string color = "#444") =>
        _body.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x1:0.##}\" y1=\"{y1:0.##}\" x2=\"{x2:0.##}\" y2=\"{y2:0.##}\" stroke=\"{color}\" stroke-width=\"1\"/>\n");

    public void Text(double x, double y, string text, string anchor = "start", double size = 11, string weight = "normal", string color = "#222") =>
        _body.Append(CultureInfo.InvariantCulture, $"<text x=\"{x:0.#}\" y=\"{y:0.#}\" text-anchor=\"{anchor}\" font-size=\"{size}\" font-weight=\"{weight}\" fill=\"{color}\" {Font}>{Encode(text)}</text>\n");

    /// <summary>The chart as an <c>&lt;svg&gt;</c> element, with <paramref name="description"/> as its accessible title.</summary>
    public string ToSvg(string description) =>
        $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" role=\"img\">" +
        $"<title>{Encode(description)}</title>\n<rect width=\"{Width}\" height=\"{Height}\" fill=\"white\"/>\n{_body}</svg>";

    /// <summary>A label of at most 18 characters.</summary>
    public static string Shorten(string label) => label.Length <= 18 ? label : label[..17] + "…";

    /// <summary>A tick label: up to four significant digits, no exponent for ordinary magnitudes.</summary>
    public static string Number(double value) =>
        Math.Abs(value) is >= 1e-4 and < 1e6 or 0 ? value.ToString("0.####", CultureInfo.InvariantCulture) : value.ToString("0.##E0", CultureInfo.InvariantCulture);

    private static string Opacity(double opacity) =>
        opacity < 1 ? string.Create(CultureInfo.InvariantCulture, $" fill-opacity=\"{opacity:0.##}\"") : "";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}

/// <summary>A linear map from a data range onto a pixel range, with round tick values.</summary>
internal readonly record struct LinearScale(double Min, double Max, double PixelStart, double PixelEnd)
{
    public double Map(double value) =>
        Max > Min ? PixelStart + (value - Min) / (Max - Min) * (PixelEnd - PixelStart) : (PixelStart + PixelEnd) / 2;

    /// <summary>About <paramref name="count"/> values of 1, 2 or 5 × 10^k inside the range.</summary>
    public IEnumerable<double> Ticks(int count = 5)
    {
        if (!(Max > Min) || !double.IsFinite(Max - Min))
        {
            yield return Min;
            yield break;
        }
        double rough = (Max - Min) / count, power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        double step = power * (rough / power < 1.5 ? 1 : rough / power < 3.5 ? 2 : rough / power < 7.5 ? 5 : 10);
        for (double tick = Math.Ceiling(Min / step) * step; tick <= Max + step * 1e-9; tick += step)
            yield return Math.Abs(tick) < step * 1e-9 ? 0 : tick;
    }
}
