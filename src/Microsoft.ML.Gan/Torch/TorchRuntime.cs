using TorchSharp;

namespace Microsoft.ML.Gan.Torch;

/// <summary>Process-wide TorchSharp settings that every family applies the same way: seeding and threads.</summary>
public static class TorchRuntime
{
    /// <summary>
    /// Seeds torch's default generators (CPU and, when present, CUDA). All randomness of training draws from them,
    /// so a checkpoint that stores their state resumes exactly.
    /// </summary>
    public static void Seed(long seed)
    {
        torch.random.manual_seed(seed);
        if (torch.cuda.is_available())
            torch.cuda.manual_seed_all(seed);
    }

    /// <summary>
    /// Sets the number of intra-op threads. 0 keeps torch's own choice. On small machines one thread per process
    /// avoids OpenMP oversubscription, which can make steps several times slower when two processes compete.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The count is negative.</exception>
    public static void SetThreads(int threads, string optionName = "Threads")
    {
        if (threads < 0)
            throw new ArgumentOutOfRangeException(optionName, threads, $"{optionName} must be 0 (torch's default) or a positive thread count.");
        if (threads > 0 && torch.get_num_threads() != threads)
            torch.set_num_threads(threads);
    }
}
