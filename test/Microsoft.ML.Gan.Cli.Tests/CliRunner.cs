using Spectre.Console;

namespace Microsoft.ML.Gan.Cli.Tests;

/// <summary>Runs mlgan in process and captures what it prints.</summary>
internal static class CliRunner
{
    public static (int ExitCode, string Output) Run(params string[] args)
    {
        var writer = new StringWriter();
        var previousOut = Console.Out;
        var previousError = Console.Error;
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer), Ansi = AnsiSupport.No, Interactive = InteractionSupport.No });
        console.Profile.Width = 10_000;
        AnsiConsole.Console = console;
        Console.SetOut(writer);
        Console.SetError(writer);
        try
        {
            int code = CommandLine.Run(args);
            return (code, writer.ToString());
        }
        finally
        {
            Console.SetOut(previousOut);
            Console.SetError(previousError);
        }
    }
}
