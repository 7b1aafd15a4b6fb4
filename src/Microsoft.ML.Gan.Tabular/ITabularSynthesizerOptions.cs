namespace Microsoft.ML.Gan.Tabular;

/// <summary>
/// What the options of every tabular synthesizer (<see cref="Ctgan.CtganOptions"/>, <see cref="Tvae.TvaeOptions"/>,
/// <see cref="TabDdpm.TabDdpmOptions"/>) have under the same names: the columns read, the seed, the device and threads,
/// progress and cancellation. The estimator shell (<see cref="TabularSynthesizerEstimator"/>) and the CLI set and read
/// them through this interface. The public base of the non-GAN synthesizers' options
/// (<see cref="TabularSynthesizerOptions"/>) implements it once; CTGAN's options, whose base class is the GAN engine's
/// <see cref="GanTrainingOptions"/>, add only the two column lists.
/// </summary>
internal interface ITabularSynthesizerOptions
{
    /// <summary>Columns read as discrete whatever their type.</summary>
    IReadOnlyList<string> DiscreteColumns { get; set; }

    /// <summary>Columns left out.</summary>
    IReadOnlyList<string> IgnoreColumns { get; set; }

    /// <summary>Training rows per step.</summary>
    int BatchSize { get; set; }

    /// <summary>The seed; null for one drawn from the MLContext.</summary>
    int? Seed { get; set; }

    /// <summary>The torch device.</summary>
    string Device { get; set; }

    /// <summary>Torch threads; 0 for torch's default.</summary>
    int Threads { get; set; }

    /// <summary>Receives training progress.</summary>
    IProgress<GanProgress>? Progress { get; set; }

    /// <summary>Stops the fit within one step.</summary>
    CancellationToken CancellationToken { get; set; }

    /// <summary>Throws if an option is out of range (the message names it).</summary>
    void Validate();
}
