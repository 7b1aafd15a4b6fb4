namespace Microsoft.ML.Gan.Cli;

/// <summary>The mlgan command tree, and running it with mlgan's exit codes.</summary>
internal static class CommandLine
{
    public static RootCommand Build()
    {
        var root = new RootCommand("mlgan: generative adversarial networks for ML.NET.");
        root.Options.Add(CliFailure.Verbose);
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(InspectCommand.Create());
        root.Subcommands.Add(FitCommand.Create());
        root.Subcommands.Add(SampleCommand.Create());
        root.Subcommands.Add(EvaluateCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(RingDemoCommand.Create());
        return root;
    }

    /// <summary>
    /// Parses and runs <paramref name="args"/>. A command line the parser rejects prints one line (every parse error,
    /// and where to find the options) and exits with <see cref="CliFailure.Usage"/>; commands handle their own errors
    /// and signals (<see cref="CliFailure.Guard"/>).
    /// </summary>
    public static int Run(string[] args)
    {
        var result = Build().Parse(args);
        if (result.Errors.Count > 0)
        {
            string command = string.Join(' ', result.CommandResult.Command.Name == "mlgan" ? ["mlgan"] : new[] { "mlgan", result.CommandResult.Command.Name });
            Console.Error.WriteLine($"error: {string.Join(" ", result.Errors.Select(e => e.Message))} ('{command} --help' lists the options.)");
            return CliFailure.Usage;
        }
        return result.Invoke(new InvocationConfiguration { ProcessTerminationTimeout = null });
    }
}
