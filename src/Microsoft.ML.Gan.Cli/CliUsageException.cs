namespace Microsoft.ML.Gan.Cli;

/// <summary>A mistake in the command line itself (a flag's value, a combination of flags): exit code 2.</summary>
internal sealed class CliUsageException(string message, Exception? inner = null) : Exception(message, inner);
