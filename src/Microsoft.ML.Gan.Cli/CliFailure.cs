using System.Text.RegularExpressions;

namespace Microsoft.ML.Gan.Cli;

/// <summary>
/// Exit codes and error printing shared by the commands: one line on standard error in the command line's own words
/// (flags, not the library's property names), the stack trace only with <c>--verbose</c>.
/// </summary>
internal static partial class CliFailure
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>The work failed: bad or missing data, a file or database that could not be read or written.</summary>
    public const int Failed = 1;

    /// <summary>The command line was wrong (parser errors, a bad flag value, an output that names an input).</summary>
    public const int Usage = 2;

    /// <summary>Stopped by Ctrl-C or SIGTERM (128 + SIGINT, as shells report it).</summary>
    public const int Interrupted = 130;

    /// <summary>Prints the whole exception, stack trace included, when a command fails.</summary>
    public static readonly Option<bool> Verbose = new("--verbose") { Description = "On failure, also print the full error with its stack trace.", Recursive = true };

    /// <summary>Flag names for the library's option names that its messages mention.</summary>
    private static readonly (Regex Pattern, string Flag)[] Flags =
    [
        (Property("IgnoreColumns"), "--ignore"),
        (Property("DiscreteColumns"), "--discrete"),
        (Property("BatchSize"), "--batch-size"),
        (Property("Epochs"), "--epochs"),
        (Property("MaxSteps"), "--steps"),
        (Property("LabelColumn"), "--target"),
        (Property("RealHoldout"), "--holdout"),
        (Property("RealTraining"), "--real"),
        (Property("MinimumDcrQuantile"), "--min-dcr-quantile"),
        (Property("RareCategoryThreshold"), "--rare-k"),
        (Property("Delta", qualifiedOnly: true), "--dp-delta"),
        (Property("TargetEpsilon"), "--dp-epsilon"),
        (new Regex(@"\.?\s*Set Overwrite to replace it\.?"), "; add --overwrite to replace it."),
        (new Regex(@"; it is replaced only when overwriting is asked for\.?"), "; add --overwrite to replace it."),
    ];

    /// <summary>
    /// Runs a command body with Ctrl-C/SIGTERM turned into its cancellation token, and turns any failure into one line
    /// and an exit code: <see cref="Usage"/> for <see cref="CliUsageException"/> and the library's <see cref="ArgumentException"/>s (a bad
    /// option value, a column name that is not in the table), else
    /// <see cref="Failed"/>.
    /// </summary>
    public static int Guard(ParseResult result, Func<CancellationToken, int> body)
    {
        using var interruption = new Interruption();
        try
        {
            return body(interruption.Token);
        }
        catch (Exception e) when (interruption.Token.IsCancellationRequested && Innermost(e) is OperationCanceledException)
        {
            Console.Error.WriteLine("error: interrupted; unfinished outputs were removed and existing ones left as they were.");
            return Interrupted;
        }
        catch (Exception e)
        {
            var cause = Innermost(e);
            Console.Error.WriteLine($"error: {Message(cause)}");
            if (result.GetValue(Verbose))
                Console.Error.WriteLine(e);
            return cause is CliUsageException or ArgumentException ? Usage : Failed;
        }
    }

    /// <summary>The exception's message on one line, in the command line's words.</summary>
    public static string Message(Exception e)
    {
        string message = e.Message;
        if (e is ArgumentException { ParamName: { } name })
            message = message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal);
        if (e is ArgumentOutOfRangeException && message.IndexOf("Actual value was", StringComparison.Ordinal) is > 0 and var actual)
            message = message[..actual].TrimEnd();
        foreach (var (pattern, flag) in Flags)
            message = pattern.Replace(message, flag);
        message = string.Join(' ', message.Split((char[])['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return e is CliUsageException or ArgumentException or IOException or InvalidDataException or FormatException
            or InvalidOperationException or NotSupportedException or UnauthorizedAccessException or OperationCanceledException
            ? message
            : $"{message} ({e.GetType().Name}; --verbose shows where)";
    }

    /// <summary>ML.NET and tasks wrap errors; the useful message is the innermost one.</summary>
    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null && e is not (ArgumentException or CliUsageException or IOException or InvalidDataException or UnauthorizedAccessException))
            e = e.InnerException;
        return e;
    }

    /// <summary>A property name, alone or qualified by its options class ("CtganOptions.IgnoreColumns").</summary>
    private static Regex Property(string name, bool qualifiedOnly = false) =>
        new($@"\b(?:[A-Za-z]+Options\.|Privacy\.){(qualifiedOnly ? "" : "?")}{name}\b");
}
