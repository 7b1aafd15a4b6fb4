using Microsoft.ML.Gan.Training;
using Spectre.Console;

namespace Microsoft.ML.Gan.Cli;

/// <summary>Shows the engine's progress reports as a live progress bar (epoch, losses, ETA) while work runs.</summary>
internal static class TrainingProgressDisplay
{
    public static T Run<T>(string title, Func<IProgress<GanProgress>, T> work)
    {
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
