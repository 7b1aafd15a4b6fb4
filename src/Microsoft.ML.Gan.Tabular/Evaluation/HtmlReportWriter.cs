using System.Net;
using System.Text;

namespace Microsoft.ML.Gan.Tabular.Evaluation;

/// <summary>Renders a <see cref="TabularQualityReport"/> as one self-contained HTML page with its charts inline as SVG.</summary>
internal static class HtmlReportWriter
{
    private const string Style = """
        body { font-family: system-ui, sans-serif; margin: 2em; color: #222; }
        h1 { margin-bottom: 0.2em; } h2 { border-bottom: 1px solid #ccc; padding-bottom: 0.2em; margin-top: 1.6em; }
        table { border-collapse: collapse; margin: 0.6em 0; } td, th { border: 1px solid #ddd; padding: 3px 8px; text-align: left; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; } th { background: #f3f3f3; }
        .scores { display: flex; gap: 1.2em; flex-wrap: wrap; } .score { background: #f6f8fa; border-radius: 6px; padding: 0.6em 1.2em; }
        .score b { font-size: 1.6em; display: block; } .plots { display: flex; flex-wrap: wrap; gap: 8px; }
        .plots svg { border: 1px solid #eee; max-width: 100%; height: auto; } .note { color: #666; font-size: 0.9em; }
        """;

    public static string Write(TabularQualityReport report)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Synthetic data quality report</title><style>")
            .Append(Style).Append("</style></head><body>\n<h1>Synthetic data quality report</h1>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">{report.RealRows} real rows ({report.RealTrainingRows} training, {report.RealHoldoutRows} holdout{(report.HoldoutSplitFromReal ? ", split off the real rows at random" : ", given")}), {report.SyntheticRows} synthetic rows.</p>\n");
        html.Append("<div class=\"scores\">");
        Score(html, "Overall quality", report.OverallScore);
        Score(html, "Column shapes", report.ColumnShapesScore);
        Score(html, "Pair trends", report.PairTrendsScore);
        Score(html, "Exact-copy rate", report.Privacy.ExactCopyRate);
        html.Append("</div>\n");

        ColumnShapes(html, report);
        PairTrends(html, report);
        if (report.MlEfficacy is { } efficacy)
            Efficacy(html, efficacy);
        Privacy(html, report.Privacy);
        Plots(html, report);
        html.Append("</body></html>\n");
        return html.ToString();
    }

    private static void Score(StringBuilder html, string name, double? value) =>
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"score\"><b>{Number(value)}</b>{Encode(name)}</div>");

    private static void ColumnShapes(StringBuilder html, TabularQualityReport report)
    {
        html.Append("<h2 id=\"shapes\">Column shapes</h2>\n<p class=\"note\">KSComplement = 1 − Kolmogorov–Smirnov statistic (continuous); TVComplement = 1 − total variation distance (categorical). 1 is identical.</p>\n");
        html.Append("<table><tr><th>Column</th><th>Kind</th><th>Metric</th><th>Score</th></tr>\n");
        foreach (var s in report.ColumnShapes)
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Encode(s.Column)}</td><td>{s.Kind}</td><td>{s.Metric}</td><td class=\"num\">{Number(s.Score)}</td></tr>\n");
        html.Append("</table>\n");
    }

    private static void PairTrends(StringBuilder html, TabularQualityReport report)
    {
        html.Append(CultureInfo.InvariantCulture, $"<h2 id=\"pairs\">Pair trends</h2>\n<p class=\"note\">CorrelationSimilarity = 1 − |ρ<sub>real</sub> − ρ<sub>synthetic</sub>| / 2 ({report.CorrelationMethod}) for continuous pairs; ContingencySimilarity = 1 − total variation of the joint frequencies otherwise. Lowest {Math.Min(25, report.PairTrends.Count)} of {report.PairTrends.Count} pairs; all pairs are in the JSON report.</p>\n");
        html.Append("<table><tr><th>Column 1</th><th>Column 2</th><th>Metric</th><th>Real ρ</th><th>Synthetic ρ</th><th>Score</th></tr>\n");
        foreach (var p in report.PairTrends.OrderBy(p => p.Score ?? double.MaxValue).Take(25))
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Encode(p.Column1)}</td><td>{Encode(p.Column2)}</td><td>{p.Metric}</td><td class=\"num\">{Number(p.RealCorrelation)}</td><td class=\"num\">{Number(p.SyntheticCorrelation)}</td><td class=\"num\">{Number(p.Score)}</td></tr>\n");
        html.Append("</table>\n");
    }

    private static void Efficacy(StringBuilder html, MlEfficacyResult efficacy)
    {
        html.Append(CultureInfo.InvariantCulture, $"<h2 id=\"efficacy\">ML efficacy</h2>\n<p class=\"note\">Label '{Encode(efficacy.LabelColumn)}', {efficacy.Task}{(efficacy.PositiveClass is { } p ? $", positive class '{Encode(p)}'" : "")}. Each trainer is trained on {efficacy.RealTrainingRows} real rows (TRTR) and on {efficacy.SyntheticTrainingRows} synthetic rows (TSTR), and both are tested on {efficacy.TestRows} real holdout rows.</p>\n");
        html.Append("<table><tr><th>Trainer</th><th>Metric</th><th>Train real, test real</th><th>Train synthetic, test real</th></tr>\n");
        foreach (var t in efficacy.Trainers)
        {
            foreach (var (name, real, synthetic) in Metrics(t.TrainRealTestReal, t.TrainSyntheticTestReal))
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Encode(t.Trainer)}</td><td>{name}</td><td class=\"num\">{real}</td><td class=\"num\">{synthetic}</td></tr>\n");
        }
        html.Append("</table>\n");
    }

    private static IEnumerable<(string Name, string Real, string Synthetic)> Metrics(EfficacyMetrics real, EfficacyMetrics synthetic)
    {
        var rows = new (string, Func<EfficacyMetrics, double?>)[]
        {
            ("Accuracy", m => m.Accuracy), ("F1", m => m.F1Score), ("AUC", m => m.AreaUnderRocCurve),
            ("Macro accuracy", m => m.MacroAccuracy), ("Micro accuracy", m => m.MicroAccuracy),
            ("R²", m => m.RSquared), ("RMSE", m => m.RootMeanSquaredError), ("MAE", m => m.MeanAbsoluteError),
        };
        foreach (var (name, get) in rows)
        {
            if (get(real) is null && get(synthetic) is null) continue;
            yield return (name, Number(get(real)), Number(get(synthetic)));
        }
        if (real.Error is not null || synthetic.Error is not null)
            yield return ("Error", Encode(real.Error ?? ""), Encode(synthetic.Error ?? ""));
    }

    private static void Privacy(StringBuilder html, PrivacyResult privacy)
    {
        html.Append(CultureInfo.InvariantCulture, $"<h2 id=\"privacy\">Privacy</h2>\n<p class=\"note\">Distance to closest record (DCR) to the {privacy.TrainingRows} real training rows, on a mixed-type distance in [0, 1] (range-normalized difference for numbers, mismatch for categories, averaged over columns); {privacy.SyntheticSampleRows} synthetic and {privacy.HoldoutSampleRows} holdout rows sampled. Synthetic rows should be no closer than real holdout rows.</p>\n");
        html.Append("<table><tr><th>DCR</th><th>Synthetic</th><th>Real holdout (baseline)</th></tr>\n");
        Row(html, "Minimum", privacy.SyntheticDcr.Minimum, privacy.HoldoutDcr.Minimum);
        Row(html, "5th percentile", privacy.SyntheticDcr.Percentile5, privacy.HoldoutDcr.Percentile5);
        Row(html, "Median", privacy.SyntheticDcr.Median, privacy.HoldoutDcr.Median);
        Row(html, "Mean", privacy.SyntheticDcr.Mean, privacy.HoldoutDcr.Mean);
        Row(html, "Exact-copy rate", privacy.ExactCopyRate, privacy.HoldoutExactCopyRate);
        html.Append("</table>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p>Share of synthetic rows closer than the holdout's 5th percentile: <b>{Number(privacy.SyntheticShareBelowHoldoutPercentile5)}</b> (about 0.05 expected). Synthetic rows carrying a category seen fewer than {privacy.RareCategoryThreshold} times in the real training rows: <b>{Number(privacy.RareCategoryExposureRate)}</b>.</p>\n");
        MembershipInference(html, privacy.MembershipInference);
        if (privacy.ExposedCategories.Count > 0)
        {
            html.Append("<table><tr><th>Column</th><th>Rare category</th><th>Real count</th><th>Synthetic count</th></tr>\n");
            foreach (var e in privacy.ExposedCategories)
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Encode(e.Column)}</td><td>{Encode(e.Category)}</td><td class=\"num\">{e.RealCount}</td><td class=\"num\">{e.SyntheticCount}</td></tr>\n");
            html.Append("</table>\n");
        }
    }

    private static void MembershipInference(StringBuilder html, MembershipInferenceResult? attack)
    {
        if (attack is null)
        {
            html.Append("<p class=\"note\">Membership inference: not run (it needs a holdout of real rows the synthesizer never saw).</p>\n");
            return;
        }
        html.Append(CultureInfo.InvariantCulture, $"<h3 id=\"membership\">Membership inference</h3>\n<p>A distance-to-closest-record attack guesses that a real row was trained on when it lies close to a synthetic row; on {attack.MemberRows} training rows and {attack.NonMemberRows} holdout rows against {attack.SyntheticRows} synthetic rows its AUC is <b>{Number(attack.AreaUnderRocCurve)}</b> (0.5 = no leakage, 1 = every training row given away) and its advantage (largest TPR − FPR) <b>{Number(attack.Advantage)}</b>. An empirical check beside any differential-privacy ε, which bounds every attack.</p>\n");
    }

    private static void Row(StringBuilder html, string name, double synthetic, double holdout) =>
        html.Append(CultureInfo.InvariantCulture, $"<tr><td>{name}</td><td class=\"num\">{Number(synthetic)}</td><td class=\"num\">{Number(holdout)}</td></tr>\n");

    private static void Plots(StringBuilder html, TabularQualityReport report)
    {
        html.Append("<h2 id=\"distributions\">Distributions</h2>\n<div class=\"plots\">\n");
        foreach (var distribution in report.Distributions)
            html.Append(ReportPlots.Distribution(distribution)).Append('\n');
        html.Append("</div>\n");
        if (report.RealCorrelations is { } real && report.SyntheticCorrelations is { } synthetic)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h2 id=\"correlations\">Correlations ({report.CorrelationMethod})</h2>\n<div class=\"plots\">\n");
            html.Append(ReportPlots.Heatmap(real, "Real")).Append('\n');
            html.Append(ReportPlots.Heatmap(synthetic, "Synthetic")).Append('\n');
            html.Append("</div>\n");
        }
    }

    private static string Number(double? value) =>
        value is { } v && double.IsFinite(v) ? v.ToString("0.0000", CultureInfo.InvariantCulture) : "–";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
