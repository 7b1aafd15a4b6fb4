namespace Microsoft.ML.Gan.Cli;

/// <summary>
/// The flags of the commands that generate rows from a saved model (sample, export): --model, -n, --overwrite,
/// --shard, --seed and --threads, and what they set up.
/// </summary>
/// <param name="rowsDescription">What -n counts, for the command's help.</param>
internal sealed class GenerationFlags(string rowsDescription)
{
    public Option<FileInfo> Model { get; } = new("--model") { Description = "Model zip written by 'mlgan fit'.", Required = true };

    public Option<long> Rows { get; } = new("-n", "--rows") { Description = rowsDescription, DefaultValueFactory = _ => 10_000 };

    public Option<bool> Overwrite { get; } = CommonOptions.Overwrite();

    public Option<SampleShard?> Shard { get; } = CommonOptions.Shard();

    public Option<int> Seed { get; } = CommonOptions.Seed();

    public Option<int> Threads { get; } = CommonOptions.Threads();

    /// <summary>The value of -n, checked: at least 1.</summary>
    public long RowCount(ParseResult result)
    {
        long count = result.GetValue(Rows);
        if (count < 1)
            throw new CliUsageException($"-n must be at least 1, not {count}.");
        return count;
    }

    /// <summary>Sets torch's threads (--threads) and returns a context seeded with --seed.</summary>
    public MLContext CreateContext(ParseResult result)
    {
        Torch.TorchRuntime.SetThreads(result.GetValue(Threads), "--threads");
        return new MLContext(seed: result.GetValue(Seed));
    }
}
