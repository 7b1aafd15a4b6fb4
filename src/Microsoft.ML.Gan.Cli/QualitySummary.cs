using Microsoft.ML.Gan.Tabular.Evaluation;
using Spectre.Console;

namespace Microsoft.ML.Gan.Cli;

/// <summary>Prints the headline numbers of a quality report as a table.</summary>
internal static class QualitySummary
{
    public static void Print(TabularQualityReport report)
    {
        var table = new Table().AddColumn("metric").AddColumn(new TableColumn("value").RightAligned());
        table.AddRow("overall score", $"{report.OverallScore:F3}");
        table.AddRow("column shapes (KS / TV complement)", $"{report.ColumnShapesScore:F3}");
        if (report.PairTrendsScore is double pairs)
            table.AddRow("pair trends", $"{pairs:F3}");
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
    }

    private static string Headline(EfficacyMetrics metrics) =>
        metrics.AreaUnderRocCurve is double auc ? $"AUC {auc:F3}, accuracy {metrics.Accuracy:F3}, F1 {metrics.F1Score:F3}"
        : metrics.MacroAccuracy is double macro ? $"macro accuracy {macro:F3}"
        : $"R² {metrics.RSquared:F3}";
}
