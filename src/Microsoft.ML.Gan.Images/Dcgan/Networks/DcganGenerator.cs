namespace Microsoft.ML.Gan.Images.Networks;

/// <summary>
/// DCGAN generator: input [N, z + K] (noise, then the one-hot label when conditional) → [N, C, H, W] in [−1, 1].
/// A transposed convolution makes the seed, 4×4 stride-2 transposed convolutions double it, batch norm (or
/// conditional batch norm for projection GANs) and ReLU after every layer but the last, tanh on the output.
/// </summary>
internal sealed class DcganGenerator : nn.Module<Tensor, Tensor>
{
    private readonly ModuleList<nn.Module<Tensor, Tensor>> convs = new();
    private readonly ModuleList<nn.Module<Tensor, Tensor>> norms = new();
    private readonly ModuleList<ConditionalBatchNorm2d> conditionalNorms = new();
    private readonly int _latent;
    private readonly int _labels;
    private readonly bool _conditionalNorm;

    public DcganGenerator(ImageNetworkSpec spec) : base(nameof(DcganGenerator))
    {
        var layout = spec.Layout;
        _latent = spec.LatentDimension;
        _labels = spec.LabelWidth;
        _conditionalNorm = spec.Conditioning == ImageConditioning.Projection;
        int input = _conditionalNorm ? _latent : _latent + _labels;
        for (int stage = 0; stage < layout.Stages; stage++)
        {
            int channels = layout.GeneratorChannels(spec.GeneratorFeatures, stage);
            convs.Add(stage == 0
                ? nn.ConvTranspose2d(input, channels, (layout.SeedHeight, layout.SeedWidth), bias: false)
                : nn.ConvTranspose2d(input, channels, 4, stride: 2, padding: 1, bias: false));
            if (_conditionalNorm)
                conditionalNorms.Add(new ConditionalBatchNorm2d(channels, _labels));
            else
                norms.Add(nn.BatchNorm2d(channels));
            input = channels;
        }
        convs.Add(nn.ConvTranspose2d(input, spec.Shape.Channels, 4, stride: 2, padding: 1));
        RegisterComponents();
        DcganInit.Apply(this);
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var labels = _labels > 0 ? input.narrow(1, _latent, _labels) : null;
        var x = (_conditionalNorm ? input.narrow(1, 0, _latent) : input).unsqueeze(-1).unsqueeze(-1);
        for (int i = 0; i < convs.Count - 1; i++)
        {
            x = convs[i].call(x);
            x = _conditionalNorm ? conditionalNorms[i].call(x, labels!) : norms[i].call(x);
            x = nn.functional.relu(x);
        }
        return tanh(convs[^1].call(x)).MoveToOuterDisposeScope();
    }
}
