using System.Runtime;

namespace Microsoft.ML.Gan.Torch;

/// <summary>
/// Runs a training step with the garbage collector held off (a no-GC region), so that no TorchSharp object the step
/// still uses can be finalized while a native call reads it. TorchSharp 0.107 passes a temporary <see cref="Scalar"/>
/// for the default alpha of every tensor addition (<c>a + b</c> is <c>a.add(b, 1)</c>); once its handle is read the
/// object is unreachable, and a collection during the call let the finalizer free it mid-call (TabDDPM on the suite's
/// gapminder table: "Expected false to be true" from c10::Scalar::toFloat, three runs out of three). Between steps the
/// collector runs as usual. Sampling calls run the same way with a smaller budget (<see cref="RunSamplingCall{T}"/>).
/// When a step allocates more than the budget, or a region cannot be started (another one is open on another thread,
/// or the GC configuration cannot set the budget aside), the step runs unprotected, as before.
/// </summary>
internal static class CollectionFreeStep
{
    /// <summary>Managed memory a step may allocate inside the region (large-object heap included).</summary>
    private const long Budget = 96L << 20;

    /// <summary>Of <see cref="Budget"/>, the large-object heap's part (batches of encoded rows are large arrays).</summary>
    private const long LargeObjectBudget = 64L << 20;

    /// <summary>Of a sampling call's region: the call itself allocates only tensor handles, so its budget is small.</summary>
    private const long SamplingBudget = 8L << 20;

    /// <summary>
    /// Runs <paramref name="call"/> (a sampling network call that returns its output) in a no-GC region of 8 MB: a
    /// generous budget would keep the garbage of threads writing the rows meanwhile uncollected (the Parquet export's
    /// working set rose from about 410 to 740 MiB with the training budget).
    /// </summary>
    public static T RunSamplingCall<T>(Func<T> call)
    {
        T result = default!;
        Run(() => { result = call(); }, SamplingBudget, SamplingBudget / 2);
        return result;
    }

    /// <summary>Runs <paramref name="step"/> in a no-GC region (see the class).</summary>
    public static void Run(Action step) => Run(step, Budget, LargeObjectBudget);

    /// <summary>
    /// Held by the thread whose region is open: a no-GC region is process-wide, so only one thread starts and ends it
    /// (the others' calls run inside it while it lasts, or unprotected), and no thread ends another's region.
    /// </summary>
    private static readonly Lock Owner = new();

    private static void Run(Action step, long budget, long largeObjectBudget)
    {
        bool owner = Owner.TryEnter();
        bool held = false;
        try
        {
            if (owner)
                held = TryStart(budget, largeObjectBudget);
            step();
        }
        finally
        {
            if (owner)
            {
                End(held);
                Owner.Exit();
            }
        }
    }

    private static bool TryStart(long budget, long largeObjectBudget)
    {
        try
        {
            return GC.TryStartNoGCRegion(budget, largeObjectBudget);
        }
        catch (InvalidOperationException)
        {
            return false; // a region is already open (started outside this class)
        }
        catch (ArgumentOutOfRangeException)
        {
            return false; // the budget exceeds what this GC configuration can set aside
        }
    }

    private static void End(bool held)
    {
        if (!held || GCSettings.LatencyMode != GCLatencyMode.NoGCRegion)
            return; // not started, or ended already: the allocations exceeded the budget and a collection ran
        try
        {
            GC.EndNoGCRegion();
        }
        catch (InvalidOperationException)
        {
            // The budget ran out on another thread between the check and the call: the region has ended already.
        }
    }
}
