namespace Microsoft.ML.Gan.Images.Networks.Translation;

/// <summary>
/// Two networks seen as one module, so that the engine's one optimizer, EMA copy, gradient guard and checkpoints
/// cover both: CycleGAN's generators G: A→B and F: B→A, or its discriminators D_B and D_A.
/// </summary>
internal sealed class NetworkPair : nn.Module
{
    private readonly nn.Module<Tensor, Tensor> first;
    private readonly nn.Module<Tensor, Tensor> second;

    public NetworkPair(nn.Module<Tensor, Tensor> first, nn.Module<Tensor, Tensor> second) : base(nameof(NetworkPair))
    {
        this.first = first;
        this.second = second;
        RegisterComponents();
    }

    /// <summary>G (A→B), or D_B.</summary>
    public nn.Module<Tensor, Tensor> First => first;

    /// <summary>F (B→A), or D_A.</summary>
    public nn.Module<Tensor, Tensor> Second => second;
}
