using System.CommandLine;

namespace Microsoft.ML.Gan.Cli;

/// <summary>The mlgan command tree.</summary>
internal static class CommandLine
{
    public static RootCommand Build()
    {
        var root = new RootCommand("mlgan: generative adversarial networks for ML.NET.");
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(InspectCommand.Create());
        root.Subcommands.Add(FitCommand.Create());
        root.Subcommands.Add(SampleCommand.Create());
        root.Subcommands.Add(EvaluateCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(RingDemoCommand.Create());
        return root;
    }
}
