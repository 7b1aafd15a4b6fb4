using System.Text;

namespace Microsoft.ML.Gan.Tabular.Data;

/// <summary>How <see cref="TabularFileReader"/> reads a table file.</summary>
public sealed class TabularFileOptions
{
    /// <summary>The CSV field separator; null to detect it among comma, semicolon, tab and pipe. Default: null.</summary>
    public char? Separator { get; init; }

    /// <summary>
    /// The CSV file's text encoding; null for UTF-8 (a byte order mark is skipped), where an invalid byte is an error
    /// naming its line. Default: null.
    /// </summary>
    public Encoding? Encoding { get; init; }

    /// <summary>Roles to use instead of inferring them (for example from <c>mlgan inspect --out</c>); null to infer every role. Default: null.</summary>
    public TabularMetadata? Metadata { get; init; }

    /// <summary>Columns to read as categories whatever they hold (overrides <see cref="Metadata"/>). Default: none.</summary>
    public IReadOnlyList<string> DiscreteColumns { get; init; } = [];

    /// <summary>Columns to leave out (overrides <see cref="Metadata"/>). Default: none.</summary>
    public IReadOnlyList<string> IgnoreColumns { get; init; } = [];
}
