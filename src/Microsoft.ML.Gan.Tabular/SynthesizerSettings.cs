using Microsoft.ML.Gan.Tabular.Privacy;
using Microsoft.ML.Gan.Training;

namespace Microsoft.ML.Gan.Tabular;

/// <summary>
/// What <c>mlgan fit</c> sets on every synthesizer, from which a family's descriptor builds its options
/// (<see cref="TabularSynthesizerDescriptor.Create"/>). The columns to read as discrete or to ignore are not here: the
/// command line applies them to the table it reads.
/// </summary>
internal sealed record SynthesizerSettings
{
    /// <summary>Training epochs (<c>--epochs</c>), or null for the family's own default length.</summary>
    public int? Epochs { get; init; }

    /// <summary>Training steps instead of epochs (<c>--steps</c>), or null.</summary>
    public long? Steps { get; init; }

    /// <summary>Rows per step (<c>--batch-size</c>), or null for the family's own default.</summary>
    public int? BatchSize { get; init; }

    /// <summary>The torch device (<c>--device</c>).</summary>
    public string Device { get; init; } = Torch.TorchDevices.Default;

    /// <summary>The seed (<c>--seed</c>).</summary>
    public int Seed { get; init; }

    /// <summary>Torch threads, 0 for torch's default (<c>--threads</c>).</summary>
    public int Threads { get; init; }

    /// <summary>The label column of target-aware synthesis (<c>--target</c>), or null.</summary>
    public string? Target { get; init; }

    /// <summary>Differential privacy (<c>--dp-epsilon</c> and its companions), or null.</summary>
    public PrivacySettings? Privacy { get; init; }

    /// <summary>Receives training progress.</summary>
    public IProgress<GanProgress>? Progress { get; init; }

    /// <summary>Stops the fit (Ctrl-C).</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>Sets the options every synthesizer has (batch size when given, device, seed, threads, progress, cancellation) and returns them.</summary>
    public TOptions ApplyTo<TOptions>(TOptions options)
        where TOptions : ITabularSynthesizerOptions
    {
        if (BatchSize is int batchSize)
            options.BatchSize = batchSize;
        options.Device = Device;
        options.Seed = Seed;
        options.Threads = Threads;
        options.Progress = Progress;
        options.CancellationToken = Cancellation;
        return options;
    }
}

/// <summary>An (ε, δ) budget and the command line's tuning of the other privacy options.</summary>
/// <param name="Epsilon">ε of the whole fit.</param>
/// <param name="Delta">δ, or null for the default.</param>
/// <param name="Tune">Sets the remaining privacy options (transformer share, public bounds and categories).</param>
internal sealed record PrivacySettings(double Epsilon, double? Delta, Action<TabularPrivacyOptions> Tune);
