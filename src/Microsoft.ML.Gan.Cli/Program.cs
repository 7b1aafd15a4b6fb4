using Microsoft.ML.Gan.Cli;

return CommandLine.Run(args);
