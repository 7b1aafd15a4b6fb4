namespace Microsoft.ML.Gan.Tabular.Export;

/// <summary>
/// Enumerates a sequence one item ahead on a worker thread, so that producing the next item (generating a batch of
/// rows) overlaps with consuming the current one (filtering and writing it). At most two items exist at once.
/// </summary>
internal static class ReadAhead
{
    public static IEnumerable<T> Of<T>(IEnumerable<T> source)
    {
        var items = source.GetEnumerator();
        Task<bool>? pending = Task.Run(items.MoveNext);
        try
        {
            while (pending.GetAwaiter().GetResult())
            {
                T current = items.Current;
                pending = Task.Run(items.MoveNext);
                yield return current;
            }
            pending = null;
        }
        finally
        {
            // A consumer that stops early (an error, a cancellation) waits for the item in progress before disposing.
            try
            {
                pending?.Wait();
            }
            catch (AggregateException)
            {
                // The consumer's own exception is the one that matters.
            }
            items.Dispose();
        }
    }
}
