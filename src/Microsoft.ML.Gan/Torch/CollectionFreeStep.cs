using System.Runtime;

namespace Microsoft.ML.Gan.Torch;

/// <summary>
/// Runs a training step with the garbage collector held off (a no-GC region), so that no TorchSharp object the step
/// still uses can be finalized while a native call reads it. TorchSharp 0.107 passes a temporary <see cref="Scalar"/>
/// for the default alpha of every tensor addition (<c>a + b</c> is <c>a.add(b, 1)</c>); once its handle is read the
/// object is unreachable, and a collection during the call let the finalizer free it mid-call (TabDDPM on the suite's
/// gapminder table: "Expected false to be true" from c10::Scalar::toFloat, three runs out of three). Between steps the
/// collector runs as usual. Sampling calls run the same way (<see cref="Run{T}"/>). When a step allocates more than the budget, or a region cannot be started (another one is
/// open, or the GC configuration cannot set the budget aside), the step runs unprotected, as before.
/// </summary>
internal static class CollectionFreeStep
{
    /// <summary>Managed memory a step may allocate inside the region (large-object heap included).</summary>
    private const long Budget = 96L << 20;

    /// <summary>Of <see cref="Budget"/>, the large-object heap's part (batches of encoded rows are large arrays).</summary>
    private const long LargeObjectBudget = 64L << 20;

    /// <summary>Runs <paramref name="step"/> (a network call that returns its output) in a no-GC region.</summary>
    public static T Run<T>(Func<T> step)
    {
        T result = default!;
        Run(() => { result = step(); });
        return result;
    }

    /// <summary>Runs <paramref name="step"/> in a no-GC region (see the class).</summary>
    public static void Run(Action step)
    {
        bool held;
        try
        {
            held = GC.TryStartNoGCRegion(Budget, LargeObjectBudget);
        }
        catch (InvalidOperationException)
        {
            held = false; // a region is already open (another thread's step)
        }
        catch (ArgumentOutOfRangeException)
        {
            held = false; // the budget exceeds what this GC configuration can set aside
        }
        try
        {
            step();
        }
        finally
        {
            if (held && GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
                GC.EndNoGCRegion();
        }
    }
}
