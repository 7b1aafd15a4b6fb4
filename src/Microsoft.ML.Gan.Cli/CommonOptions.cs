namespace Microsoft.ML.Gan.Cli;

/// <summary>Options several commands share, and parsing helpers for their values.</summary>
internal static class CommonOptions
{
    public static Option<int> Seed() => new("--seed") { Description = "Seed of every random choice.", DefaultValueFactory = _ => 1 };

    public static Option<int> Threads() => new("--threads")
    {
        Description = "Torch threads (0 = torch's default: one per core, or OMP_NUM_THREADS; use 1 when other jobs share the cores).",
        DefaultValueFactory = _ => 0,
    };

    public static Option<bool> Overwrite() => new("--overwrite") { Description = "Replace existing output files or tables (without it an existing output is an error)." };

    /// <summary>--shard K/M: rows [K·n/M, (K+1)·n/M) of the n-row sample, for running one sample as M processes.</summary>
    public static Option<SampleShard?> Shard() => new("--shard")
    {
        Description = "Write only shard K of M (K/M, 0-based): rows [K*n/M, (K+1)*n/M) of the same rows one run writes. CSV shards after 0 have no header, so 'cat' of the shards in order is the file of one run.",
        CustomParser = result =>
        {
            string text = result.Tokens.Single().Value;
            int slash = text.IndexOf('/');
            if (slash > 0 && int.TryParse(text[..slash], out int index) && int.TryParse(text[(slash + 1)..], out int count) && count >= 1 && index >= 0 && index < count)
                return new SampleShard(index, count);
            result.AddError($"--shard '{text}' is not K/M with 0 <= K < M (for example 0/4).");
            return null;
        },
    };

    /// <summary>--discrete: columns read as categories, overriding --metadata.</summary>
    public static Option<string[]> Discrete() =>
        ColumnList("--discrete", "Columns to read as categories whatever they hold (comma-separated; overrides --metadata).");

    /// <summary>--ignore: columns left out, overriding --metadata.</summary>
    public static Option<string[]> Ignore() => ColumnList("--ignore", "Columns to leave out (comma-separated; overrides --metadata).");

    public static Option<string[]> ColumnList(string name, string description) => new(name)
    {
        Description = description,
        AllowMultipleArgumentsPerToken = true,
        CustomParser = result => result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray(),
    };

    /// <summary>Parses "column=value" for conditional sampling.</summary>
    public static (string Column, string Value) ParseCondition(string text)
    {
        int equals = text.IndexOf('=');
        if (equals <= 0)
            throw new CliUsageException($"--where '{text}' is not of the form column=value.");
        return (text[..equals], text[(equals + 1)..]);
    }
}
