namespace Microsoft.ML.Gan.Networks;

/// <summary>A fully connected layer whose weight is spectrally normalized.</summary>
internal sealed class NormalizedLinear : nn.Module<Tensor, Tensor>
{
    private readonly Linear linear;
    private readonly SpectralNorm spectral;

    /// <summary>Creates the layer with PyTorch's default initialization.</summary>
    public NormalizedLinear(long inputs, long outputs) : base(nameof(NormalizedLinear))
    {
        linear = nn.Linear(inputs, outputs);
        spectral = new SpectralNorm(linear.weight!);
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        using var weight = spectral.Normalized();
        return nn.functional.linear(input, weight, linear.bias);
    }
}
