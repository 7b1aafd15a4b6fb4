using System.Diagnostics;

namespace Microsoft.ML.Gan.Integration.Tests;

/// <summary>Runs a program to completion and returns its exit code and its standard output and error together.</summary>
internal static class ProcessRunner
{
    public static (int ExitCode, string Output) Run(string program, string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
            start.ArgumentList.Add(argument);
        // The child builds and trains on its own: no MSBuild node or test-host settings leak in from this test run.
        foreach (string variable in new[] { "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "DOTNET_HOST_PATH" })
            start.Environment.Remove(variable);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["OMP_NUM_THREADS"] = "1";

        using var process = Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.WaitForExit();
        lock (output)
            return (process.ExitCode, output.ToString());
    }

    /// <summary>Runs the dotnet CLI; fails the test with the whole output when it does not succeed.</summary>
    public static string Dotnet(string workingDirectory, params string[] arguments)
    {
        var (code, output) = Run("dotnet", workingDirectory, arguments);
        Assert.AreEqual(0, code, $"dotnet {string.Join(' ', arguments)} failed:\n{output}");
        return output;
    }
}
