using Microsoft.ML.Runtime;

namespace Microsoft.ML.Gan;

/// <summary>ML.NET host plumbing shared by the families: seeds derived from the MLContext and its log channel.</summary>
public static class GanHost
{
    /// <summary>
    /// The seed to use: the explicit one, else the next draw of the MLContext's random source (deterministic for
    /// <c>new MLContext(seed)</c>).
    /// </summary>
    public static int ResolveSeed(MLContext context, int? explicitSeed, string componentName) =>
        explicitSeed ?? ((IHostEnvironment)context).Register(componentName).Rand.Next();

    /// <summary>Runs <paramref name="work"/> with a logger that writes info lines to <c>MLContext.Log</c>.</summary>
    public static T WithLog<T>(MLContext context, string componentName, Func<Action<string>, T> work)
    {
        using var channel = ((IHostEnvironment)context).Register(componentName).Start("Training");
        return work(message => channel.Info(MessageSensitivity.None, message));
    }
}
