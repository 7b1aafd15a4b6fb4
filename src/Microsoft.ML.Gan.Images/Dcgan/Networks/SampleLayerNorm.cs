namespace Microsoft.ML.Gan.Images.Networks;

/// <summary>
/// Layer normalization of each sample over (C, H, W) with a per-channel scale and shift — what GroupNorm(1, C)
/// computes, written with elementary operations. libtorch's fused CPU GroupNorm gave all-NaN gradient penalties in
/// about one run in four here (its double backward, which the penalty needs, is not deterministic); these operations are.
/// </summary>
internal sealed class SampleLayerNorm : nn.Module<Tensor, Tensor>
{
    private readonly Parameter weight;
    private readonly Parameter bias;
    private readonly double _epsilon;

    public SampleLayerNorm(long channels, double epsilon = 1e-5) : base(nameof(SampleLayerNorm))
    {
        weight = nn.Parameter(ones(channels));
        bias = nn.Parameter(zeros(channels));
        _epsilon = epsilon;
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var dims = new long[] { 1, 2, 3 };
        var centred = input - input.mean(dims, keepdim: true);
        var normalized = centred / (centred.pow(2).mean(dims, keepdim: true) + _epsilon).sqrt();
        return (normalized * weight.view(1, -1, 1, 1) + bias.view(1, -1, 1, 1)).MoveToOuterDisposeScope();
    }
}
