using System.CommandLine;

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
            throw new ArgumentException($"--where '{text}' is not of the form column=value.");
        return (text[..equals], text[(equals + 1)..]);
    }
}
