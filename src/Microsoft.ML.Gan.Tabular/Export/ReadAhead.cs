using System.Collections.Concurrent;

namespace Microsoft.ML.Gan.Tabular.Export;

/// <summary>
/// Runs a sequence of jobs ahead of their consumer on worker threads, so that producing the next items (generating
/// batches of rows) overlaps with consuming the current one (filtering and writing it); the items come out in the
/// jobs' order. With torch on one thread, one worker runs one job ahead (at most two items exist at once). With torch
/// on T ≥ 2 threads, min(T, <see cref="MaxWorkers"/>) workers each run every W-th job with torch on one thread of its
/// own (at most W + 1 items exist at once).
/// </summary>
/// <remarks>
/// <para>
/// Why several single-threaded workers rather than one worker with T torch threads: the consumer needs a core too,
/// and a torch operation split over T threads waits for the slowest of them, so every time the consumer (or any
/// other process) takes a core, the whole operation stalls. Workers that each run a whole job on one thread share
/// the cores with the consumer without waiting for each other (on 2 cores, 1M adult rows to Parquet: see
/// BENCHMARKS.md).
/// </para>
/// <para>
/// The jobs run on dedicated threads, not on thread-pool threads: torch allocates its tensors with malloc, and glibc
/// gives every allocating thread its own arena, so generation that hops between pool threads leaves the freed tensors
/// of each batch in a different arena (2M rows to Parquet: 582 MiB peak against 380 MiB when every batch is generated
/// by the same thread, whose arena then reuses the same blocks).
/// </para>
/// <para>
/// Torch keeps its thread count per thread, but <c>set_num_threads</c> also sets the default that threads starting
/// later take; the workers set their own count to one, and the consumer's thread sets the count it found back when
/// the sequence ends.
/// </para>
/// </remarks>
internal static class ReadAhead
{
    /// <summary>The most workers (each holds one finished or unfinished item).</summary>
    public const int MaxWorkers = 4;

    public static IEnumerable<T> Of<T>(IEnumerable<Func<T>> jobs)
    {
        int torchThreads = get_num_threads();
        int count = Math.Clamp(torchThreads, 1, MaxWorkers);
        var workers = new Worker[count];
        for (int w = 0; w < count; w++)
            workers[w] = new Worker(singleTorchThread: count > 1);
        var pending = new Queue<Task<T>>(count);
        var items = jobs.GetEnumerator();
        long started = 0;
        try
        {
            while (pending.Count < count && items.MoveNext())
                pending.Enqueue(workers[started++ % count].Run(items.Current));
            while (pending.Count > 0)
            {
                T current = pending.Dequeue().GetAwaiter().GetResult();
                if (items.MoveNext())
                    pending.Enqueue(workers[started++ % count].Run(items.Current));
                yield return current;
            }
        }
        finally
        {
            // A consumer that stops early (an error, a cancellation) waits for the items in progress before disposing.
            foreach (var task in pending)
            {
                try
                {
                    task.Wait();
                }
                catch (AggregateException)
                {
                    // The consumer's own exception is the one that matters.
                }
            }
            foreach (var worker in workers)
                worker.Dispose();
            items.Dispose();
            if (count > 1)
                set_num_threads(torchThreads);
        }
    }

    /// <summary>One background thread that runs the jobs given to it, in order.</summary>
    private sealed class Worker : IDisposable
    {
        private readonly BlockingCollection<Action> _jobs = new();
        private readonly Thread _thread;
        private readonly bool _singleTorchThread;

        public Worker(bool singleTorchThread)
        {
            _singleTorchThread = singleTorchThread;
            _thread = new Thread(Loop) { IsBackground = true, Name = "mlgan read-ahead" };
            _thread.Start();
        }

        public Task<T> Run<T>(Func<T> job)
        {
            var result = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
            _jobs.Add(() =>
            {
                try
                {
                    result.SetResult(job());
                }
                catch (Exception e)
                {
                    result.SetException(e);
                }
            });
            return result.Task;
        }

        public void Dispose()
        {
            _jobs.CompleteAdding();
            _thread.Join();
            _jobs.Dispose();
        }

        private void Loop()
        {
            if (_singleTorchThread)
            {
                get_num_threads(); // torch sets up a thread's count on first use, from the default: do that first
                set_num_threads(1);
            }
            foreach (var job in _jobs.GetConsumingEnumerable())
                job();
        }
    }
}
