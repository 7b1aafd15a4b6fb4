namespace Microsoft.ML.Gan.Cli;

/// <summary>
/// A progress bar of rows written (rows, rate, time left) while a sample or export runs, shown only on an interactive
/// terminal: with output redirected to a file or a pipe nothing is drawn.
/// </summary>
internal static class RowProgressDisplay
{
    public static T Run<T>(string title, long rows, Func<IProgress<long>?, T> work)
    {
        if (!Interactive)
            return work(null);
        T result = default!;
        AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask(title, maxValue: Math.Max(1, rows));
                result = work(new Reporter(written =>
                {
                    task.Value = written;
                    task.Description = $"{title}: {written:N0} of {rows:N0} rows";
                }));
                task.Value = task.MaxValue;
            });
        return result;
    }

    /// <summary>Whether progress bars are drawn: an interactive terminal with standard output not redirected.</summary>
    public static bool Interactive => AnsiConsole.Profile.Capabilities.Interactive && !Console.IsOutputRedirected;

    /// <summary>Reports on the writing thread, so the bar moves while rows are written.</summary>
    private sealed class Reporter(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
