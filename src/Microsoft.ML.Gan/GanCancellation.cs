using System.Linq.Expressions;
using Microsoft.ML.Runtime;

namespace Microsoft.ML.Gan;

/// <summary>
/// Cancellation of a fit, checked once per training step by every training loop: the options'
/// <see cref="CancellationToken"/> and ML.NET's own <c>mlContext.CancelExecution()</c>.
/// </summary>
/// <remarks>
/// <c>CancelExecution()</c> (an extension in Microsoft.ML.Experimental) calls
/// <c>Microsoft.ML.Runtime.ICancelable.CancelExecution</c> on the context's environment, which cancels every host
/// registered from it, and ML.NET's trainers poll their host's <c>ICancelable.IsCanceled</c> through
/// <c>host.CheckAlive()</c>. Both members are internal to Microsoft.ML.Core, so the getter is found once through
/// reflection and cached as a compiled delegate (the per-step cost is one call). The host of the fit is known to the
/// loops through <see cref="GanHost.WithLog"/>, which every estimator runs its training in; it is ambient (an
/// <see cref="AsyncLocal{T}"/>) so that the loops need no extra parameter. Should a later ML.NET drop the interface,
/// the context's cancellation is not seen (the token still works); the tests of this class fail in that case.
/// </remarks>
internal static class GanCancellation
{
    private static readonly Type? Cancelable = typeof(IHostEnvironment).Assembly.GetType("Microsoft.ML.Runtime.ICancelable");

    private static readonly Func<object, bool>? IsCanceledGetter = CreateGetter();

    private static readonly AsyncLocal<object?> FittingHost = new();

    /// <summary>Whether ML.NET's cancellation of <paramref name="host"/> (a context or a host registered from one) was requested.</summary>
    public static bool IsCanceled(IHostEnvironment host) =>
        IsCanceledGetter is not null && Cancelable!.IsInstanceOfType(host) && IsCanceledGetter(host);

    /// <summary>Throws <see cref="OperationCanceledException"/> if the token or the fit's MLContext was canceled.</summary>
    public static void ThrowIfCanceled(CancellationToken token)
    {
        token.ThrowIfCancellationRequested();
        if (FittingHost.Value is IHostEnvironment host && IsCanceled(host))
            throw new OperationCanceledException("The fit was canceled through MLContext.CancelExecution().");
    }

    /// <summary>Runs <paramref name="work"/> with <paramref name="host"/> as the fit's host (see the remarks).</summary>
    public static T Within<T>(IHostEnvironment host, Func<T> work)
    {
        var outer = FittingHost.Value;
        FittingHost.Value = host;
        try
        {
            return work();
        }
        finally
        {
            FittingHost.Value = outer;
        }
    }

    private static Func<object, bool>? CreateGetter()
    {
        var property = Cancelable?.GetProperty("IsCanceled");
        if (property?.GetMethod is null || property.PropertyType != typeof(bool))
            return null;
        var host = Expression.Parameter(typeof(object), "host");
        return Expression.Lambda<Func<object, bool>>(Expression.Property(Expression.Convert(host, Cancelable!), property), host).Compile();
    }
}
