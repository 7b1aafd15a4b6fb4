namespace Microsoft.ML.Gan.Images.Networks;

/// <summary>
/// Conditional batch normalization (de Vries et al. 2017; used with projection discriminators): batch norm without
/// its own affine, followed by a per-class scale and shift (linear maps of the one-hot label, scale initialized
/// around 1).
/// </summary>
internal sealed class ConditionalBatchNorm2d : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly BatchNorm2d norm;
    private readonly Linear gamma;
    private readonly Linear beta;

    public ConditionalBatchNorm2d(long channels, long classes) : base(nameof(ConditionalBatchNorm2d))
    {
        norm = nn.BatchNorm2d(channels, affine: false);
        gamma = nn.Linear(classes, channels, hasBias: false);
        beta = nn.Linear(classes, channels, hasBias: false);
        using (no_grad())
        {
            nn.init.normal_(gamma.weight!, 1, 0.02);
            nn.init.zeros_(beta.weight!);
        }
        RegisterComponents();
    }

    /// <param name="input">[N, C, H, W].</param>
    /// <param name="oneHot">[N, classes].</param>
    public override Tensor forward(Tensor input, Tensor oneHot)
    {
        using var scope = NewDisposeScope();
        var scale = gamma.call(oneHot).unsqueeze(-1).unsqueeze(-1);
        var shift = beta.call(oneHot).unsqueeze(-1).unsqueeze(-1);
        return (norm.call(input) * scale + shift).MoveToOuterDisposeScope();
    }
}
