using System.Text.Json;
using System.Text.Json.Serialization;

namespace Microsoft.ML.Gan.Tabular.Evaluation;

/// <summary>
/// The quality and privacy report of synthetic data against the real data it imitates: column shapes, pair trends,
/// ML efficacy, privacy, and the frequencies behind the plots. Made by
/// <c>mlContext.Gan().Tabular.Evaluate(real, synthetic, options)</c>; <see cref="ToJson"/> and
/// <see cref="SaveHtml"/> write it out.
/// </summary>
public sealed class TabularQualityReport
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Rows of the real data (all of them are compared for column shapes and pair trends).</summary>
    public required int RealRows { get; init; }

    /// <summary>Real rows used as training rows by ML efficacy and as the reference of the privacy distances.</summary>
    public required int RealTrainingRows { get; init; }

    /// <summary>Real holdout rows (test set of ML efficacy, baseline of the privacy checks).</summary>
    public required int RealHoldoutRows { get; init; }

    /// <summary>True when the holdout was split off the real rows because no <see cref="TabularEvaluationOptions.RealHoldout"/> was given.</summary>
    public required bool HoldoutSplitFromReal { get; init; }

    /// <summary>Synthetic rows.</summary>
    public required int SyntheticRows { get; init; }

    /// <summary>Mean of <see cref="ColumnShapesScore"/> and <see cref="PairTrendsScore"/> (or the former alone when there are no pairs).</summary>
    public required double OverallScore { get; init; }

    /// <summary>Mean of the per-column shape scores.</summary>
    public required double ColumnShapesScore { get; init; }

    /// <summary>Per column, how closely the synthetic distribution matches the real one.</summary>
    public required IReadOnlyList<ColumnShapeScore> ColumnShapes { get; init; }

    /// <summary>Mean of the defined pair-trend scores, or null when there is no pair with a defined score.</summary>
    public double? PairTrendsScore { get; init; }

    /// <summary>Per pair of columns, how closely their relationship is kept.</summary>
    public required IReadOnlyList<PairTrendScore> PairTrends { get; init; }

    /// <summary>The correlation coefficient of the correlation similarities and heatmaps.</summary>
    public required CorrelationMethod CorrelationMethod { get; init; }

    /// <summary>ML efficacy, or null when no <see cref="TabularEvaluationOptions.LabelColumn"/> was given.</summary>
    public MlEfficacyResult? MlEfficacy { get; init; }

    /// <summary>Privacy: distance to closest record against a holdout baseline, exact copies, rare categories.</summary>
    public required PrivacyResult Privacy { get; init; }

    /// <summary>Per column, real and synthetic frequencies (the data of the histograms and bar charts).</summary>
    public required IReadOnlyList<ColumnDistribution> Distributions { get; init; }

    /// <summary>Correlations among the real continuous columns, or null when there are fewer than two.</summary>
    public CorrelationMatrix? RealCorrelations { get; init; }

    /// <summary>Correlations among the synthetic continuous columns, or null when there are fewer than two.</summary>
    public CorrelationMatrix? SyntheticCorrelations { get; init; }

    /// <summary>Seconds spent on each part of the evaluation.</summary>
    public required IReadOnlyDictionary<string, double> Timings { get; init; }

    /// <summary>The report as indented JSON (System.Text.Json; enums as names, undefined values left out).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>
    /// Writes a self-contained HTML page (no external files: plots are PNG images embedded as base64) with the
    /// scores, tables, per-column histograms and bar charts, and real and synthetic correlation heatmaps.
    /// </summary>
    /// <param name="path">The file to write (written to a temporary file first, then renamed).</param>
    /// <param name="overwrite">Replace an existing file (the default); false makes an existing file an <see cref="IOException"/>.</param>
    public void SaveHtml(string path, bool overwrite = true) => SaveText(path, HtmlReportWriter.Write(this), overwrite);

    /// <summary>Writes <see cref="ToJson"/> to a file, atomically.</summary>
    /// <inheritdoc cref="SaveHtml" path="/param"/>
    public void SaveJson(string path, bool overwrite = true) => SaveText(path, ToJson(), overwrite);

    private static void SaveText(string path, string text, bool overwrite) =>
        AtomicFile.Write(path, overwrite, stream =>
        {
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), leaveOpen: true);
            writer.Write(text);
        });
}
