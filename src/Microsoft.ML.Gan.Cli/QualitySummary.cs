namespace Microsoft.ML.Gan.Cli;

/// <summary>
/// Prints the headline numbers of a quality report as a table. The privacy rows (exact copies, distance to the closest
/// real record, each beside the holdout's baseline) sit right under the scores, so that a copy of the real table
/// cannot look like a perfect synthesizer; a warning follows when the synthetic rows copy real rows more often than
/// real rows repeat each other.
/// </summary>
internal static class QualitySummary
{
    public static void Print(TabularQualityReport report)
    {
        var privacy = report.Privacy;
        var table = new Table().AddColumn("metric").AddColumn(new TableColumn("value").RightAligned());
        table.AddRow("overall score", $"{report.OverallScore:F3}");
        table.AddRow("column shapes (KS / TV complement)", $"{report.ColumnShapesScore:F3}");
        if (report.PairTrendsScore is double pairs)
            table.AddRow("pair trends", $"{pairs:F3}");
        long copies = (long)Math.Round(privacy.ExactCopyRate * report.SyntheticRows);
        table.AddRow("exact copies of real training rows (holdout baseline)",
            $"{copies:N0} of {report.SyntheticRows:N0} = {privacy.ExactCopyRate:P1} ({privacy.HoldoutExactCopyRate:P1})");
        table.AddRow("distance to closest real record, median (holdout)",
            $"{privacy.SyntheticDcr.Median:F3} ({privacy.HoldoutDcr.Median:F3})");
        table.AddRow("distance to closest real record, 5th percentile (holdout)",
            $"{privacy.SyntheticDcr.Percentile5:F3} ({privacy.HoldoutDcr.Percentile5:F3})");
        if (report.MlEfficacy is { } efficacy)
        {
            foreach (var trainer in efficacy.Trainers)
            {
                table.AddRow($"{trainer.Trainer}: train real → test real", Headline(trainer.TrainRealTestReal));
                table.AddRow($"{trainer.Trainer}: train synthetic → test real", Headline(trainer.TrainSyntheticTestReal));
            }
        }
        if (report.Privacy.MembershipInference is { } attack)
            table.AddRow("membership inference AUC (0.5 = no leak)", $"{attack.AreaUnderRocCurve:F3} (advantage {attack.Advantage:F3})");
        AnsiConsole.Write(table);
        if (privacy.ExactCopyRate > Math.Max(0.01, 2 * privacy.HoldoutExactCopyRate))
            AnsiConsole.MarkupLineInterpolated(
                $"[yellow]warning:[/] {privacy.ExactCopyRate:P1} of the synthetic rows are exact copies of real training rows (real holdout rows: {privacy.HoldoutExactCopyRate:P1}); the scores above do not measure privacy.");
    }

    private static string Headline(EfficacyMetrics metrics) =>
        metrics.AreaUnderRocCurve is double auc ? $"AUC {auc:F3}, accuracy {metrics.Accuracy:F3}, F1 {metrics.F1Score:F3}"
        : metrics.MacroAccuracy is double macro ? $"macro accuracy {macro:F3}"
        : $"R² {metrics.RSquared:F3}";
}
