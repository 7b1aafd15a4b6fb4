namespace Microsoft.ML.Gan.Torch;

/// <summary>Process-wide TorchSharp settings that every family applies the same way: seeding and threads.</summary>
internal static class TorchRuntime
{
    /// <summary>
    /// Seeds torch's default generators (CPU and, when present, CUDA). All randomness of training draws from them,
    /// so a checkpoint that stores their state resumes exactly.
    /// </summary>
    /// <exception cref="InvalidOperationException">TorchSharp's native library cannot be loaded; the message names the cause.</exception>
    public static void Seed(long seed)
    {
        TorchNativeLibrary.EnsureLoaded();
        torch.random.manual_seed(seed);
        if (torch.cuda.is_available())
            torch.cuda.manual_seed_all(seed);
    }

    /// <summary>
    /// Sets the number of intra-op threads; 0 restores torch's own count (what torch chose before this library first
    /// changed it: one per physical core, or <c>OMP_NUM_THREADS</c>). On a machine shared with other busy processes
    /// use 1: OpenMP's spin-waiting threads make steps several times slower when they lose their core.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The count is negative.</exception>
    /// <exception cref="InvalidOperationException">TorchSharp's native library cannot be loaded; the message names the cause.</exception>
    public static void SetThreads(int threads, string optionName = "Threads")
    {
        if (threads < 0)
            throw new ArgumentOutOfRangeException(optionName, threads, $"{optionName} must be 0 (torch's default) or a positive thread count.");
        TorchNativeLibrary.EnsureLoaded();
        int torchDefault = TorchDefaultThreads.Value; // read before the first change
        int wanted = threads > 0 ? threads : torchDefault;
        if (torch.get_num_threads() != wanted)
            torch.set_num_threads(wanted);
    }

    /// <summary>Torch's thread count as found before the first <see cref="SetThreads"/>.</summary>
    private static readonly Lazy<int> TorchDefaultThreads = new(torch.get_num_threads);
}
