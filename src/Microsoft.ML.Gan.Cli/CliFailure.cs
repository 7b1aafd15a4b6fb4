using Spectre.Console;

namespace Microsoft.ML.Gan.Cli;

/// <summary>Exit codes and error printing shared by the commands.</summary>
internal static class CliFailure
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>The work failed (bad data, unreadable model...).</summary>
    public const int Failed = 1;

    /// <summary>The command line was wrong.</summary>
    public const int Usage = 2;

    /// <summary>Runs a command body and turns the library's documented exceptions into a message and an exit code.</summary>
    public static int Guard(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (Exception e) when (e is ArgumentException or InvalidDataException or FileNotFoundException
                                      or DirectoryNotFoundException or FormatException or InvalidOperationException)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {Innermost(e).Message}");
            return e is ArgumentException or FormatException ? Usage : Failed;
        }
    }

    /// <summary>ML.NET wraps errors from parallel cursors; the useful message is the innermost one.</summary>
    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null && e is not ArgumentException)
            e = e.InnerException;
        return e;
    }
}
