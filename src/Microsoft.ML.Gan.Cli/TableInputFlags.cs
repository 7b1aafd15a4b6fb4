using System.Text;

namespace Microsoft.ML.Gan.Cli;

/// <summary>The flags that say how table files are read: --separator, --encoding and --metadata.</summary>
internal sealed class TableInputFlags
{
    static TableInputFlags() => System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public Option<string?> Separator { get; } = new("--separator")
    {
        Description = "CSV field separator: ',', ';', '|', 'tab' or another single character (default: detected among , ; tab |).",
    };

    public Option<string?> Encoding { get; } = new("--encoding")
    {
        Description = "CSV text encoding: utf-8 (default; an invalid byte is an error), latin1, windows-1252, utf-16...",
    };

    public Option<FileInfo?> Metadata { get; } = new("--metadata")
    {
        Description = "Column roles (JSON written by 'mlgan inspect --out', possibly edited) to use instead of inferring them.",
    };

    public void AddTo(System.CommandLine.Command command)
    {
        command.Options.Add(Separator);
        command.Options.Add(Encoding);
        command.Options.Add(Metadata);
    }

    /// <summary>The metadata file named by --metadata, or null.</summary>
    public TabularMetadata? LoadMetadata(ParseResult result) =>
        result.GetValue(Metadata) is { } file ? TabularMetadata.Load(file.FullName) : null;

    /// <summary>Reading options from the flags, with --discrete / --ignore (which override the metadata's roles).</summary>
    public TabularFileOptions ToOptions(ParseResult result, TabularMetadata? metadata, IReadOnlyList<string>? discrete = null, IReadOnlyList<string>? ignore = null) => new()
    {
        Separator = ParseSeparator(result.GetValue(Separator)),
        Encoding = ParseEncoding(result.GetValue(Encoding)),
        Metadata = metadata,
        DiscreteColumns = discrete ?? [],
        IgnoreColumns = ignore ?? [],
    };

    public static char? ParseSeparator(string? text) => text switch
    {
        null => null,
        "tab" or "\\t" or "\t" => '\t',
        "comma" => ',',
        "semicolon" => ';',
        "pipe" => '|',
        { Length: 1 } single when single[0] is not ('"' or '\r' or '\n') => single[0],
        _ => throw new ArgumentException($"--separator '{text}' must be one character (',', ';', '|') or 'tab'."),
    };

    /// <summary>The encoding named by --encoding; null for UTF-8, which the reader decodes strictly.</summary>
    public static Encoding? ParseEncoding(string? name)
    {
        if (name is null || name.Replace("-", "", StringComparison.Ordinal).Equals("utf8", StringComparison.OrdinalIgnoreCase))
            return null;
        try
        {
            return System.Text.Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            throw new ArgumentException($"--encoding '{name}' is not an encoding this tool knows; try utf-8, latin1, windows-1252 or utf-16.");
        }
    }
}
