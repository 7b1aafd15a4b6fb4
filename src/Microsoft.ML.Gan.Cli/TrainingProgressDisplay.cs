using Microsoft.ML.Gan.Training;

namespace Microsoft.ML.Gan.Cli;

/// <summary>
/// Shows the engine's progress reports as a live progress bar (epoch, losses, ETA) while work runs; without an
/// interactive terminal, as a line at every tenth of the steps.
/// </summary>
internal static class TrainingProgressDisplay
{
    public static T Run<T>(string title, Func<IProgress<GanProgress>, T> work)
    {
        if (!RowProgressDisplay.Interactive)
        {
            long printed = -1;
            return work(new Reporter(report =>
            {
                long tenth = report.Step * 10 / Math.Max(1, report.TotalSteps);
                if (tenth <= printed)
                    return;
                printed = tenth;
                Console.WriteLine($"{title}: step {report.Step:N0} of {report.TotalSteps:N0}, epoch {report.Epoch:F1}, D {report.DiscriminatorLoss:F3}, G {report.GeneratorLoss:F3}");
            }));
        }
        T result = default!;
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask(title, maxValue: 1);
                var progress = new Reporter(report =>
                {
                    task.MaxValue = report.TotalSteps;
                    task.Value = report.Step;
                    // Under differential privacy the discriminator's loss is not released (NaN).
                    string d = double.IsNaN(report.DiscriminatorLoss) ? "" : $"D {report.DiscriminatorLoss:F3}, ";
                    task.Description = $"{title}: epoch {report.Epoch:F1}, {d}G {report.GeneratorLoss:F3}";
                });
                result = work(progress);
                task.Value = task.MaxValue;
            });
        return result;
    }

    /// <summary>Reports on the training thread, so the bar moves while the engine runs.</summary>
    private sealed class Reporter(Action<GanProgress> report) : IProgress<GanProgress>
    {
        public void Report(GanProgress value) => report(value);
    }
}
