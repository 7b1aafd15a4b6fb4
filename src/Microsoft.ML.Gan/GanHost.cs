using Microsoft.ML.Runtime;

namespace Microsoft.ML.Gan;

/// <summary>ML.NET host plumbing shared by the families: seeds derived from the MLContext and its log channel.</summary>
internal static class GanHost
{
    /// <summary>
    /// The seed to use: the explicit one, else the next draw of the MLContext's random source (deterministic for
    /// <c>new MLContext(seed)</c>).
    /// </summary>
    public static int ResolveSeed(MLContext context, int? explicitSeed, string componentName) =>
        explicitSeed ?? ((IHostEnvironment)context).Register(componentName).Rand.Next();

    /// <summary>
    /// Runs <paramref name="work"/> (a fit) with a logger that writes info lines to <c>MLContext.Log</c>; inside it,
    /// <c>mlContext.CancelExecution()</c> stops the training loops within one step (they throw
    /// <see cref="OperationCanceledException"/>).
    /// </summary>
    public static T WithLog<T>(MLContext context, string componentName, Func<Action<string>, T> work)
    {
        var host = ((IHostEnvironment)context).Register(componentName);
        using var channel = host.Start("Training");
        return GanCancellation.Within(host, () => work(message => channel.Info(MessageSensitivity.None, message)));
    }
}
