using System.Runtime.InteropServices;
using Microsoft.ML.Gan.Persistence;

namespace Microsoft.ML.Gan.Cli;

/// <summary>
/// Turns Ctrl-C (SIGINT) and SIGTERM into a cancellation of the running command, so that training, sampling and
/// exports stop at their next check and remove what they had begun (temporary files, uncommitted transactions). A
/// command that does not stop within <see cref="GracePeriod"/>, or a second signal, deletes every temporary output
/// file still open and ends the process with <see cref="CliFailure.Interrupted"/>.
/// </summary>
internal sealed class Interruption : IDisposable
{
    private static readonly TimeSpan GracePeriod = TimeSpan.FromSeconds(5);
    private readonly CancellationTokenSource _source = new();
    private readonly PosixSignalRegistration[] _registrations;

    public Interruption()
    {
        _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle), PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle)];
    }

    public CancellationToken Token => _source.Token;

    public void Dispose()
    {
        foreach (var registration in _registrations)
            registration.Dispose();
        _source.Dispose();
    }

    private void Handle(PosixSignalContext context)
    {
        context.Cancel = true;
        if (_source.IsCancellationRequested)
        {
            Stop();
            return;
        }
        Console.Error.WriteLine("Interrupted: stopping and removing unfinished outputs...");
        _source.Cancel();
        _ = Task.Delay(GracePeriod).ContinueWith(_ => Stop(), TaskScheduler.Default);
    }

    private static void Stop()
    {
        AtomicFile.DeleteOpenTemporaries();
        Environment.Exit(CliFailure.Interrupted);
    }
}
