using Microsoft.ML.Gan.Cli;

return CommandLine.Build().Parse(args).Invoke();
