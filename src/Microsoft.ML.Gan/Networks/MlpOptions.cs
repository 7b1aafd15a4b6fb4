namespace Microsoft.ML.Gan.Networks;

/// <summary>Shape of a multilayer perceptron used as generator or discriminator.</summary>
internal sealed record MlpOptions
{
    /// <summary>Widths of the hidden layers.</summary>
    public IReadOnlyList<int> HiddenLayers { get; init; } = new[] { 128, 128 };

    /// <summary>Hidden activation: ReLU when false, LeakyReLU(0.2) when true (the usual discriminator choice).</summary>
    public bool LeakyRelu { get; init; }

    /// <summary>Batch normalization after each hidden linear layer (generators; never with a gradient penalty critic).</summary>
    public bool BatchNorm { get; init; }

    /// <summary>Spectral normalization of every linear layer (Miyato et al. 2018).</summary>
    public bool SpectralNorm { get; init; }

    /// <summary>Dropout probability after each hidden activation (0 = none).</summary>
    public double Dropout { get; init; }

    /// <summary>Tanh on the output (generators of data scaled to [−1, 1]).</summary>
    public bool TanhOutput { get; init; }
}
